/**
 * importTable: one file → validation report, and its valid rows into the canonical table (replacing it).
 * The same code runs in the browser (DuckDB-WASM worker) and headless (scripts/validate.ts, Node blocking build).
 *
 * Steps: size check → format → read into a staging table of text columns (Arrow batches) → column mapping
 * (schema.ts aliases + user override) → checks in SQL → replace the canonical table with the rows that have no
 * rejecting issue → report. Cancellation is checked between steps and batches; a cancelled, failed or fatal
 * import leaves every canonical table as it was (the replacement is one CREATE OR REPLACE statement, run last).
 *
 * Reference checks use the tables loaded at the time: import villages first (or keep the gazetteer), then agents,
 * then households (agent_id checked against agents), then cases (household_id against households, agent_id
 * against agents). A reference table that is absent or empty skips its check (listed in report.skippedChecks).
 * One import at a time per client is the intended use; scratch tables carry a per-call prefix regardless.
 */
import { makeVector, Table } from 'apache-arrow';
import { normaliseHeader, resolveColumns, TABLES, type TableName } from '../domain/schema';
import { utf8Vector } from '../sql/arrow-vectors';
import { ident, queryRows, type SqlClient } from '../sql/sql-client';
import { validateBoundaries } from './boundaries';
import { type CheckTables, loadCanonical, runChecks, tableRows } from './checks';
import { checkSize, detectFormat } from './detect';
import { readArrow } from './read-arrow';
import { CancelledError, FatalError, fail, type ReadContext, uniqueHeaders } from './read-context';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { readParquet } from './read-parquet';
import { readXlsx } from './read-xlsx';
import { emptyReport, fatalReport, summariseIssuesSql } from './report';
import { STAGE_BATCH_ROWS, StageWriter } from './staging';
import {
  ACCEPTED_FORMATS,
  FORMAT_NAMES,
  type ImportFormat,
  type ImportInput,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  type ImportStage,
} from './types';

let importCounter = 0;

/** Share of the overall progress bar taken by each stage (read includes staging). */
const STAGE_SPAN: Record<ImportStage, [number, number]> = {
  read: [0, 0.55],
  stage: [0.55, 0.6],
  check: [0.6, 0.9],
  load: [0.9, 0.95],
  report: [0.95, 1],
};

interface Mapping {
  /** canonical → staging column index */
  columns: Map<string, number>;
  /** canonical → source header */
  headers: Map<string, string>;
  unmapped: string[];
}

/** Automatic mapping (canonical names and aliases), then the user's override. Throws FatalError. */
export function resolveMapping(
  kind: TableName,
  headers: readonly string[],
  override: Record<string, string | null> | undefined,
): Mapping {
  const auto = resolveColumns(kind, headers);
  const chosen = new Map(auto);
  const known = new Set(TABLES[kind].map((s) => s.name));
  for (const [canonical, header] of Object.entries(override ?? {})) {
    if (!known.has(canonical)) fail('bad_mapping', `"${canonical}" is not a column of ${kind}`);
    if (header === null || header === '') {
      chosen.delete(canonical);
      continue;
    }
    if (!headers.includes(header))
      fail('bad_mapping', `the file has no column "${header}" (for ${canonical})`);
    chosen.set(canonical, header);
  }
  const missing = TABLES[kind].filter((s) => s.required && !chosen.has(s.name)).map((s) => s.name);
  if (missing.length > 0) fail('missing_columns', missing.join(', '));
  const columns = new Map<string, number>();
  const mappedHeaders = new Map<string, string>();
  for (const spec of TABLES[kind]) {
    const header = chosen.get(spec.name);
    if (header === undefined) continue;
    columns.set(spec.name, headers.indexOf(header));
    mappedHeaders.set(spec.name, header);
  }
  const used = new Set(mappedHeaders.values());
  return { columns, headers: mappedHeaders, unmapped: headers.filter((h) => !used.has(h)) };
}

