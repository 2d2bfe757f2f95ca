import { useEffect, useState } from 'react';
import { HIDDEN_VILLAGES_SQL } from '../../data/aggregates/load-aggregates';
import { queryRows, type SqlClient } from '../../data/sql-client';

const NONE: ReadonlySet<string> = new Set();

/** The villages an aggregate dataset publishes without figures (small groups and those hidden with them). */
export function usePublishedHidden(client: SqlClient, aggregatesOnly: boolean): ReadonlySet<string> {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(NONE);
  useEffect(() => {
    if (!aggregatesOnly) return;
    let live = true;
    void queryRows<{ village_code: string }>(client, HIDDEN_VILLAGES_SQL).then((rows) => {
      if (live) setHidden(new Set(rows.map((r) => r.village_code)));
    });
    return () => {
      live = false;
    };
  }, [client, aggregatesOnly]);
  return hidden;
}
