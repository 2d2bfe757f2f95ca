import { useEffect, useMemo, useRef, useState } from 'react';
import { plannerTables } from '../../core/cube/prepared';
import { perDataset } from '../../core/sql/per-dataset';
import { ResultCache } from '../../core/sql/result-cache';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import { shiftMonth } from './choropleth';
import { aggregateMonthBins } from './data/month-bins';
import {
  type AreaMeasures,
  type AreaQuery,
  type AreaStat,
  areaMeasures,
  type MonthBin,
  monthlyCases,
  type PlannerQuery,
  type PlannerTotals,
  pickMeasure,
  plannerTotals,
  safeWeights,
} from './data/planner-queries';
import { askAfterPlannerTables } from './planner-tables';

type Level = 'village' | 'district';

export interface PlannerData {
  /** Rows of the level on the map (villages or kecamatan), for the query's measure. */
  areas: AreaStat[] | null;
  /** With a comparison: the same rows at the earlier month (null until they arrive). */
  baseAreas: AreaStat[] | null;
  level: Level;
  /** The filters `areas` were computed with (the screen's may be newer while a query runs). */
  filters: PlannerQuery['filters'] | null;
  totals: PlannerTotals | null;
  months: MonthBin[] | null;
  error: string | null;
}

/**
 * Area rows (every measure) per client and (level, filters, month, weights): a dataset's tables never
 * change for its client, so an answer stays true. 64 answers are a few MB at most.
 */
const areaCaches = new WeakMap<SqlClient, ResultCache<AreaMeasures[]>>();
function areaCache(client: SqlClient): ResultCache<AreaMeasures[]> {
  let cache = areaCaches.get(client);
  if (!cache) {
    cache = new ResultCache(64);
    areaCaches.set(client, cache);
  }
  return cache;
}
const areaKey = (q: AreaQuery, level: Level) =>
  JSON.stringify([level, q.filters, q.month, safeWeights(q.weights)]);
const loadAreas = (client: SqlClient, q: AreaQuery, level: Level) =>
  areaCache(client).get(areaKey(q, level), () =>
    askAfterPlannerTables(client, q, () => areaMeasures(client, q, level)),
  );

/** The kecamatan codes of the gazetteer. */
const districtCodes = (client: SqlClient): Promise<string[]> =>
  perDataset(client, 'district-codes', async () =>
    (
      await queryRows<{ code: string }>(
        client,
        'SELECT DISTINCT district_code AS code FROM planner_villages ORDER BY 1',
      )
    ).map((r) => r.code),
  );

