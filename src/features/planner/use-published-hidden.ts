import { HIDDEN_VILLAGES_SQL } from '../../core/aggregates/load-aggregates';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';

const NONE: ReadonlySet<string> = new Set();

/** The villages an aggregate dataset publishes without figures (small groups and those hidden with them). */
export function usePublishedHidden(client: SqlClient, aggregatesOnly: boolean): ReadonlySet<string> {
  const hidden = useDatasetAnswer(
    client,
    'published-hidden-villages',
    async (): Promise<ReadonlySet<string>> =>
      new Set(
        (await queryRows<{ village_code: string }>(client, HIDDEN_VILLAGES_SQL)).map((r) => r.village_code),
      ),
    aggregatesOnly,
  ).data;
  return (aggregatesOnly && hidden) || NONE;
}
