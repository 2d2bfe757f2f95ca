import type { Table } from 'apache-arrow';

/**
 * The one way the app talks to DuckDB. The browser implementation runs DuckDB-WASM
 * in its worker (duckdb-browser.ts); tests use the same interface over the Node build,
 * so the SQL the app runs is the SQL the tests check.
 */
export interface SqlClient {
  /** Runs a statement and returns the Arrow result. */
  queryTable(sql: string): Promise<Table>;
  /**
   * Runs a statement with parameters `$1`, `$2`, … bound to `params`. The statement is prepared once
   * per SQL text and kept: planning, most of a small query's cost, is not repeated.
   */
  queryPrepared(sql: string, params: readonly SqlParam[]): Promise<Table>;
  /** Makes `bytes` readable by SQL as file `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Creates (or replaces) table `name` from an Arrow table. */
  insertArrow(name: string, data: Table): Promise<void>;
  /** Creates (or replaces) table `name` from Arrow IPC stream bytes (read by DuckDB itself, not in JavaScript). */
  insertArrowStream(name: string, bytes: Uint8Array): Promise<void>;
  /** Ends the connection (a client replaced by another dataset's); the database lives on. */
  close?(): Promise<void>;
  /**
   * Resolves once no statement has run for a moment and no section is opening (quiet.ts): work done ahead waits
   * for it, so that it never holds up what the user is waiting for. Without it (tests), at once.
   */
  quiet?(): Promise<void>;
}

export type SqlParam = string | number | null;
/** Writes a value into a statement: inline, or as a parameter placeholder (sqlParams). */
export type Bind = (value: string | number) => string;

/**
 * Collects parameters while an SQL text is written: `bind(value)` returns its placeholder (`$n`).
 * The text then depends on which filters are set, not on their values, so one prepared statement
 * serves every value.
 */
function sqlParams(): { bind: Bind; values: SqlParam[] } {
  const values: SqlParam[] = [];
  return {
    values,
    bind: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** Values written into the SQL text (for statements run once). */
export const inlineValue = (value: string | number): string =>
  typeof value === 'number' ? String(value) : literal(value);

/** Plain JS rows of an Arrow result. */
export const rowsOf = <T>(table: Table): T[] => table.toArray().map((row) => row.toJSON() as T);

/** Plain JS rows of a statement written with `build`, its values bound as parameters (prepared once per text). */
export async function preparedRows<T>(client: SqlClient, build: (bind: Bind) => string): Promise<T[]> {
  const params = sqlParams();
  const sql = build(params.bind);
  return rowsOf<T>(await client.queryPrepared(sql, params.values));
}

/** Plain JS rows of a query. Cast counts to INTEGER/DOUBLE in SQL: DuckDB's BIGINT arrives as BigInt. */
export async function queryRows<T>(client: SqlClient, sql: string): Promise<T[]> {
  return rowsOf<T>(await client.queryTable(sql));
}

/** Quotes an SQL identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Quotes an SQL string literal. */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