/** Duration of the last area query (0 when it was answered from the cache), for the benchmark's breakdown. */
export const lastAreasQuery = { ms: 0, sentAt: 0, cached: false };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Resolves after the browser has painted the next frame (the map's redraw goes first). */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

interface ShownAreas {
  key: string;
  rows: AreaMeasures[];
  level: Level;
  filters: PlannerQuery['filters'];
}

/**
 * The planner's figures for a query and level; the newest request wins (a stale answer never
 * overwrites a newer one).
 *
 * One DuckDB query answers every measure of the areas under the filters and month, so changing the
 * measure needs no query, and an answer seen before (a month stepped back to, a filter undone) is
 * reused. The key figures and the histogram (which does not depend on the month) are asked for once
 * the map has been painted; then the months on either side of the current one and, with no
 * kecamatan chosen, each kecamatan are fetched ahead (a few ms each, one at a time, stopped by the
 * next change), so stepping through time or picking a kecamatan finds its answer waiting.
 */
export function usePlannerData(
  client: SqlClient,
  query: PlannerQuery,
  level: Level,
  /** Months back to compare the query's month with (0: none). */
  compare = 0,
  /** The dataset holds village figures only: the slider's months come from the published month figures. */
  aggregatesOnly = false,
): PlannerData {
  const areaQuery = useMemo<AreaQuery>(
    () => ({ weights: query.weights, filters: query.filters, month: query.month }),
    [query.weights, query.filters, query.month],
  );
  const key = areaKey(areaQuery, level);
  const hit = areaCache(client).peek(key);
  const fresh = useMemo<ShownAreas | null>(
    () => (hit ? { key, rows: hit, level, filters: areaQuery.filters } : null),
    [hit, key, level, areaQuery.filters],
  );
  // While a query runs, the last answer stays on screen (with the filters it was computed for).
  const [shown, setShown] = useState<ShownAreas | null>(null);
  const current = fresh ?? shown;
  const rows = current?.rows;
  const areas = useMemo(() => (rows ? pickMeasure(rows, query.need) : null), [rows, query.need]);

  // The comparison month's rows, from the cache once they have arrived.
  const baseQuery = useMemo<AreaQuery | null>(
    () => (query.month && compare > 0 ? { ...areaQuery, month: shiftMonth(query.month, -compare) } : null),
    [areaQuery, query.month, compare],
  );
  const baseKey = baseQuery ? areaKey(baseQuery, level) : null;
  const baseHit = baseKey ? areaCache(client).peek(baseKey) : undefined;
  const baseAreas = useMemo(() => (baseHit ? pickMeasure(baseHit, query.need) : null), [baseHit, query.need]);
  const [, setBaseArrived] = useState(0);
  useEffect(() => {
    if (!baseQuery || baseHit) return;
    let live = true;
    loadAreas(client, baseQuery, level).then(
      () => live && setBaseArrived((n) => n + 1),
      () => {}, // the main query reports errors
    );
    return () => {
      live = false;
    };
  }, [client, baseQuery, baseHit, level]);

  const [totals, setTotals] = useState<PlannerTotals | null>(null);
  const [months, setMonths] = useState<MonthBin[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const monthsKey = useRef('');
  const monthsRef = useRef<MonthBin[] | null>(null);

  useEffect(() => {
    const request = ++latest.current;
    const isCurrent = () => request === latest.current;
    const cache = areaCache(client);
    const show = (rows: AreaMeasures[]) =>
      setShown((s) => (s?.key === key ? s : { key, rows, level, filters: areaQuery.filters }));
    void (async () => {
      try {
        const t0 = performance.now();
        const cached = cache.peek(key) !== undefined;
        Object.assign(lastAreasQuery, { sentAt: t0, cached });
        const rows = await loadAreas(client, areaQuery, level);
        lastAreasQuery.ms = performance.now() - t0;
        if (!isCurrent()) return;
        // An answer from the cache is already on screen (read during render): keep a copy after the paint.
        if (!cached) show(rows);
        setError(null);
        await afterPaint();
        if (!isCurrent()) return;
        if (cached) show(rows);
        await plannerTables(client);
        if (!isCurrent()) return;
        const nextTotals = await plannerTotals(client, query);
        if (!isCurrent()) return;
        setTotals(nextTotals);
        const histogramKey = JSON.stringify([query.need, query.weights, query.filters]);
        if (histogramKey !== monthsKey.current) {
          const bins = aggregatesOnly
            ? await aggregateMonthBins(client, { ...query, month: null })
            : await monthlyCases(client, { ...query, month: null });
          if (!isCurrent()) return;
          monthsKey.current = histogramKey;
          monthsRef.current = bins;
          setMonths(bins);
        }
        // Fetched ahead while the user looks: the months either side, then each kecamatan.
        const all = monthsRef.current ?? [];
        const at = query.month ? all.findIndex((m) => m.month === query.month) : -1;
        const ahead: AreaQuery[] = [];
        for (const near of at < 0 ? [] : [all[at + 1], all[at - 1]]) {
          if (!near) continue;
          ahead.push({ ...areaQuery, month: near.month });
          if (compare > 0) ahead.push({ ...areaQuery, month: shiftMonth(near.month, -compare) });
        }
        if (!query.filters.district && !query.filters.village)
          for (const district of await districtCodes(client))
            ahead.push({ ...areaQuery, filters: { ...areaQuery.filters, district } });
        for (const q of ahead) {
          // Asked ahead: after what the user waits for (another section's queries, say).
          await client.quiet?.();
          if (!isCurrent()) return;
          await loadAreas(client, q, level);
        }
      } catch (e) {
        if (isCurrent()) setError(message(e));
      }
    })();
    // A newer request, or the planner closed (another section opened): the figures and the answers asked
    // ahead stop, so they do not hold DuckDB while the next screen asks for its own.
    return () => {
      latest.current++;
    };
  }, [client, query, areaQuery, key, level, compare, aggregatesOnly]);

  return {
    areas,
    baseAreas,
    level: current?.level ?? level,
    filters: current?.filters ?? null,
    totals,
    months,
    error,
  };
}
