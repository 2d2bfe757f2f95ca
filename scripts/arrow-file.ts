/** Writing a DuckDB table as an Arrow IPC stream file, whole or not at all (the demo's copies, data:convert). */
import { renameSync, writeFileSync } from 'node:fs';
import type { NodeSqlClient } from '../src/core/sql/duckdb-node.ts';
import { ident } from '../src/core/sql/sql-client.ts';

/** Writes `table` to `path` in its row order; through `<path>.partial` and a rename, so no half file is left. */
export async function writeTableArrow(client: NodeSqlClient, table: string, path: string): Promise<void> {
  writeFileSync(`${path}.partial`, await client.arrowStream(`SELECT * FROM ${ident(table)}`));
  renameSync(`${path}.partial`, path);
}
