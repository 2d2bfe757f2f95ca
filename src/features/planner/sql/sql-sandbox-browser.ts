import { sessionPolicy } from '../../../core/privacy/privacy';
import { startDuckDb } from '../../../core/sql/duckdb-browser';
import type { SqlClient } from '../../../core/sql/sql-client';
import { createSqlSandbox, type SqlSandbox } from './sql-sandbox';

const sandboxes = new WeakMap<SqlClient, Promise<SqlSandbox>>();

/**
 * The browser's SQL sandbox for the app's database `main`: built on first use (its own DuckDB worker),
 * then kept for the page. A new dataset is a new page load and so a new `main` and a new sandbox.
 */
export function browserSandbox(main: SqlClient): Promise<SqlSandbox> {
  let sandbox = sandboxes.get(main);
  if (!sandbox) {
    sandbox = createSqlSandbox(main, async () => (await startDuckDb()).client, sessionPolicy());
    sandboxes.set(main, sandbox);
    sandbox.catch(() => sandboxes.delete(main));
  }
  return sandbox;
}
