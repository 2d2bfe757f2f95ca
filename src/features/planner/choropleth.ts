/** From the area rows of a query to the map's colours and legend (pure; no React, no DuckDB). */
import {
  type Classification,
  type ClassMethod,
  classIndex,
  classify,
  intervalLabels,
  type NumberWriter,
  writeNumber,
} from '../../core/classify/classify';
import { SUPPRESSED_COLOR } from '../../core/map/palette';
import type { AreaStat, PlannerFilters, PlannerUnit } from './data/planner-queries';
import { type RampName, rampColor, UNCLASSIFIED_COLOR } from './planner-layers';

/** The measure of an area in the chosen unit; null (no data) for an area without households. */
export function areaValue(stat: AreaStat, unit: PlannerUnit): number | null {
  if (stat.households === 0) return null;
  return unit === 'count' ? stat.count : unit === 'rate' ? stat.rate : stat.density;
}

export interface Choropleth {
  /** The classes; counts, no data and unclassified are of the rows on the map. */
  classification: Classification;
  values: (number | null)[];
  fillByCode: Map<string, string>;
  colors: string[];
  labels: string[];
  /** A value as the legend reads it (its decimals): the table and tooltips write values with this. */
  write: (value: number) => string;
  /** Areas hidden by small-group suppression: grey, and left out of the classes and the legend. */
  suppressed: number;
}

export interface ChoroplethOptions {
  /** The fewest decimals the screen shows values with (0 for a count of households, else 1). */
  minDecimals?: number;
  /**
   * Classes made elsewhere, used instead of classing the rows' own values (e.g. from every month of a
   * period, so a colour means the same number in each month); the rows are then only coloured and counted.
   */
  classes?: Classification;
  /** Codes of areas whose figures are hidden: the classes (and so the legend) never see their values. */
  hidden?: ReadonlySet<string>;
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
  format: NumberWriter,
  options: ChoroplethOptions = {},
): Choropleth {
  const values = rows.map((r) => areaValue(r, unit));
  const hidden = options.hidden ?? new Set<string>();
  // A hidden area is grey whatever its value (an aggregate dataset publishes hidden villages with none).
  const isHidden = (i: number) => hidden.has((rows[i] as AreaStat).code);
  const made =
    options.classes ??
    classify(
      values.filter((_, i) => !isHidden(i)),
      method,
      { classes, breaks, minDecimals: options.minDecimals },
    );
  const n = made.intervals.length;
  const colors = made.intervals.map((_, k) => rampColor(ramp, k, n));
  const fillByCode = new Map<string, string>();
  const counts = made.intervals.map(() => 0);
  let unclassified = 0;
  let suppressed = 0;
  rows.forEach((row, i) => {
    if (isHidden(i)) {
      fillByCode.set(row.code, SUPPRESSED_COLOR);
      suppressed++;
      return;
    }
    const v = values[i] ?? null;
    if (v === null) return;
    const k = classIndex(made, v);
    if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
    else unclassified += 1;
    fillByCode.set(row.code, k >= 0 ? (colors[k] as string) : UNCLASSIFIED_COLOR);
  });
  const noData = values.filter((v, i) => !isHidden(i) && (v === null || !Number.isFinite(v))).length;
  return {
    classification: { ...made, counts, unclassified, noData },
    values,
    fillByCode,
    colors,
    labels: intervalLabels(made.intervals, format, made),
    write: (value) => writeNumber(value, made, format),
    suppressed,
  };
}

/**
 * Why the legend has fewer classes than asked, or null: the values have fewer distinct values, or
 * a class the method made held no value and was merged (manual breaks are kept as typed).
 */
export function fewerClasses(
  c: Classification,
): { reason: 'distinct' | 'merged'; count: number; requested: number } | null {
  const count = c.intervals.length;
  if (c.method === 'manual' || count === 0 || count >= c.requested) return null;
  return { reason: c.distinct <= count ? 'distinct' : 'merged', count, requested: c.requested };
}

/** `YYYY-MM` shifted by `months` (negative: earlier). */
export function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The areas with every measure replaced by its change since `base` (the same areas at an earlier month):
 * now − then. Households are today's. A rate or density without a value at either time has no change.
 */
export function changeRows(current: readonly AreaStat[], base: readonly AreaStat[]): AreaStat[] {
  const then = new Map(base.map((b) => [b.code, b] as const));
  const minus = (now: number | null, before: number | null | undefined) =>
    now === null || before === null || before === undefined ? null : now - before;
  return current.map((a) => {
    const b = then.get(a.code);
    return {
      ...a,
      count: a.count - (b?.count ?? 0),
      rate: minus(a.rate, b?.rate),
      density: minus(a.density, b?.density),
    };
  });
}

/**
 * Breaks for a map of change: `classes` equal intervals symmetric around zero, wide enough for the largest
 * change, with a "nice" step (1, 2 or 5 × 10ⁿ). With an odd number of classes the middle one holds "no
 * change"; with an even number, zero is a break.
 */
export function symmetricBreaks(values: readonly (number | null)[], classes: number): number[] {
  const largest = Math.max(
    0,
    ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs),
  );
  const raw = largest > 0 ? (2 * largest) / classes : 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((u) => u * power >= raw * (1 - 1e-9)) ?? 10) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: classes + 1 }, (_, i) => Number(((i - classes / 2) * step).toFixed(decimals)));
}
