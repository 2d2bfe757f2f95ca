import type { Table } from 'apache-arrow';

/**
 * The one way the app talks to DuckDB. The browser implementation runs DuckDB-WASM
 * in its worker (duckdb-browser.ts); tests use the same interface over the Node build,
 * so the SQL the app runs is the SQL the tests check. Whatever is asked of one client runs in the order asked,
 * as if each call were awaited before the next.
 */
export interface SqlClient {
  /** Runs a statement and returns the Arrow result. */
  queryTable(sql: string): Promise<Table>;
  /**
   * Runs a statement with parameters `$1`, `$2`, … bound to `params`. The statement is prepared once
   * per SQL text and kept: planning, most of a small query's cost, is not repeated. `inline`, the same
   * statement with the values written in as they bind (inlineValue), is run instead at the text's first use:
   * one trip to DuckDB's worker instead of two (prepared, then run), each through the page's thread, which is
   * busy drawing when the first answers are asked.
   */
  queryPrepared(sql: string, params: readonly SqlParam[], inline?: () => string): Promise<Table>;
  /** Makes `bytes` readable by SQL as file `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Creates (or replaces) table `name` from an Arrow table. */
  insertArrow(name: string, data: Table): Promise<void>;
  /** Creates (or replaces) table `name` from Arrow IPC stream bytes (read by DuckDB itself, not in JavaScript). */
  insertArrowStream(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Creates (or replaces) table `name` from what `derive` makes of the answer to `sql`, a read (see the function
   * insertDerived, which every caller uses). `derive` depends on nothing but that answer.
   */
  insertDerived?(name: string, sql: string, derive: (answer: Table) => Table): Promise<void>;
  /** Ends the connection (a client replaced by another dataset's); the database lives on. */
  close?(): Promise<void>;
  /**
   * Resolves once no statement has run for a moment and no section is opening (quiet.ts): work done ahead waits
   * for it, so that it never holds up what the user is waiting for. Without it (tests), at once.
   */
  quiet?(): Promise<void>;
}

export type SqlParam = string | number | null;
/** Writes a value into a statement: inline, or as a parameter placeholder (boundStatement). */
export type Bind = (value: string | number) => string;

/**
 * The statement `build` writes with its values as parameters, and those values: `bind(value)` returns its
 * placeholder (`$n`).
 * The text then depends on which filters are set, not on their values, so one prepared statement
 * serves every value. A number is bound as its text, read as a DOUBLE by DuckDB's own parser, as inlineValue
 * writes it: DuckDB-WASM passes parameters as JSON, whose reader can round a double differently.
 */
export function boundStatement(build: (bind: Bind) => string): { sql: string; values: SqlParam[] } {
  const values: SqlParam[] = [];
  const sql = build((value) => {
    if (typeof value === 'string') {
      values.push(value);
      return `$${values.length}`;
    }
    values.push(Number.isFinite(value) ? String(value) : null);
    return `$${values.length}::DOUBLE`;
  });
  return { sql, values };
}

/** Plain JS rows of an Arrow result. */
export const rowsOf = <T>(table: Table): T[] => table.toArray().map((row) => row.toJSON() as T);

/** Plain JS rows of a statement written with `build`, its values bound as parameters (prepared once per text). */
export async function preparedRows<T>(client: SqlClient, build: (bind: Bind) => string): Promise<T[]> {
  const { sql, values } = boundStatement(build);
  return rowsOf<T>(await client.queryPrepared(sql, values, () => build(inlineValue)));
}

/**
 * A value written into the SQL text (for statements run once), as boundStatement binds it: text as a string
 * literal, a number as a DOUBLE read from its shortest text (null when it is not finite). The statement then
 * answers as the prepared one does.
 */
export const inlineValue = (value: string | number): string =>
  typeof value === 'string' ? literal(value) : Number.isFinite(value) ? doubleLiteral(value) : 'NULL::DOUBLE';

/**
 * A finite number as an SQL DOUBLE: its shortest text, read back by DuckDB as the same double (a bare `2.5` would
 * be a DECIMAL, `1e-7` a DOUBLE: the type and the rounding of what is computed with it would depend on its value).
 */
export function doubleLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `'${value}'::DOUBLE`;
}

/** Plain JS rows of a query. Cast counts to INTEGER/DOUBLE in SQL: DuckDB's BIGINT arrives as BigInt. */
export async function queryRows<T>(client: SqlClient, sql: string): Promise<T[]> {
  return rowsOf<T>(await client.queryTable(sql));
}

/** Quotes an SQL identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const NUL = String.fromCharCode(0);

/**
 * Quotes an SQL string literal. DuckDB's parser ends a statement's text at a NUL character: one in the value is
 * written as chr(0), joined to the rest (in brackets, so a cast after it applies to the whole value).
 */
export function literal(value: string): string {
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return value.includes(NUL) ? `(${quoted.split(NUL).join("' || chr(0) || '")})` : quoted;
}

/**
 * Creates (or replaces) table `name` from what `derive` makes of the answer to `sql`, a read: `derive` must depend
 * on nothing but that answer (and the app's code). A client that remembers answers (remembered-answers.ts) names
 * the table by the statement and the state it is asked in, so that the next visit takes it without the read;
 * any other reads, derives and inserts.
 */
export async function insertDerived(
  client: SqlClient,
  name: string,
  sql: string,
  derive: (answer: Table) => Table,
): Promise<void> {
  if (client.insertDerived) return client.insertDerived(name, sql, derive);
  await client.insertArrow(name, derive(await client.queryTable(sql)));
}
