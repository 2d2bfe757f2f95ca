/**
 * The SQL sandbox: where the analysts' SQL panel runs user queries. Its safety does not depend on reading
 * the query text:
 *
 * 1. It is a DuckDB instance of its own (in the browser: its own worker), holding only de-identified copies
 *    of the canonical tables, inserted as Arrow (sql-sandbox-tables.ts). No file is registered in it; the
 *    app's own tables are in another instance it cannot name.
 * 2. Before any user SQL: extension autoinstall/autoload off, `enable_external_access=false` (no file, no
 *    URL, no extension download) and `lock_configuration=true` (no SQL can change a setting back).
 * 3. A query runs as ONE prepared statement `SELECT * FROM (<query>) AS q LIMIT n`: DuckDB refuses to
 *    prepare several statements, and a subquery can only read. Anything that slipped through would still
 *    only touch the disposable copies.
 */
import type { Table } from 'apache-arrow';
import type { MaskingPolicy } from '../../../core/privacy/privacy';
import { closeToNetwork } from '../../../core/sql/duckdb-lockdown';
import type { SqlClient } from '../../../core/sql/sql-client';
import { deidentifiedTable, releasedSelectSql, SANDBOX_TABLES } from './sql-sandbox-tables';

/** Why a query gave no result, in words for the user; `detail` is DuckDB's own message. */
export type SqlProblemKind =
  | 'multiple'
  | 'external'
  | 'settings'
  | 'unknownName'
  | 'syntax'
  | 'binder'
  | 'value'
  | 'other';

export interface SqlProblem {
  kind: SqlProblemKind;
  detail: string;
}

const PROBLEMS: [RegExp, SqlProblemKind][] = [
  [/multiple statements/i, 'multiple'],
  [/Permission Error|disabled by configuration|external access/i, 'external'],
  [/configuration has been locked|Cannot change configuration/i, 'settings'],
  [/Catalog Error|Referenced column .* not found|does not have a column/i, 'unknownName'],
  [/Parser Error|syntax error/i, 'syntax'],
  [/Binder Error/i, 'binder'],
  [/Conversion Error|Out of Range|Invalid Input|Type Error/i, 'value'],
];

/** Classifies a DuckDB error; the detail keeps DuckDB's first lines, shortened. */
export function classifySqlError(error: unknown): SqlProblem {
  const message = error instanceof Error ? error.message : String(error);
  const kind = PROBLEMS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
  const detail = message
    .replace(/^Error:\s*/, '')
    .split('\n')
    .slice(0, 3)
    .join(' ')
    .trim()
    .slice(0, 300);
  return { kind, detail };
}

/** The statement the sandbox prepares: the user's query as a subquery (newlines end a trailing `--`). */
export function wrappedQuery(sql: string, limit: number): string {
  const body = sql.trim().replace(/;\s*$/, '');
  return `SELECT * FROM (\n${body}\n) AS q LIMIT ${Math.max(0, Math.round(limit)) + 1}`;
}

export type SandboxResult =
  | { ok: true; table: Table; truncated: boolean }
  | { ok: false; problem: SqlProblem };

export interface SqlSandbox {
  /** Runs one read-only query over the de-identified tables; at most `limit` rows come back. */
  run(sql: string, limit: number): Promise<SandboxResult>;
}

/** Keeps the first `limit` rows of `table` (the query asked for one more, to tell the user it was cut). */
function capped(table: Table, limit: number): { table: Table; truncated: boolean } {
  return table.numRows > limit
    ? { table: table.slice(0, limit), truncated: true }
    : { table, truncated: false };
}

/**
 * Builds the sandbox: starts a fresh engine with `start`, copies the de-identified tables from `source`
 * (the app's database) as Arrow, then closes the engine to the network and locks its settings.
 */
export async function createSqlSandbox(
  source: SqlClient,
  start: () => Promise<SqlClient>,
  policy: MaskingPolicy,
): Promise<SqlSandbox> {
  const engine = await start();
  await engine.queryTable('SET autoinstall_known_extensions=false');
  await engine.queryTable('SET autoload_known_extensions=false');
  for (const table of SANDBOX_TABLES) {
    const described = await source.queryTable(`DESCRIBE ${table}`).catch(() => null);
    if (!described) continue;
    const present = described.toArray().map((row) => String(row.column_name));
    const released = await source.queryTable(releasedSelectSql(table, present));
    await engine.insertArrow(table, deidentifiedTable(table, released, policy));
  }
  await closeToNetwork(engine, { lock: true });
  return {
    run: async (sql, limit) => {
      try {
        const table = await engine.queryPrepared(wrappedQuery(sql, limit), []);
        return { ok: true, ...capped(table, limit) };
      } catch (error) {
        return { ok: false, problem: classifySqlError(error) };
      }
    },
  };
}
