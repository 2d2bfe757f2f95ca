import { makeVector, Table, tableFromIPC } from 'apache-arrow';
import type { AggregateFiles, AggregateReport } from '../aggregates/load-aggregates';
import { OWN_AGENT } from '../coverage-engine/household-status';
import { isCalendarDate } from '../domain/calendar';
import type { TableName } from '../domain/schema';
import { assignedAgentDistances } from '../geo/coverage';
import { type ImportReport, importTable } from '../import';
import { nullableVector, sameBoolean } from '../sql/arrow-vectors';
import { loadArrowTable, loadCsvTable, type TableLoad } from '../sql/load-table';
import { assignedPairsSql, NEVER_VISITED } from '../sql/queries';
import { insertDerived, type SqlClient } from '../sql/sql-client';
import type { DatasetSource } from './dataset-source';
import { fetchBytes, fetchBytesIfPresent, requestedAhead } from './fetch-bytes';
import { GAZETTEER, gazetteerCopyPath } from './gazetteer-copy';
import { fetchAggregateFiles, openAggregates, storedAggregateFiles } from './load-aggregate-dataset';
import { fileName } from './load-guard';
import type { DataTable, TableStatus } from './table-status';
import { visitReferenceDate } from './visit-reference';

export type LoadStep =
  | 'duckdb'
  | 'villages'
  | 'households'
  | 'agents'
  | 'cases'
  | 'coverage'
  | 'boundaries'
  | 'map';

export interface LoadProgress {
  step: LoadStep;
  /** 0–1 within the step, when known. */
  fraction?: number;
}

export interface LoadedDataset {
  source: DatasetSource;
  loads: TableLoad[];
  /** Validation reports of an imported or published dataset's files (empty for the demo). */
  reports: ImportReport[];
  /** Which tables the dataset supplied; a missing one is loaded empty and figures needing it are not shown. */
  tables: TableStatus;
  /**
   * 'aggregates': a published village-level dataset — no household rows; the planner's area tables hold the
   * published figures (households, coverage, needs, cases open per month); `aggregateReport` is its check.
   */
  level: 'households' | 'aggregates';
  aggregateReport?: AggregateReport;
  /** The day visit ages are counted to (visit-reference.ts); households level only. */
  visitReference?: string;
  /** How many tables came as the import dialog's check built them (not checked again); households level only. */
  checkedTables?: number;
  timings: Partial<Record<LoadStep, number>>;
}

const EMPTY_TABLES: Record<Exclude<TableName, 'villages'>, string> = {
  households: 'household_id,village_code,lon,lat',
  agents: 'agent_id,agent_type,home_village_code,lon,lat',
  cases: 'case_id,household_id,need,status,reported_at',
};

/** Downloads a file of the dataset: `onProgress` gets the share received when the download is not under way yet. */
type Download = (url: string, onProgress: (fraction: number) => void) => Promise<Uint8Array>;

/** The server's files of a load, requested ahead (startDownloads). */
export interface Downloads {
  /** A file by its URL: the one requested ahead when there is one (taken once), else requested now. */
  file: Download;
  /** A published aggregate-only dataset's manifest and figure files; null for any other dataset. */
  aggregates: Promise<AggregateFiles> | null;
  /** The gazetteer's columnar copy made from the CSV served (gazetteer-copy.ts); null when there is none. */
  gazetteerCopy: Promise<Uint8Array | null>;
}

/**
 * The server's files of a load (the gazetteer and a demo's or published dataset's files), all requested at once,
 * as soon as the dataset is chosen: they download while DuckDB starts and while the tables before them load,
 * instead of after them. They are still taken in order, and a download that fails or stalls is reported when its
 * turn comes, naming its file.
 */
export function startDownloads(source: DatasetSource): Downloads {
  const gazetteer = requestedAhead(fetchBytes(GAZETTEER));
  const started = new Map<string, Promise<Uint8Array>>([[GAZETTEER, gazetteer]]);
  const urls = source.kind === 'imported' || source.aggregates ? [] : Object.values(source.files);
  for (const url of urls) {
    if (!url || started.has(url)) continue;
    started.set(url, requestedAhead(fetchBytes(url)));
  }
  // Requested once the CSV is in (its name comes from the CSV's bytes). Any failure only means no copy: the
  // CSV is then loaded, and reports its own failures.
  const gazetteerCopy = gazetteer
    .then((csv) => fetchBytesIfPresent(gazetteerCopyPath(csv)))
    .catch(() => null);
  const aggregates =
    source.kind === 'published' && source.aggregates
      ? requestedAhead(fetchAggregateFiles(source.aggregates))
      : null;
  return {
    file: (url, onProgress) => {
      const download = started.get(url);
      started.delete(url);
      return download ?? fetchBytes(url, onProgress);
    },
    aggregates,
    gazetteerCopy,
  };
}

