/**
 * The malformed-file corpus (tests/fixtures/import): each file is imported with importTable into a fresh base state
 * (the gazetteer data/villages.csv, two agents and three households from tests/fixtures/import/ref) and its report
 * compared with `<file>.expected.json`. Regenerate the expected files (then review the diff!) with
 *   UPDATE_IMPORT_FIXTURES=1 npx vitest run --project unit tests/data/import-corpus.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportKind, type ImportReport, importTable } from '../../../src/core/import';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DIR = path.join(ROOT, 'tests/fixtures/import');
const UPDATE = process.env.UPDATE_IMPORT_FIXTURES === '1';

const FILES = readdirSync(DIR)
  .filter((f) => !f.endsWith('.expected.json') && !f.endsWith('.ts') && f !== 'ref')
  .sort();

/** Kind of a new fixture from its name (the expected file records it afterwards). */
function kindFromName(name: string): ImportKind {
  if (name.startsWith('agents-')) return 'agents';
  if (name.startsWith('cases-')) return 'cases';
  if (name.startsWith('villages-')) return 'villages';
  if (name.startsWith('boundaries-') || name.endsWith('.json') || name.startsWith('broken'))
    return 'boundaries';
  return 'households';
}

/** The part of a report the corpus pins down. */
function comparable(report: ImportReport) {
  return {
    kind: report.kind,
    format: report.format,
    fatal: report.fatal?.code ?? null,
    headerRow: report.headerRow,
    lines: report.lines,
    totalRows: report.totalRows,
    validRows: report.validRows,
    rejectedRows: report.rejectedRows,
    issueCounts: report.issueCounts,
    dataQuality: report.dataQuality,
    villageCodeSystem: report.villageCodeSystem,
    skippedChecks: report.skippedChecks,
    mapping: report.mapping,
    unmappedHeaders: report.unmappedHeaders,
    issues: report.issues,
  };
}

let db: SqlClient;

async function baseState(): Promise<void> {
  for (const [table, file] of [
    ['villages', path.join(ROOT, 'data/villages.csv')],
    ['agents', path.join(DIR, 'ref/agents.csv')],
    ['households', path.join(DIR, 'ref/households.csv')],
  ] as const) {
    await db.registerFile(`base-${table}.csv`, readFileSync(file));
    await loadCsvTable(db, table, `base-${table}.csv`);
  }
  await db.queryTable('DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS village_boundaries');
}

beforeAll(async () => {
  db = await startNodeDuckDb();
}, 60_000);

describe('import corpus', () => {
  it('has at least 30 files, each with an expected report', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(30);
    if (!UPDATE)
      for (const f of FILES) expect(existsSync(path.join(DIR, `${f}.expected.json`)), f).toBe(true);
  });

  it.each(FILES)('%s', async (name) => {
    const expectedFile = path.join(DIR, `${name}.expected.json`);
    const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : null;
    const kind: ImportKind = expected?.kind ?? kindFromName(name);
    await baseState();
    const report = await importTable(db, { kind, fileName: name, bytes: readFileSync(path.join(DIR, name)) });
    const actual = comparable(report);
    if (UPDATE) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(actual).toEqual(expected);
    // Every physical line of a CSV is accounted for (issue 11.5).
    const lines = report.lines;
    if (lines && !report.fatal) {
      const used = lines.header + lines.title + lines.blank + lines.continuation;
      expect(report.validRows + report.rejectedRows + used).toBe(lines.physical);
    }
    // Nothing silently dropped or added: the canonical table holds exactly the valid rows.
    if (!report.fatal && kind !== 'boundaries') {
      const [row] = (await db.queryTable(`SELECT count(*)::INTEGER AS n FROM ${kind}`)).toArray();
      expect(row?.n).toBe(report.validRows);
    }
    expect(report.validRows + report.rejectedRows).toBe(report.totalRows);
  });
});
