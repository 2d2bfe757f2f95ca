import { startDuckDb } from './duckdb-browser';

let main: ReturnType<typeof startDuckDb> | null = null;

/**
 * The dashboard's own DuckDB instance, started once per page. The entry point starts it before the app's code
 * has arrived (the worker and the wasm load meanwhile); the loader takes the same instance. The SQL panel's
 * sandbox and the import worker start their own instances with `startDuckDb`, never this one.
 */
export function startMainDuckDb(): ReturnType<typeof startDuckDb> {
  main ??= startDuckDb();
  return main;
}
