import type { Table } from 'apache-arrow';

/**
 * The one way the app talks to DuckDB. The browser implementation runs DuckDB-WASM
 * in its worker (duckdb-browser.ts); tests use the same interface over the Node build,
 * so the SQL the app runs is the SQL the tests check.
 */
export interface SqlClient {
  /** Runs a statement and returns the Arrow result. */
  queryTable(sql: string): Promise<Table>;
  /** Makes `bytes` readable by SQL as file `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Creates (or replaces) table `name` from an Arrow table. */
  insertArrow(name: string, data: Table): Promise<void>;
}

/** Plain JS rows of a query. Cast counts to INTEGER/DOUBLE in SQL: DuckDB's BIGINT arrives as BigInt. */
export async function queryRows<T>(client: SqlClient, sql: string): Promise<T[]> {
  const table = await client.queryTable(sql);
  return table.toArray().map((row) => row.toJSON() as T);
}

/** Quotes an SQL identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Quotes an SQL string literal. */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
