/** From the area rows of a query to the map's colours and legend (pure; no React, no DuckDB). */
import {
  type Classification,
  type ClassMethod,
  classify,
  classOf,
  intervalLabels,
} from '../../analysis/classify';
import type { AreaStat, PlannerFilters, PlannerUnit } from '../../data/planner-queries';
import { type RampName, rampColor, UNCLASSIFIED_COLOR } from '../../map/planner-layers';

/** The measure of an area in the chosen unit; null (no data) for an area without households. */
export function areaValue(stat: AreaStat, unit: PlannerUnit): number | null {
  if (stat.households === 0) return null;
  return unit === 'count' ? stat.count : unit === 'rate' ? stat.rate : stat.density;
}

export interface Choropleth {
  classification: Classification;
  values: (number | null)[];
  fillByCode: Map<string, string>;
  colors: string[];
  labels: string[];
}

/** Whether an area lies inside the kecamatan/village filter (areas outside are drawn blank, not "no data"). */
export function insideAreaFilter(
  row: AreaStat,
  level: 'village' | 'district',
  filters: Pick<PlannerFilters, 'district' | 'village'>,
): boolean {
  const district = level === 'village' ? row.district_code : row.code;
  if (filters.district && district !== filters.district) return false;
  if (filters.village)
    return level === 'village' ? row.code === filters.village : filters.village.startsWith(`${row.code}.`);
  return true;
}

export function choropleth(
  rows: readonly AreaStat[],
  unit: PlannerUnit,
  method: ClassMethod,
  classes: number,
  breaks: readonly number[],
  ramp: RampName,
  format: (n: number, decimals: number) => string,
): Choropleth {
  const values = rows.map((r) => areaValue(r, unit));
  const classification = classify(values, method, { classes, breaks });
  const n = classification.intervals.length;
  const colors = classification.intervals.map((_, k) => rampColor(ramp, k, n));
  const fillByCode = new Map<string, string>();
  rows.forEach((row, i) => {
    const v = values[i] ?? null;
    if (v === null) return;
    const k = classOf(v, classification.intervals);
    fillByCode.set(row.code, k >= 0 ? (colors[k] as string) : UNCLASSIFIED_COLOR);
  });
  return {
    classification,
    values,
    fillByCode,
    colors,
    labels: intervalLabels(classification.intervals, format),
  };
}
