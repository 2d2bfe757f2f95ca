import { loadCsvTable } from '../../src/core/sql/load-table';
import type { SqlClient } from '../../src/core/sql/sql-client';
import { startNodeDuckDb } from './duckdb-node';

/** CSV text per canonical table, loaded in dependency order. */
export interface FixtureTables {
  villages: string;
  households: string;
  agents: string;
  cases: string;
}

/** Loads (or loads again) the fixture tables into `db`, exactly as the app's loader loads CSV files. */
export async function loadFixtureTables(db: SqlClient, tables: FixtureTables): Promise<void> {
  for (const table of ['villages', 'agents', 'households', 'cases'] as const) {
    await db.registerFile(`${table}.csv`, new TextEncoder().encode(tables[table]));
    await loadCsvTable(db, table, `${table}.csv`);
  }
}

/** A DuckDB (Node build) with the fixture tables loaded. */
export async function fixtureDb(tables: FixtureTables): Promise<SqlClient> {
  const db = await startNodeDuckDb();
  await loadFixtureTables(db, tables);
  return db;
}