/** A table written as Arrow IPC (the demo's columnar copy of its CSV). */
const ARROW = '.arrow';

async function loadFile(
  client: SqlClient,
  table: TableName,
  url: string | undefined,
  download: Download,
  onProgress: (p: LoadProgress) => void,
): Promise<TableLoad> {
  const fileName = `${table}.csv`;
  const progress = (fraction: number) => onProgress({ step: table, fraction });
  if (url?.endsWith(ARROW)) {
    const loaded = await loadArrowTable(client, table, await download(url, progress));
    if (loaded) return loaded;
    // Columns of another contract version: the CSV beside it holds the same rows.
    url = `${url.slice(0, -ARROW.length)}.csv`;
  }
  const bytes = url
    ? await download(url, progress)
    : new TextEncoder().encode(`${EMPTY_TABLES[table as keyof typeof EMPTY_TABLES]}\n`);
  await client.registerFile(fileName, bytes);
  return loadCsvTable(client, table, fileName);
}

/**
 * Once per load: each household's recorded-agent state, its distance to that agent (the coverage engine's
 * function, household-status.ts) and the age of its last visit in whole days before `referenceDate`
 * (visit-reference.ts), stored in DuckDB as `household_coverage(row_id, agent_state, agent_distance_m,
 * visit_age_days, visits_recorded)` so every SQL figure applies the engine's rules (coveredSql, nearSql,
 * statusSql, withAgentSql) to the engine's numbers — and the engine reads its visit ages from here too.
 * agent_distance_m is kept for ACTIVE agents only (NULL otherwise); visit_age_days is NULL for a household
 * never visited; visits_recorded is false on every row when no household has a visit date (the dataset
 * does not record visits: "unknown", never "not visited").
 */
export async function computeHouseholdCoverage(client: SqlClient, referenceDate: string): Promise<void> {
  if (!isCalendarDate(referenceDate)) throw new RangeError(`reference date ${referenceDate}`);
  // Derived from the read alone: a visit whose load asked the same in the same state takes the table as the
  // last one wrote it, without reading a million households (remembered-answers.ts).
  return insertDerived(client, 'household_coverage', assignedPairsSql(referenceDate), householdCoverage);
}

/** household_coverage's rows from the households' pairs with their agents (assignedPairsSql's answer). */
function householdCoverage(pairs: Table): Table {
  const column = <T>(name: string, empty: T) => (pairs.getChild(name)?.toArray() as T | undefined) ?? empty;
  const distances = assignedAgentDistances({
    householdLon: column('lon', new Float64Array(0)),
    householdLat: column('lat', new Float64Array(0)),
    agentLon: column('agent_lon', new Float64Array(0)),
    agentLat: column('agent_lat', new Float64Array(0)),
  });
  const states = column('agent_state', new Uint8Array(0));
  const ages = column('visit_age_days', new Int32Array(0));
  const visited = ages.some((age) => age !== NEVER_VISITED);
  // Written as read, in one Arrow table of the answer's typed arrays (its vectors may belong to another copy of
  // the Arrow library): no second pass of DuckDB over the households, a join and a sort (a fifth of a second at
  // a million).
  return new Table({
    row_id: makeVector(column('row_id', new Int32Array(0))),
    agent_state: makeVector(states),
    agent_distance_m: nullableVector(
      distances,
      (i) => states[i] === OWN_AGENT.active && !Number.isNaN(distances[i]),
    ),
    visit_age_days: nullableVector(ages, (i) => ages[i] !== NEVER_VISITED),
    visits_recorded: sameBoolean(visited, ages.length),
  });
}

interface FileToCheck {
  fileName: string;
  bytes: Uint8Array;
  mapping?: Record<string, string>;
}

/**
 * The file of a table that goes through the import checks: an imported dataset's stored file, or a published
 * dataset's file downloaded from the server (validated exactly like an import). The demo is trusted: null.
 */
async function fileToCheck(
  source: DatasetSource,
  table: DataTable,
  download: Download,
  onProgress: (fraction: number) => void,
): Promise<FileToCheck | null> {
  if (source.kind === 'imported') return source.stored?.files.find((f) => f.kind === table) ?? null;
  const url = source.files[table];
  if (source.kind !== 'published' || !url) return null;
  return { fileName: fileName(url), bytes: await download(url, onProgress) };
}

