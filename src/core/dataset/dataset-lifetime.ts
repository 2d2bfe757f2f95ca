import type { SqlClient } from '../sql/sql-client';

const endings = new WeakMap<SqlClient, (() => void)[]>();
const ended = new WeakSet<SqlClient>();

/**
 * Runs `end` when the dataset read through `client` is replaced in the running page (another dataset chosen,
 * imported or the local data erased): what was started for it — workers, their memory — is freed then, or at
 * once when that has already happened.
 */
export function onDatasetReplaced(client: SqlClient, end: () => void): void {
  // Started for a dataset already replaced (work still under way when it was): ended at once.
  if (ended.has(client)) {
    end();
    return;
  }
  const list = endings.get(client);
  if (list) list.push(end);
  else endings.set(client, [end]);
}

/**
 * Ends everything started for the dataset behind `client`, then its connection (once; again does nothing).
 * Closing drops the dataset's tables, which holds the database for a while (about a second for the demo): with
 * `closeAfter`, that waits until it settles, so that the dataset now shown is not kept waiting behind it.
 */
export function endDataset(client: SqlClient, closeAfter?: Promise<unknown>): void {
  if (ended.has(client)) return;
  ended.add(client);
  for (const end of endings.get(client) ?? []) {
    try {
      end();
    } catch (error) {
      console.error(error);
    }
  }
  endings.delete(client);
  const close = () => client.close?.().catch((error: unknown) => console.error(error));
  if (closeAfter) void closeAfter.then(close, close);
  else void close();
}
