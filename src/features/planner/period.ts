/**
 * What the planner's map counts, and the values its classes come from over time (pure).
 *
 * Without a month and without case filters the map counts households flagged with a need; with a
 * case filter, households with such cases; with a month, households with a case still open at the
 * end of that month. While a month is shown, the classes are made from the values of every month
 * of the period, so a colour means the same number in every month of the playback.
 */

import { areaValue } from './choropleth';
import {
  type AreaMeasures,
  type AreaStat,
  type PlannerNeed,
  type PlannerUnit,
  pickMeasure,
} from './data/planner-queries';

/** What an area's number counts: need flags, cases under the filters, or cases open at a month's end. */
export type MapCounts = { kind: 'flags' } | { kind: 'cases' } | { kind: 'month'; month: string };

export function mapCounts(month: string | null, usesCases: boolean): MapCounts {
  if (month) return { kind: 'month', month };
  return usesCases ? { kind: 'cases' } : { kind: 'flags' };
}

/** A `YYYY-MM` month as the UI writes it ("Mar 2025"; "Mei 2025" in Indonesian). */
export function monthName(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The values the period's classes are made from: for every month's area rows, the measure and
 * unit of each area that `keep` lets through (the areas on the map), no-data areas included as null.
 */
export function periodValues(
  rowsByMonth: readonly (readonly AreaMeasures[])[],
  need: PlannerNeed,
  unit: PlannerUnit,
  keep: (area: AreaStat) => boolean,
): (number | null)[] {
  return rowsByMonth.flatMap((rows) =>
    pickMeasure(rows, need)
      .filter(keep)
      .map((a) => areaValue(a, unit)),
  );
}
