import { classIntervals, classOf } from './classify';

/** A village's class on each axis of a 3×3 bivariate map: 0 low, 1 middle, 2 high; -1 no data. */
export interface BivariateClass {
  x: number;
  y: number;
}

/**
 * Tercile classes of two measures over the same areas (e.g. need rate × share of households
 * not covered). Terciles are computed over the areas with data on each axis separately.
 */
export function bivariateClasses(
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
): BivariateClass[] {
  const xIntervals = classIntervals(xs, 'quantile', 3);
  const yIntervals = classIntervals(ys, 'quantile', 3);
  // With fewer than three distinct values the classes are spread to low/high, never bunched in the middle.
  const spread = (k: number, n: number) => (k < 0 ? -1 : n <= 1 ? 0 : Math.round((k * 2) / (n - 1)));
  return xs.map((x, i) => ({
    x: spread(classOf(x, xIntervals), xIntervals.length),
    y: spread(classOf(ys[i] ?? null, yIntervals), yIntervals.length),
  }));
}