/**
 * A published or imported aggregate-only dataset's three files (a published one is downloaded, `aggregates`);
 * null for a dataset with household rows.
 */
function aggregateFiles(
  source: DatasetSource,
  aggregates: Promise<AggregateFiles> | null,
): Promise<AggregateFiles> | null {
  const stored = source.kind === 'imported' ? storedAggregateFiles(source) : null;
  return stored ? Promise.resolve(stored) : aggregates;
}

/** The gazetteer: its columnar copy when one was made from the very CSV served (gazetteer-copy.ts), else the CSV. */
async function loadGazetteer(
  client: SqlClient,
  downloads: Downloads,
  onProgress: (p: LoadProgress) => void,
): Promise<TableLoad> {
  const copy = await downloads.gazetteerCopy;
  // Null for a copy of another version of the data contract: the CSV holds the same rows.
  const loaded = copy ? await loadArrowTable(client, 'villages', copy) : null;
  return loaded ?? loadFile(client, 'villages', GAZETTEER, downloads.file, onProgress);
}

/**
 * Loads the gazetteer and a dataset's tables into DuckDB, then derives household coverage. `onGazetteer` is
 * called once the gazetteer is in (what needs only the village list can start beside the other tables).
 * `downloads` are the files startDownloads requested for `source` (they start here when it was not called).
 */
export async function loadDataset(
  client: SqlClient,
  source: DatasetSource,
  onProgress: (p: LoadProgress) => void,
  onGazetteer: () => void = () => undefined,
  downloads: Downloads = startDownloads(source),
): Promise<LoadedDataset> {
  const timings: LoadedDataset['timings'] = {};
  const timed = async <T>(step: LoadStep, work: () => Promise<T>): Promise<T> => {
    onProgress({ step });
    const t0 = performance.now();
    const result = await work();
    timings[step] = performance.now() - t0;
    return result;
  };
  const loads: TableLoad[] = [];
  const reports: ImportReport[] = [];
  const tables: TableStatus = { households: 'missing', agents: 'missing', cases: 'missing' };
  const download = downloads.file;
  loads.push(await timed('villages', () => loadGazetteer(client, downloads, onProgress)));
  onGazetteer();
  const aggregates = aggregateFiles(source, downloads.aggregates);
  if (aggregates) {
    const loaded = await timed('households', async () => openAggregates(client, await aggregates, source));
    const { report, ...rest } = loaded;
    return { ...rest, loads, reports, timings, level: 'aggregates', aggregateReport: report };
  }
  // Agents before households before cases: each import checks references to the tables before it.
  for (const table of ['agents', 'households', 'cases'] as const) {
    const checked = source.checked?.[table];
    if (checked) {
      // Built by the dialog's check from the same files, gazetteer and tables before it: the same rows.
      await timed(table, () => client.insertArrow(table, tableFromIPC(checked.ipc)));
      reports.push(checked.report);
      tables[table] = checked.report.fatal ? 'missing' : 'loaded';
      loads.push({
        table,
        rows: checked.report.validRows,
        rejected: checked.report.rejectedRows,
        missingColumns: [],
      });
      continue;
    }
    const file = await fileToCheck(source, table, download, (fraction) =>
      onProgress({ step: table, fraction }),
    );
    if (file || source.files[table]) tables[table] = 'loaded';
    if (file) {
      const report = await timed(table, () =>
        importTable(
          client,
          { kind: table, fileName: file.fileName, bytes: file.bytes },
          { mapping: file.mapping, onProgress: (fraction) => onProgress({ step: table, fraction }) },
        ),
      );
      reports.push(report);
      if (report.fatal) tables[table] = 'missing';
      loads.push({ table, rows: report.validRows, rejected: report.rejectedRows, missingColumns: [] });
    } else {
      // A table the dataset lacks is created empty (never borrowed from the demo): its status says so.
      const url = source.kind === 'demo' ? source.files[table] : undefined;
      loads.push(await timed(table, () => loadFile(client, table, url, download, onProgress)));
    }
  }
  const visitReference = visitReferenceDate(source);
  await timed('coverage', () => computeHouseholdCoverage(client, visitReference));
  // The handed-over tables are in DuckDB now: their bytes are not kept with the dataset.
  const { checked, ...kept } = source;
  const checkedTables = Object.keys(checked ?? {}).length;
  return {
    source: kept,
    loads,
    reports,
    tables,
    timings,
    level: 'households',
    visitReference,
    checkedTables,
  };
}
