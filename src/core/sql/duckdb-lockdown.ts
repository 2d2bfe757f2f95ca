import type { SqlClient } from './sql-client';

/**
 * Closes a DuckDB instance to files, URLs and extension downloads: a page's CSP does not govern DuckDB's
 * worker, so this is what keeps SQL from reaching other servers (STACK.md). With `lock`, no SQL can turn
 * any setting back on until the page reloads. Registered files become unreadable too: call it once every
 * file the instance needs is loaded. Arrow inserts still work (they are not file reads).
 */
export async function closeToNetwork(client: SqlClient, options: { lock: boolean }): Promise<void> {
  await client.queryTable('SET autoinstall_known_extensions=false');
  await client.queryTable('SET autoload_known_extensions=false');
  await client.queryTable('SET enable_external_access=false');
  if (options.lock) await client.queryTable('SET lock_configuration=true');
}
