/**
 * Opens an aggregate-only dataset (format.ts) in DuckDB, in the browser or in Node: checks its three files
 * (validate.ts), then creates the tables the planner reads — `planner_villages`, `planner_cube` (one row per
 * village, decile and agent kind NULL; a hidden village's row has NULL figures), `planner_month_cube`, and
 * `planner_households` / `planner_cases` empty — so that villageMeasuresSql, districtMeasuresSql and
 * periodMeasuresSql run unchanged with NO_FILTERS. The household-level tables (`households`, `agents`, `cases`,
 * `household_coverage`) are created empty with all their columns: queries on them run and find nothing.
 *
 * The gazetteer (`villages`) must be loaded first, as the app always does. The planner tables come from the
 * app's own preparePlannerSql run over the empty tables (so their columns and types are the planner's), and the
 * published figures are then inserted into the two cubes.
 *
 * Note for callers: villageMeasuresSql reads a hidden village as 0 households (it coalesces missing sums); tell
 * it apart with HIDDEN_VILLAGES_SQL. MONTH_RANGE_SQL reads the month cube as well as the (empty) cases.
 */
import { Table, type Vector } from 'apache-arrow';
import { preparePlannerSql } from '../cube/tables';
import { DATA_TABLES } from '../dataset/table-status';
import { canonicalVector } from '../sql/arrow-vectors';
import { queryRows, type SqlClient } from '../sql/sql-client';
import { createEmptyTable } from './empty-tables';
import {
  type AggregateManifest,
  FIGURE_COLUMNS,
  FIGURES_FILE,
  MANIFEST_FILE,
  MONTH_COLUMNS,
  MONTHS_FILE,
  type VillageFigures,
  type VillageMonth,
} from './format';
import { type AggregateIssue, checkFigures, checkMonths, parseManifest } from './validate';

export interface AggregateFiles {
  /** aggregates.json */
  manifest: Uint8Array;
  /** village-figures.csv */
  figures: Uint8Array;
  /** village-months.csv */
  months: Uint8Array;
  /** The files' names as the user gave them (an import), for the report; else the manifest's. */
  names?: { manifest: string; figures: string; months: string };
}

export interface FileCounts {
  /** Data rows read. */
  rows: number;
  /** Rows loaded. */
  valid: number;
  /** Rows rejected (each listed among the issues). */
  rejected: number;
}

export interface AggregateReport {
  /** Set when the dataset cannot be opened at all: then no table was changed. */
  fatal: AggregateIssue | null;
  figures: FileCounts;
  months: FileCounts;
  /** Villages published with their figures hidden (small groups and those hidden with them). */
  hiddenVillages: string[];
  /** The rejected rows' issues in file and line order, at most MAX_AGGREGATE_ISSUES. */
  issues: AggregateIssue[];
  /** All issues, also beyond the list's cap. */
  issueCount: number;
}

export const MAX_AGGREGATE_ISSUES = 1000;

/** Villages whose figures the dataset hides (villageMeasuresSql shows them as 0 households). */
export const HIDDEN_VILLAGES_SQL =
  'SELECT DISTINCT village_code FROM planner_cube WHERE n IS NULL ORDER BY 1';

/** The empty household_coverage computeHouseholdCoverage (load-dataset.ts) makes from no households. */
const EMPTY_COVERAGE_SQL = `CREATE OR REPLACE TABLE household_coverage
  (row_id INTEGER, agent_state UTINYINT, agent_distance_m DOUBLE, visit_age_days INTEGER,
   visits_recorded BOOLEAN)`;

const counts = (rows: number, valid: number): FileCounts => ({ rows, valid, rejected: rows - valid });

/** An Arrow table of text and nullable INTEGER columns. */
function arrowTable(text: Record<string, string[]>, ints: Record<string, (number | null)[]>): Table {
  const columns: Record<string, Vector> = {};
  for (const [k, v] of Object.entries(text)) columns[k] = canonicalVector('text', v);
  for (const [k, v] of Object.entries(ints)) columns[k] = canonicalVector('integer', v);
  return new Table(columns);
}

