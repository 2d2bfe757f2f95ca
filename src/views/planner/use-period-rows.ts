import { useEffect, useState } from 'react';
import type { AreaMeasures, AreaQuery } from '../../data/planner-queries';
import type { SqlClient } from '../../data/sql-client';
import { loadAreas } from './use-planner-data';

/** The rows of every month of the period: off (no month shown), on their way, there, or failed. */
export type PeriodRows =
  | { status: 'off' | 'loading' | 'failed'; rows: null }
  | { status: 'ready'; rows: AreaMeasures[][] };

interface Loaded {
  /** The query and months the answer is for (the screen's may be newer while it loads). */
  key: string;
  rows: AreaMeasures[][] | null;
}

/**
 * The area rows of every month of the period, for the query's filters and weights at `level` (one
 * cached query per month, one at a time), while `enabled`. A newer query or level stops the loading
 * of an older one; a failed month makes the whole answer "failed" (never waiting).
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
    void (async () => {
      const rows: AreaMeasures[][] = [];
      for (const month of months) {
        if (!live) return;
        rows.push(await loadAreas(client, { ...query, month }, level));
      }
      return rows;
    })().then(
      (rows) => live && rows && setLoaded({ key, rows }),
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
