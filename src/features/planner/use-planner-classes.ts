import { useCallback, useMemo } from 'react';
import { type ClassMethod, classify } from '../../core/classify/classify';
import type { SqlClient } from '../../core/sql/sql-client';
import { useFormat } from '../../core/ui/use-format';
import { areaValue, choropleth, insideAreaFilter, symmetricBreaks } from './choropleth';
import type { AreaStat, MonthBin, PlannerFilters, PlannerQuery, PlannerUnit } from './data/planner-queries';
import { periodValues } from './period';
import { OUTSIDE_COLOR, type RampName } from './planner-layers';
import { useAreaSuppression } from './use-area-suppression';
import { usePeriodRows } from './use-period-rows';
import { usePublishedHidden } from './use-published-hidden';

export interface PlannerClassesInput {
  client: SqlClient;
  query: PlannerQuery;
  level: 'village' | 'district';
  /** The areas on the map: the figures, or the change since the comparison month. */
  areas: AreaStat[] | null;
  /** The figures as loaded (the small-group check reads these, not a change). */
  dataAreas: AreaStat[] | null;
  /** The filters the loaded figures were computed with (null: the current ones). */
  dataFilters: PlannerFilters | null;
  months: readonly MonthBin[] | null;
  comparing: boolean;
  aggregatesOnly: boolean;
  filters: PlannerFilters;
  unit: PlannerUnit;
  method: ClassMethod;
  classes: number;
  breaks: number[];
  ramp: RampName;
}

/**
 * The planner map's classes: which areas are inside the filters, which are hidden (small groups, the areas
 * hidden with them, villages an aggregate dataset publishes without figures), the classes — one set for the
 * whole period while a month is shown, symmetric around zero for a change — and each area's colour.
 */
export function usePlannerClasses(input: PlannerClassesInput) {
  const { client, query, level, areas, dataAreas, dataFilters, months, comparing, aggregatesOnly } = input;
  const { filters, unit, method, classes, breaks, ramp } = input;
  const { locale } = useFormat();
  const format = useCallback(
    (n: number, d: number) =>
      n.toLocaleString(locale, {
        minimumFractionDigits: d,
        maximumFractionDigits: d,
        signDisplay: 'negative',
      }),
    [locale],
  );
  // Areas and their filters change together (no redraw with new filters over old numbers).
  const areaFilters = dataFilters ?? filters;
  const inside = useMemo(
    () => (areas ?? []).filter((a) => insideAreaFilter(a, level, areaFilters)),
    [areas, level, areaFilters],
  );
  // Small groups and the areas hidden with them: grey on the map, outside the classes, blank in exports.
  const suppression = useAreaSuppression(client, query, level, dataAreas);
  // An aggregate dataset's hidden villages (published without figures) are suppressed like small groups.
  const published = usePublishedHidden(client, aggregatesOnly);
  const hidden = useMemo(
    () =>
      level === 'village' && published.size > 0
        ? new Set([...suppression.hidden, ...published])
        : suppression.hidden,
    [level, published, suppression.hidden],
  );
  // While a month is shown, one set of classes for every month of the period (manual breaks are fixed anyway).
  const fixedPeriod = query.month !== null && !comparing;
  const period = usePeriodRows(
    client,
    query,
    level,
    useMemo(() => months?.map((m) => m.month) ?? null, [months]),
    fixedPeriod && method !== 'manual',
  );
  const minDecimals = unit === 'count' && query.need !== 'score' ? 0 : 1;
  // Classed once per period, filters, measure and method (not at every step of the playback).
  const periodClasses = useMemo(
    () =>
      period.rows
        ? classify(
            periodValues(
              period.rows,
              query.need,
              unit,
              (a) => insideAreaFilter(a, level, areaFilters) && !hidden.has(a.code),
            ),
            method,
            { classes, minDecimals },
          )
        : undefined,
    [period.rows, query.need, unit, level, areaFilters, hidden, method, classes, minDecimals],
  );
  const map = useMemo(() => {
    if (!areas) return null;
    // A change is classed symmetric around zero on the diverging ramp; otherwise as the user chose.
    const shownBreaks = comparing
      ? symmetricBreaks(
          inside.filter((a) => !hidden.has(a.code)).map((a) => areaValue(a, unit)),
          classes,
        )
      : breaks;
    const m = choropleth(
      inside,
      unit,
      comparing ? 'manual' : method,
      classes,
      shownBreaks,
      comparing ? 'PuOr' : ramp,
      format,
      { minDecimals, classes: comparing ? undefined : periodClasses, hidden },
    );
    for (const a of areas)
      if (!m.fillByCode.has(a.code) && !inside.includes(a)) m.fillByCode.set(a.code, OUTSIDE_COLOR);
    return m;
  }, [
    areas,
    inside,
    hidden,
    comparing,
    unit,
    method,
    classes,
    breaks,
    ramp,
    format,
    minDecimals,
    periodClasses,
  ]);
  const outsideCount = (areas?.length ?? 0) - inside.length;
  return { map, hidden, suppression, published, period, fixedPeriod, areaFilters, outsideCount };
}