async function insertFigures(client: SqlClient, rows: readonly VillageFigures[]): Promise<void> {
  await client.insertArrow(
    'aggregate_figures',
    arrowTable(
      { village_code: rows.map((r) => r.village_code) },
      Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, rows.map((r) => r.figures?.[c] ?? null)])),
    ),
  );
  const sums = FIGURE_COLUMNS.filter((c) => c !== 'households' && c !== 'covered');
  await client.queryTable(`INSERT INTO planner_cube BY NAME
    SELECT g.vid, f.village_code, g.district_code, NULL AS decile, NULL AS agent_kind,
      f.households AS n, f.covered AS cov, ${sums.map((c) => `f.${c}`).join(', ')}
    FROM aggregate_figures f JOIN planner_villages g USING (village_code)`);
  await client.queryTable('DROP TABLE aggregate_figures');
}

async function insertMonths(client: SqlClient, rows: readonly VillageMonth[]): Promise<void> {
  const shown = rows.filter((r) => r.figures !== null);
  await client.insertArrow(
    'aggregate_months',
    arrowTable(
      { month: shown.map((r) => r.month), village_code: shown.map((r) => r.village_code) },
      Object.fromEntries(MONTH_COLUMNS.map((c) => [c, shown.map((r) => r.figures?.[c] ?? null)])),
    ),
  );
  await client.queryTable(`INSERT INTO planner_month_cube BY NAME
    SELECT m.month, g.vid, m.village_code, g.district_code, NULL AS decile, NULL AS agent_kind,
      ${MONTH_COLUMNS.map((c) => `m.${c}`).join(', ')}
    FROM aggregate_months m JOIN planner_villages g USING (village_code)`);
  await client.queryTable('DROP TABLE aggregate_months');
}

/**
 * Checks an aggregate dataset and, unless it cannot be opened at all, replaces the planner's and the
 * household-level tables with it. Returns the manifest (null when unusable) and the report.
 */
export async function loadAggregates(
  client: SqlClient,
  files: AggregateFiles,
): Promise<{ manifest: AggregateManifest | null; report: AggregateReport }> {
  const issues: AggregateIssue[] = [];
  const report = (
    fatal: AggregateIssue | null,
    figures = counts(0, 0),
    months = counts(0, 0),
    hidden: string[] = [],
  ): AggregateReport => ({
    fatal,
    figures,
    months,
    hiddenVillages: hidden,
    issues: issues.slice(0, MAX_AGGREGATE_ISSUES),
    issueCount: issues.length,
  });
  const parsed = parseManifest(files.manifest, files.names?.manifest ?? MANIFEST_FILE);
  if (!parsed.ok) return { manifest: null, report: report(parsed.issue) };
  const manifest = parsed.value;
  const figuresFile = files.names?.figures ?? (manifest.files.figures || FIGURES_FILE);
  const monthsFile = files.names?.months ?? (manifest.files.months || MONTHS_FILE);
  const gazetteer = new Set(
    (await queryRows<{ village_code: string }>(client, 'SELECT village_code FROM villages')).map(
      (r) => r.village_code,
    ),
  );
  const figures = checkFigures(files.figures, figuresFile, gazetteer, manifest.minGroup, issues);
  if (figures.fatal) return { manifest: null, report: report(figures.fatal) };
  const months = checkMonths(files.months, monthsFile, gazetteer, figures.rows, figuresFile, issues);
  if (months.fatal) return { manifest: null, report: report(months.fatal) };

  for (const table of DATA_TABLES) await createEmptyTable(client, table);
  await client.queryTable(EMPTY_COVERAGE_SQL);
  for (const sql of preparePlannerSql(manifest.thresholdM)) await client.queryTable(sql);
  await insertFigures(client, figures.rows);
  await insertMonths(client, months.rows);
  issues.sort((a, b) => (a.file === b.file ? (a.row ?? 0) - (b.row ?? 0) : a.file === figuresFile ? -1 : 1));
  const hidden = figures.rows.filter((r) => r.figures === null).map((r) => r.village_code);
  return {
    manifest,
    report: report(
      null,
      counts(figures.total, figures.rows.length),
      counts(months.total, months.rows.length),
      hidden,
    ),
  };
}
