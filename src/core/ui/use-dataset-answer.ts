import { arrivedForDataset, perDataset } from '../sql/per-dataset';
import type { SqlClient } from '../sql/sql-client';
import { type AsyncState, useAsync } from './use-async';

/**
 * An answer that depends only on the loaded dataset (see perDataset), read by a view: asked once per dataset,
 * and drawn from the first render when it has already arrived.
 */
export function useDatasetAnswer<T>(
  client: SqlClient,
  key: string,
  ask: () => Promise<T>,
  enabled = true,
): AsyncState<T> {
  return useAsync(
    () => perDataset(client, key, ask),
    [client, key],
    enabled,
    () => arrivedForDataset<T>(client, key),
  );
}
