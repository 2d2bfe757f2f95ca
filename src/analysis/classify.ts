/**
 * Class breaks for thematic maps. Intervals are half-open, [from, to), except the last,
 * which is closed so the maximum falls in it. Values that are null or NaN are "no data"
 * and belong to no class.
 */
export type ClassMethod = 'quantile' | 'equal_interval';

export interface ClassInterval {
  from: number;
  to: number;
}

const finite = (values: readonly (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

/** Up to `classes` intervals covering the finite values; fewer when values are too few or equal. */
export function classIntervals(
  values: readonly (number | null)[],
  method: ClassMethod,
  classes: number,
): ClassInterval[] {
  const sorted = finite(values);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [{ from: min, to: max }];
  const edges: number[] = [min];
  for (let i = 1; i < classes; i++) {
    edges.push(
      method === 'equal_interval' ? min + ((max - min) * i) / classes : quantile(sorted, i / classes),
    );
  }
  edges.push(max);
  const unique = edges.filter((e, i) => i === 0 || e > (edges[i - 1] as number));
  return unique.slice(0, -1).map((from, i) => ({ from, to: unique[i + 1] as number }));
}

/** Linear-interpolated quantile of sorted values (type 7, as in R and d3). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (h - lo);
}

/** Index of the interval holding `value`, or -1 for no data / outside all intervals. */
export function classOf(value: number | null, intervals: readonly ClassInterval[]): number {
  if (value === null || !Number.isFinite(value)) return -1;
  const last = intervals.length - 1;
  for (let i = 0; i <= last; i++) {
    const { from, to } = intervals[i] as ClassInterval;
    if (value >= from && (value < to || (i === last && value <= to))) return i;
  }
  return -1;
}
