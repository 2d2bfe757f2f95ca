/**
 * "Gunakan data ini" hands the tables the dialog's check built to the load (source.checked) instead of checking
 * the kept files again. Invariant: the database it gives is the one the loader's own check of those files
 * gives — every table, row by row, with the same reports and table states.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CheckedTable, importedSource } from '../../../src/core/dataset/dataset-source';
import { loadDataset } from '../../../src/core/dataset/load-dataset';
import type { StoredDataset } from '../../../src/core/dataset/local-store';
import { DATA_TABLES, type DataTable } from '../../../src/core/dataset/table-status';
import { importTable } from '../../../src/core/import';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const lines = (file: string, n: number) => readFileSync(`${DATA}${file}`, 'utf8').split('\n').slice(0, n);
const enc = (text: string) => new TextEncoder().encode(text);

/** The demo's agents, a slice of its households with two bad rows, and cases of which many name other households. */
function files(): Record<DataTable, Uint8Array> {
  const households = lines('demo/households.csv', 1_501);
  const [, first] = households;
  if (!first) throw new Error('demo households missing');
  households.push(first); // a duplicate id: both rows are refused
  households.push(first.replace(/^[^,]+/, 'BAD-COORD').replace(/,-?\d+\.\d+,/, ',999,'));
  return {
    agents: readFileSync(`${DATA}demo/agents.csv`),
    households: enc(`${households.join('\n')}\n`),
    cases: enc(`${lines('demo/cases.csv', 4_001).join('\n')}\n`),
  };
}

/** What the import dialog's worker does: the gazetteer, each file checked in reference order, tables exported. */
async function checkLikeTheDialog(bytes: Record<DataTable, Uint8Array>) {
  const client = await startNodeDuckDb();
  await client.registerFile('villages.csv', readFileSync(`${DATA}villages.csv`));
  await loadCsvTable(client, 'villages', 'villages.csv');
  const checked: Partial<Record<DataTable, CheckedTable>> = {};
  for (const kind of ['agents', 'households', 'cases'] as const) {
    const report = await importTable(client, { kind, fileName: `${kind}.csv`, bytes: bytes[kind] });
    const ipc = tableToIPC(await client.queryTable(`SELECT * FROM ${kind}`), 'stream');
    checked[kind] = { ipc, report };
  }
  return checked;
}

const rows = async (client: SqlClient, table: string) =>
  JSON.stringify(await queryRows(client, `SELECT * FROM ${table}`), (_, v) =>
    typeof v === 'bigint' ? String(v) : v,
  );

describe('an import used right after its check', () => {
  beforeAll(() => {
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`${DATA}${url}`)));
  });
  afterAll(() => vi.unstubAllGlobals());

  it('loads the same tables, rows, reports and table states as checking the kept files again', async () => {
    const bytes = files();
    const checked = await checkLikeTheDialog(bytes);
    const stored: StoredDataset = {
      name: 'Uji',
      savedAt: '2026-12-01T00:00:00.000Z',
      files: DATA_TABLES.map((kind) => ({
        kind,
        fileName: `${kind}.csv`,
        bytes: bytes[kind],
        mapping: checked[kind]?.report.mapping,
      })),
    };
    const again = await startNodeDuckDb();
    const handed = await startNodeDuckDb();
    const slow = await loadDataset(again, importedSource(stored), () => undefined);
    const fast = await loadDataset(handed, { ...importedSource(stored), checked }, () => undefined);

    expect(fast.tables).toEqual(slow.tables);
    expect(fast.loads).toEqual(slow.loads);
    expect(fast.reports).toEqual(slow.reports);
    // The fixture exercises refusals: duplicate ids, a bad coordinate, cases of households not in the file.
    expect(slow.reports.map((r) => r.rejectedRows).every((n) => n >= 0)).toBe(true);
    expect(slow.reports.find((r) => r.kind === 'households')?.rejectedRows).toBeGreaterThanOrEqual(3);
    expect(slow.reports.find((r) => r.kind === 'cases')?.rejectedRows).toBeGreaterThan(0);
    for (const table of ['villages', ...DATA_TABLES, 'household_coverage']) {
      expect(await rows(handed, table), table).toBe(await rows(again, table));
    }
  }, 180_000);
});
