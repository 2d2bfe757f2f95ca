import { onDatasetReplaced } from '../../../core/dataset/dataset-lifetime';
import { sessionPolicy } from '../../../core/privacy/privacy';
import { startDuckDb } from '../../../core/sql/duckdb-browser';
import type { SqlClient } from '../../../core/sql/sql-client';
import { createSqlSandbox, type SqlSandbox } from './sql-sandbox';

const sandboxes = new WeakMap<SqlClient, Promise<SqlSandbox>>();

/**
 * The browser's SQL sandbox for the app's database `main`: built on first use (its own DuckDB worker),
 * then kept while that dataset is loaded. Another dataset comes with a new `main` and so a new sandbox; the
 * old one's worker ends with its dataset.
 */
export function browserSandbox(main: SqlClient): Promise<SqlSandbox> {
  let sandbox = sandboxes.get(main);
  if (!sandbox) {
    const engine = async () => {
      const duck = await startDuckDb();
      onDatasetReplaced(main, () => void duck.terminate());
      return duck.client;
    };
    sandbox = createSqlSandbox(main, engine, sessionPolicy());
    sandboxes.set(main, sandbox);
    sandbox.catch(() => sandboxes.delete(main));
  }
  return sandbox;
}
