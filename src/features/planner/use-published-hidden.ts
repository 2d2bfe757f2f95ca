import { HIDDEN_VILLAGES_SQL } from '../../core/aggregates/load-aggregates';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import { useAsync } from '../../core/ui/use-async';

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
