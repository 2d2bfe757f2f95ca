/** Publishing a dataset and opening the result, as the CLI and the app do, for the round-trip tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIGURES_FILE, MANIFEST_FILE, MONTHS_FILE } from '../../../src/core/aggregates/format';
import { loadAggregates } from '../../../src/core/aggregates/load-aggregates';
import { type PublishOutcome, publishAggregates } from '../../../src/core/aggregates/publish';
import type { DataTable } from '../../../src/core/dataset/table-status';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const readText = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

/** Publishes CSV texts per table into a fresh DuckDB, which keeps the household-level planner tables. */
export async function publishTexts(
  tables: Partial<Record<DataTable, string>>,
  synthetic = true,
): Promise<{ db: SqlClient; outcome: Extract<PublishOutcome, { ok: true }> }> {
  const db = await startNodeDuckDb();
  const inputs = Object.fromEntries(
    Object.entries(tables).map(([t, text]) => [t, { fileName: `${t}.csv`, bytes: bytes(text) }]),
  );
  const outcome = await publishAggregates(db, inputs, {
    villages: { fileName: 'villages.csv', bytes: bytes(readText('data/villages.csv')) },
    name: 'uji',
    date: '2026-10-31',
    thresholdM: 1000,
    synthetic,
    created: new Date('2026-11-01T00:00:00Z'),
  });
  if (!outcome.ok) throw new Error(`publish failed: ${outcome.reason}`);
  return { db, outcome };
}

/** A fresh DuckDB with the gazetteer loaded as the app loads it. */
export async function gazetteerDb(): Promise<SqlClient> {
  const db = await startNodeDuckDb();
  await db.registerFile('villages.csv', bytes(readText('data/villages.csv')));
  await loadCsvTable(db, 'villages', 'villages.csv');
  return db;
}

/** Opens published files (file name → text) in a fresh DuckDB with the gazetteer. */
export async function openPublished(files: Record<string, string>) {
  const db = await gazetteerDb();
  const loaded = await loadAggregates(db, {
    manifest: bytes(files[MANIFEST_FILE] ?? ''),
    figures: bytes(files[FIGURES_FILE] ?? ''),
    months: bytes(files[MONTHS_FILE] ?? ''),
  });
  return { db, ...loaded };
}