export async function importTable(
  client: SqlClient,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { kind, fileName, bytes } = input;
  let report = emptyReport(kind, fileName, null);
  const progress = (stage: ImportStage, fraction: number): void => {
    const [a, b] = STAGE_SPAN[stage];
    options.onProgress?.(a + (b - a) * Math.min(1, Math.max(0, fraction)), stage);
  };
  const checkAbort = (): void => {
    if (options.signal?.aborted) throw new CancelledError();
  };
  const prefix = `_import_${++importCounter}_`;
  const t: CheckTables = {
    stage: `${prefix}stage`,
    typed: `${prefix}typed`,
    issues: `${prefix}issues`,
    scratch: (name) => `${prefix}${name}`,
  };
  try {
    checkAbort();
    const format = detectFormat(fileName, bytes);
    if (typeof format !== 'string') return fatalReport(report, format);
    report = { ...report, format };
    const tooLarge = checkSize(format, bytes.length);
    if (tooLarge) return fatalReport(report, tooLarge);

    if (kind === 'boundaries') {
      if (!ACCEPTED_FORMATS.boundaries.includes(format)) {
        const accepted = ACCEPTED_FORMATS.boundaries.map((f) => FORMAT_NAMES[f]).join(' or ');
        fail('unsupported_format', `boundaries must be ${accepted}, got ${FORMAT_NAMES[format]}`);
      }
      progress('read', 0);
      const villages = (await tableRows(client, 'villages')) ?? 0;
      const known =
        villages > 0
          ? new Set(
              (await queryRows<{ c: string }>(client, 'SELECT village_code AS c FROM villages')).map(
                (r) => r.c,
              ),
            )
          : null;
      const { report: checked, features } = validateBoundaries(fileName, bytes, known);
      progress('check', 1);
      checkAbort();
      if (checked.totalRows === 0) fail('no_data_rows', 'the FeatureCollection has no features');
      await client.insertArrow(
        'village_boundaries',
        // Vectors built directly: apache-arrow's generic builder compiles code with `new Function`,
        // which the app's Content Security Policy forbids.
        new Table({
          village_code: utf8Vector(features.map((f) => f.properties.village_code)),
          geometry: utf8Vector(features.map((f) => JSON.stringify(f.geometry))),
        }),
      );
      progress('report', 1);
      return { ...checked, loadedTable: 'boundaries' };
    }

    // Read into the staging table.
    const preIssues: ImportIssue[] = [];
    let writer: StageWriter | null = null;
    let mapping: Mapping | null = null;
    const ctx: ReadContext = {
      begin: async (headers, headerRow) => {
        mapping = resolveMapping(kind, headers, options.mapping);
        report = {
          ...report,
          headerRow: headerRow ?? null,
          mapping: Object.fromEntries(mapping.headers),
          unmappedHeaders: mapping.unmapped,
        };
        writer = new StageWriter(client, t.stage, headers.length);
      },
      recognised: (cells) => {
        const headers = uniqueHeaders(cells.map((c) => c ?? ''));
        const chosen = Object.values(options.mapping ?? {}).filter((h) => h && headers.includes(h));
        return resolveColumns(kind, headers).size + chosen.length;
      },
      row: async (row, cells) => {
        if (!writer) return;
        writer.add(row, cells);
        if (writer.pending >= STAGE_BATCH_ROWS) {
          checkAbort();
          await writer.flush();
        }
      },
      rowsInDatabase: async (select) => {
        await writer?.adopt(select);
      },
      reject: (issue) => {
        preIssues.push(issue);
      },
      progress: (fraction) => progress('read', fraction),
      checkAbort,
    };
    const readers: Record<ImportFormat, () => Promise<unknown>> = {
      csv: async () => {
        const info = await readCsv(bytes, ctx);
        report = { ...report, lines: info.lines };
      },
      xlsx: () => readXlsx(bytes, ctx),
      parquet: () => readParquet(bytes, ctx),
      arrow: () => readArrow(client, bytes, ctx, t.scratch('arrow')),
      geojson: () => readGeoJson(bytes, kind, ctx),
    };
    try {
      await readers[format]();
    } catch (err) {
      if (err instanceof FatalError || err instanceof CancelledError) throw err;
      fail('unreadable', err instanceof Error ? err.message : String(err));
    }
    const staged = writer as StageWriter | null;
    const plan = mapping as Mapping | null;
    if (!staged || !plan) return fail('no_header', 'no header found');
    await staged.finish();
    progress('stage', 1);
    report = { ...report, totalRows: staged.count + preIssues.length };
    if (report.totalRows === 0) fail('no_data_rows', 'the file has a header but no data rows');
    checkAbort();

    // Checks.
    const codeColumn =
      kind === 'households' ? 'village_code' : kind === 'agents' ? 'home_village_code' : null;
    const codeHeader = codeColumn ? plan.headers.get(codeColumn) : undefined;
    const outcome = await runChecks(
      client,
      {
        kind,
        columns: plan.columns,
        headers: plan.headers,
        bpsHint: codeHeader !== undefined && normaliseHeader(codeHeader).includes('bps'),
      },
      t,
      (fraction) => {
        checkAbort();
        progress('check', fraction);
      },
    );
    if (preIssues.length > 0) {
      await client.insertArrow(
        t.scratch('pre'),
        new Table({
          row_no: makeVector(Int32Array.from(preIssues.map((i) => i.row))),
          col: utf8Vector(preIssues.map((i) => i.column ?? '')),
          code: utf8Vector(preIssues.map((i) => i.code)),
          val: utf8Vector(preIssues.map((i) => i.value ?? '')),
        }),
      );
      await client.queryTable(`INSERT INTO ${ident(t.issues)}
        SELECT row_no, NULLIF(col, ''), code, NULLIF(val, ''), -1 FROM ${ident(t.scratch('pre'))}`);
    }
    report = {
      ...report,
      villageCodeSystem: outcome.villageCodeSystem,
      skippedChecks: outcome.skippedChecks,
    };

    // Load: the last step that can be cancelled.
    checkAbort();
    await loadCanonical(client, { kind, columns: plan.columns, headers: plan.headers, bpsHint: false }, t);
    progress('load', 1);
    report = await summariseIssuesSql(client, { ...report, loadedTable: kind }, t.issues);
    progress('report', 1);
    return report;
  } catch (err) {
    if (err instanceof FatalError) return fatalReport(report, err.fatal);
    if (err instanceof CancelledError) {
      return fatalReport(report, {
        code: 'cancelled',
        detail: 'the import was cancelled; nothing was loaded',
      });
    }
    return fatalReport(report, {
      code: 'internal_error',
      detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
  } finally {
    await dropScratch(client, prefix);
  }
}

/** Drops every scratch table of one import. */
async function dropScratch(client: SqlClient, prefix: string): Promise<void> {
  try {
    const tables = await queryRows<{ name: string; type: string }>(
      client,
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables
       WHERE table_schema = current_schema() AND starts_with(table_name, '${prefix}')
       ORDER BY table_type DESC`,
    );
    // Views first (ORDER BY: 'VIEW' > 'BASE TABLE'), then the tables under them.
    for (const { name, type } of tables) {
      await client.queryTable(`DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(name)}`);
    }
  } catch {
    // Best effort: a broken connection must not hide the import's own result.
  }
}
