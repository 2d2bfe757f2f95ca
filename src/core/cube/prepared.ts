import type { SqlClient } from '../sql/sql-client';
import { preparePlannerTables } from './tables';

// One preparation per client (the tables live in DuckDB for the page's life).
const prepared = new WeakMap<SqlClient, Promise<void>>();

/** The planner's tables (planner/tables.ts) of this client's dataset, prepared on first use. */
export function plannerTables(client: SqlClient): Promise<void> {
  let p = prepared.get(client);
  if (!p) {
    p = preparePlannerTables(client);
    prepared.set(client, p);
  }
  return p;
}

/** An aggregate dataset fills the planner's tables itself (from its published figures): never prepare them. */
export function plannerTablesLoaded(client: SqlClient): void {
  prepared.set(client, Promise.resolve());
}
