import { type Settling, settling } from '../ui/settling';
import type { SqlClient } from './sql-client';

/**
 * Answers that depend only on the dataset behind a client: its tables never change once loaded, so each is
 * asked for once per client and kept while the client lives. A section opened again, or the server's dataset
 * shown again after an import or an erase, then reads them at once instead of queueing behind DuckDB's work.
 * A failed answer is not kept (a table made later, a query tried again).
 */
const answers = new WeakMap<SqlClient, Map<string, Settling<unknown>>>();

function answersOf(client: SqlClient): Map<string, Settling<unknown>> {
  let kept = answers.get(client);
  if (!kept) {
    kept = new Map();
    answers.set(client, kept);
  }
  return kept;
}

/** The answer named `key` for the dataset of `client`: kept, on its way, or asked for now with `ask`. */
export function perDataset<T>(client: SqlClient, key: string, ask: () => Promise<T>): Promise<T> {
  const kept = answersOf(client);
  let answer = kept.get(key) as Settling<T> | undefined;
  if (!answer) {
    answer = settling(ask(), () => kept.delete(key));
    kept.set(key, answer);
  }
  return answer.promise;
}

/** The answer named `key` when it has already arrived, without waiting a turn for it. */
export function arrivedForDataset<T>(client: SqlClient, key: string): T | undefined {
  return answers.get(client)?.get(key)?.value as T | undefined;
}
