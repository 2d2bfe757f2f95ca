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

/** Ends everything started for the dataset behind `client`, then its connection (once; again does nothing). */
export function endDataset(client: SqlClient): void {
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
  client.close?.().catch((error: unknown) => console.error(error));
}
