/** Shared by the import tests that compare the same rows read from different formats. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportReport } from '../../src/core/import';
import { loadCsvTable } from '../../src/core/sql/load-table';
import type { SqlClient } from '../../src/core/sql/sql-client';
import { startNodeDuckDb } from './duckdb-node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A client with the gazetteer (data/villages.csv), the households' reference. */
export async function gazetteerClient(): Promise<SqlClient> {
  const db = await startNodeDuckDb();
  await db.registerFile('villages.csv', readFileSync(`${ROOT}/data/villages.csv`));
  await loadCsvTable(db, 'villages', 'villages.csv');
  return db;
}

/** What a report says about the rows, apart from where they are (CSV counts lines, other formats records). */
export const reportSummary = (r: ImportReport) => ({
  fatal: r.fatal?.code ?? null,
  totalRows: r.totalRows,
  validRows: r.validRows,
  rejectedRows: r.rejectedRows,
  issueCounts: r.issueCounts,
  dataQuality: r.dataQuality,
});
