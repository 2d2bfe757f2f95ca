import { useEffect, useRef, useState } from 'react';
import {
  type AreaStat,
  districtStats,
  type MonthBin,
  monthlyCases,
  type PlannerQuery,
  type PlannerTotals,
  plannerTotals,
  preparePlannerTables,
  villageStats,
} from '../../data/planner-queries';
import type { SqlClient } from '../../data/sql-client';

export interface PlannerData {
  /** Rows of the level on the map (villages or kecamatan). */
  areas: AreaStat[] | null;
  level: 'village' | 'district';
  /** The filters `areas` were computed with (the screen's may be newer while a query runs). */
  filters: PlannerQuery['filters'] | null;
  totals: PlannerTotals | null;
  months: MonthBin[] | null;
  error: string | null;
}

// One preparation per client (the tables live in DuckDB for the page's life).
const prepared = new WeakMap<SqlClient, Promise<void>>();
export function plannerTables(client: SqlClient): Promise<void> {
  let p = prepared.get(client);
  if (!p) {
    p = preparePlannerTables(client);
    prepared.set(client, p);
  }
  return p;
}

/** Duration of the last area query, for the benchmark's breakdown. */
export const lastAreasQuery = { ms: 0, sentAt: 0 };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Resolves after the browser has painted the next frame (the map's redraw goes first). */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * Runs the planner's queries whenever the query or the level changes; the newest request wins
 * (a stale answer never overwrites a newer one). The map's rows come first; the key figures and the
 * histogram (which does not depend on the month) are asked for once the map has been painted.
 */
export function usePlannerData(client: SqlClient, query: PlannerQuery, level: 'village' | 'district') {
  const [data, setData] = useState<PlannerData>({
    areas: null,
    level,
    filters: null,
    totals: null,
    months: null,
    error: null,
  });
  const latest = useRef(0);
  const monthsKey = useRef('');

  useEffect(() => {
    const request = ++latest.current;
    const current = () => request === latest.current;
    void (async () => {
      try {
        await plannerTables(client);
        const t0 = performance.now();
        lastAreasQuery.sentAt = t0;
        const areas = await (level === 'village' ? villageStats : districtStats)(client, query);
        lastAreasQuery.ms = performance.now() - t0;
        if (!current()) return;
        setData((d) => ({ ...d, areas, level, filters: query.filters, error: null }));
        await afterPaint();
        if (!current()) return;
        const totals = await plannerTotals(client, query);
        if (!current()) return;
        setData((d) => ({ ...d, totals }));
        const key = JSON.stringify([query.need, query.weights, query.filters]);
        if (key === monthsKey.current) return;
        const months = await monthlyCases(client, { ...query, month: null });
        if (!current()) return;
        monthsKey.current = key;
        setData((d) => ({ ...d, months }));
      } catch (e) {
        if (current()) setData((d) => ({ ...d, error: message(e) }));
      }
    })();
  }, [client, query, level]);

  return data;
}
