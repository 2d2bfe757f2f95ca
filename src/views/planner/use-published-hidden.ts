import { useAsync } from '../../components/use-async';
import { HIDDEN_VILLAGES_SQL } from '../../data/aggregates/load-aggregates';
import { queryRows, type SqlClient } from '../../data/sql-client';

const NONE: ReadonlySet<string> = new Set();

/** The villages an aggregate dataset publishes without figures (small groups and those hidden with them). */
export function usePublishedHidden(client: SqlClient, aggregatesOnly: boolean): ReadonlySet<string> {
  const hidden = useAsync(
    async (): Promise<ReadonlySet<string>> =>
      new Set(
        (await queryRows<{ village_code: string }>(client, HIDDEN_VILLAGES_SQL)).map((r) => r.village_code),
      ),
    [client],
    aggregatesOnly,
  ).data;
  return (aggregatesOnly && hidden) || NONE;
}
