import { useEffect, useState } from 'react';
import { plannerTables } from '../../core/cube/prepared';
import { ResultCache } from '../../core/sql/result-cache';
import type { SqlClient } from '../../core/sql/sql-client';
import { periodMeasures } from './data/planner-period';
import type { AreaMeasures, AreaQuery } from './data/planner-queries';

/** The rows of every month of the period: off (no month shown), on their way, there, or failed. */
export type PeriodRows =
  | { status: 'off' | 'loading' | 'failed'; rows: null }
  | { status: 'ready'; rows: AreaMeasures[][] };

interface Loaded {
  /** The query and months the answer is for (the screen's may be newer while it loads). */
  key: string;
  rows: AreaMeasures[][] | null;
}

const caches = new WeakMap<SqlClient, ResultCache<AreaMeasures[][]>>();
function cacheOf(client: SqlClient): ResultCache<AreaMeasures[][]> {
  let cache = caches.get(client);
  if (!cache) {
    cache = new ResultCache(8);
    caches.set(client, cache);
  }
  return cache;
}

/**
 * The area rows of every month of the period, for the query's filters and weights at `level`, while
 * `enabled`. An answer for an older query or level is dropped; a failed query makes the answer
 * "failed" (the legend says so, never waiting).
 */
export function usePeriodRows(
  client: SqlClient,
  query: Omit<AreaQuery, 'month'>,
  level: 'village' | 'district',
  months: readonly string[] | null,
  enabled: boolean,
): PeriodRows {
  const key = JSON.stringify([level, query.filters, query.weights, months]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query, level and months
  useEffect(() => {
    if (!enabled || !months || months.length === 0) return;
    let live = true;
    cacheOf(client)
      .get(key, () => plannerTables(client).then(() => periodMeasures(client, query, months, level)))
      .then(
        (rows) => live && setLoaded({ key, rows }),
        () => live && setLoaded({ key, rows: null }),
      );
    return () => {
      live = false;
    };
  }, [client, key, enabled]);
  if (!enabled || !months || months.length === 0) return { status: 'off', rows: null };
  if (loaded?.key !== key) return { status: 'loading', rows: null };
  return loaded.rows ? { status: 'ready', rows: loaded.rows } : { status: 'failed', rows: null };
}
