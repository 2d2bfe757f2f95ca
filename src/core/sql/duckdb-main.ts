import { databaseStart, databaseWork } from './database-work';
import { startDuckDb } from './duckdb-browser';

let main: ReturnType<typeof startDuckDb> | null = null;

/**
 * The dashboard's own DuckDB instance, started once per page. The entry point starts it before the app's code
 * has arrived (the worker and the wasm load meanwhile); the loader takes the same instance. The SQL panel's
 * sandbox and the import worker start their own instances with `startDuckDb`, never this one. Its statements
 * and the moment it is ready are on the page's performance timeline (`npm run profile`).
 */
export function startMainDuckDb(): ReturnType<typeof startDuckDb> {
  main ??= databaseStart(() => startDuckDb({ timeline: true, work: databaseWork })).then((db) => {
    performance.mark('gancang:duckdb-ready');
    return db;
  });
  return main;
}
