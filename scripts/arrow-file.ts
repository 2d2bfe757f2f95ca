/** Writing a DuckDB table as an Arrow IPC stream file, whole or not at all (the demo's copies, data:convert). */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { NodeSqlClient } from '../src/core/sql/duckdb-node.ts';
import { ident } from '../src/core/sql/sql-client.ts';

/**
 * Writes `table` to `path` in its row order; through `<path>.partial` and a rename, so no half file is left. A
 * file that already holds these very bytes is left untouched (false): its date, and the caches keyed by it, stay.
 */
export async function writeTableArrow(client: NodeSqlClient, table: string, path: string): Promise<boolean> {
  const bytes = await client.arrowStream(`SELECT * FROM ${ident(table)}`);
  if (existsSync(path) && Buffer.from(bytes).equals(readFileSync(path))) return false;
  writeFileSync(`${path}.partial`, bytes);
  renameSync(`${path}.partial`, path);
  return true;
}
