/**
 * Class breaks for thematic maps, the way GIS tools (DHIS2 Maps, QGIS) make them.
 *
 * One public entry, `classify(values, method, options)`, one private function per method.
 * Intervals are half-open, [from, to), except the last, which is closed, [from, to], so the
 * maximum falls in it. Values that are null or NaN are "no data" and belong to no class;
 * with manual breaks, values outside the breaks are "unclassified".
 *
 * | method           | breaks                                                                          |
 * |------------------|---------------------------------------------------------------------------------|
 * | `equal_interval` | min + (max − min)·i/k                                                           |
 * | `quantile`       | type-7 quantiles at i/k (as R, d3): about the same number of areas per class     |
 * | `jenks`          | Jenks natural breaks (simple-statistics `jenks`): least within-class variance    |
 * | `ckmeans`        | Ckmeans.1d.dp optimal 1-D k-means (simple-statistics `ckmeans`): class = cluster |
 * | `pretty`         | the smallest step of 1, 2 or 5 × 10ⁿ whose multiples cover [min, max] in at most |
 * |                  | k classes (as R `pretty`, but never more classes than asked)                     |
 * | `log`            | equal steps of log10 over the positive values; zeros and negatives form a first |
 * |                  | class [min, smallest positive); all ≤ 0 falls back to equal interval             |
 * | `stddev`         | mean ± steps of 1 SD (k ≤ 5) or ½ SD (k > 5), centred on the mean, clipped      |
 * |                  | to [min, max]                                                                   |
 * | `manual`         | the user's breaks, sorted and de-duplicated; values outside are unclassified     |
 *
 * The automatic methods' breaks then go through `truthfulEdges` (class-edges.ts): empty classes are
 * merged away and each break moves to a round number that separates its classes also after rounding
 * to the legend's decimals. So no class is empty, there are never more classes than asked (fewer
 * when the values have fewer distinct values, or a method leaves a class empty: `requested` and
 * `distinct` say which), and every value, written with `decimals`, lies inside its class's label.
 * Every method is arithmetic on at most k + 1 numbers per value, so it ends for every finite input.
 */
import { ckmeans as ssCkmeans, jenks as ssJenks } from 'simple-statistics';
import { truthfulEdges } from './class-edges';
import { type ClassInterval, isScientific } from './class-labels';
import { decimalOf, decimalsOf, exponentOf, roundAt } from './decimal';

export type { ClassInterval, NumberWriter } from './class-labels';
export { intervalLabels, notationOf, writeNumber } from './class-labels';

export type ClassMethod =
  | 'equal_interval'
  | 'quantile'
  | 'jenks'
  | 'ckmeans'
  | 'pretty'
  | 'log'
  | 'stddev'
  | 'manual';

export const CLASS_METHODS: readonly ClassMethod[] = [
  'quantile',
  'equal_interval',
  'jenks',
  'ckmeans',
  'pretty',
  'log',
  'stddev',
  'manual',
];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

export interface ClassifyOptions {
  /** Number of classes wanted, clamped to 3–9 (`classIntervals` keeps the caller's count). */
  classes: number;
  /** Breaks for `manual`: k + 1 numbers give k classes. */
  breaks?: readonly number[];
  /** The fewest decimals the screen writes these values with (e.g. 1 for a rate); default 0. */
  minDecimals?: number;
}

export interface Classification {
  method: ClassMethod;
  intervals: ClassInterval[];
  /** Values per interval. */
  counts: number[];
  /** Null or NaN values. */
  noData: number;
  /** Finite values outside every interval (only with manual breaks). */
  unclassified: number;
  /**
   * Decimals of the legend: every break is a multiple of 10^−decimals, and values are classed as
   * they read rounded to it (`classIndex`), so a value shown with these decimals lies in its label.
   */
  decimals: number;
  /** Numbers too large or too fine for plain decimals: written m × 10ⁿ. */
  scientific: boolean;
  /** Classes asked for (after clamping to 3–9). */
  requested: number;
  /** Distinct finite values. */
  distinct: number;
}

export const clampClasses = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(n))) : 5;

const finite = (values: readonly (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

const countDistinct = (sorted: readonly number[]) =>
  sorted.reduce((n, v, i) => (i === 0 || v !== sorted[i - 1] ? n + 1 : n), 0);

/** a + (b − a)·t without overflow (each term stays within the doubles). */
const lerp = (a: number, b: number, t: number) => (a === b ? a : a * (1 - t) + b * t);

/** Linear-interpolated quantile of sorted values (type 7, as in R and d3). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return lerp(a, b, h - lo);
}

const range = (k: number) => Array.from({ length: k }, (_, i) => i);
const first = (sorted: readonly number[]) => sorted[0] as number;
const last = (sorted: readonly number[]) => sorted[sorted.length - 1] as number;

function equalInterval(sorted: number[], k: number): number[] {
  return [...range(k).map((i) => lerp(first(sorted), last(sorted), i / k)), last(sorted)];
}

function quantileBreaks(sorted: number[], k: number): number[] {
  return [...range(k).map((i) => quantile(sorted, i / k)), last(sorted)];
}

/**
 * simple-statistics' methods work on squares: on values scaled into [−1, 1] they neither overflow
 * (1e300²) nor lose the spread; their cuts map back to the original value at the same position.
 */
function onScaled(sorted: number[], k: number, cutsOf: (scaled: number[], k: number) => number[]): number[] {
  const scale = Math.max(Math.abs(first(sorted)), Math.abs(last(sorted)));
  const scaled = sorted.map((v) => v / scale);
  const classes = Math.min(k, countDistinct(scaled));
  if (classes < 2) return [first(sorted), last(sorted)];
  const cuts = cutsOf(scaled, classes).map((c) => sorted[scaled.findIndex((u) => u >= c)] as number);
  return [first(sorted), ...cuts, last(sorted)];
}

const ckmeansCuts = (scaled: number[], classes: number) =>
  ssCkmeans(scaled, classes)
    .map((c) => c[0] as number)
    .slice(1);

/** Beyond this many values simple-statistics' `jenks` (O(k·n²): 5 s for 5,400 values) gives way to Ckmeans. */
const JENKS_MAX_VALUES = 1000;

/**
 * Jenks natural breaks: the classes with the least within-class sum of squares. simple-statistics'
 * `jenks` finds them exactly but is slow on many values (a period of months) and fails (throws, or
 * returns undefined breaks) where differences vanish in its squared sums, e.g. 1e-300 next to 1;
 * Ckmeans solves the same problem exactly (least within-class sum of squares) in O(k·n·log n) and
 * answers there. Both reach the brute-force optimum (tests/analysis/classify-oracle.test.ts).
 */
function jenksCuts(scaled: number[], classes: number): number[] {
  if (scaled.length > JENKS_MAX_VALUES) return ckmeansCuts(scaled, classes);
  try {
    const breaks = ssJenks(scaled, classes)?.slice(1, -1);
    if (breaks?.every((b) => Number.isFinite(b))) return breaks;
  } catch {
    // answered by ckmeans below
  }
  return ckmeansCuts(scaled, classes);
}

const jenksBreaks = (sorted: number[], k: number) => onScaled(sorted, k, jenksCuts);
const ckmeansBreaks = (sorted: number[], k: number) => onScaled(sorted, k, ckmeansCuts);

/** ⌊n / d⌋ for integers of either sign. */
const floorDiv = (n: bigint, d: bigint) => (n % d !== 0n && n < 0n !== d < 0n ? n / d - 1n : n / d);

/** ⌊x / (unit × 10^power)⌋ (or ⌈⌉), exactly on the decimal digits of x. */
function stepsIn(x: number, unit: bigint, power: number, up: boolean): bigint {
  const { negative, digits, exp } = decimalOf(x);
  const m = BigInt(digits) * (negative ? -1n : 1n);
  const [n, d] =
    exp >= power ? [m * 10n ** BigInt(exp - power), unit] : [m, unit * 10n ** BigInt(power - exp)];
  return up ? -floorDiv(-n, d) : floorDiv(n, d);
}

/** 3 units per power of ten, from below the finest double (1e-324) to above the largest (1e308). */
const PRETTY_MAX_TRIES = 3 * 640;

function prettyBreaks(sorted: number[], k: number): number[] {
  const min = first(sorted);
  const max = last(sorted);
  // The step is at least the span / k: start one power of ten below it (or at the bottom of the doubles).
  const target = max / k - min / k;
  const from = target > 0 && Number.isFinite(target) ? exponentOf(target) - 1 : -325;
  for (let tries = 0; tries < PRETTY_MAX_TRIES; tries++) {
    const unit = [1n, 2n, 5n][tries % 3] as bigint;
    const power = from + Math.floor(tries / 3);
    const lo = stepsIn(min, unit, power, false);
    const hi = stepsIn(max, unit, power, true);
    if (hi - lo <= BigInt(k))
      return range(Number(hi - lo) + 1).map((i) => Number(`${(lo + BigInt(i)) * unit}e${power}`));
  }
  throw new Error(`pretty: no step within ${PRETTY_MAX_TRIES} tries`);
}

function logBreaks(sorted: number[], k: number): number[] {
  const positive = sorted.find((v) => v > 0);
  const min = first(sorted);
  const max = last(sorted);
  if (positive === undefined) return equalInterval(sorted, k);
  const lo = Math.log10(positive);
  const hi = Math.log10(max);
  const hasNonPositive = min <= 0;
  const steps = hasNonPositive ? k - 1 : k;
  const edges = range(steps).map((i) => 10 ** (lo + ((hi - lo) * i) / steps));
  edges[0] = positive;
  return [...(hasNonPositive ? [min] : []), ...edges, max];
}

function stddevBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  const min = first(sorted);
  const max = last(sorted);
  // On values scaled into [−1, 1], so neither the sum nor the squares overflow.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  const scaled = sorted.map((v) => v / scale);
  const mean = scaled.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(scaled.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const step = k <= 5 ? sd : sd / 2;
  const inner = range(k - 1)
    .map((i) => (mean + (i + 1 - k / 2) * step) * scale)
    .filter((e) => e > min && e < max);
  return [min, ...inner, max];
}

function manualBreaks(breaks: readonly number[] | undefined): number[] {
  return [...new Set((breaks ?? []).filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
}

const METHODS: Record<Exclude<ClassMethod, 'manual'>, (sorted: number[], k: number) => number[]> = {
  equal_interval: equalInterval,
  quantile: quantileBreaks,
  jenks: jenksBreaks,
  ckmeans: ckmeansBreaks,
  pretty: prettyBreaks,
  log: logBreaks,
  stddev: stddevBreaks,
};

function rawBreaks(sorted: number[], method: Exclude<ClassMethod, 'manual'>, k: number): number[] {
  return first(sorted) === last(sorted) || k < 2 ? [first(sorted), last(sorted)] : METHODS[method](sorted, k);
}

/**
 * A method's own breaks (first ≤ min, last ≥ max) before `classify` makes them truthful: for checks
 * against other implementations. `classes` is clamped to 3–9.
 */
export function methodBreaks(
  values: readonly (number | null)[],
  method: Exclude<ClassMethod, 'manual'>,
  classes: number,
): number[] {
  const sorted = finite(values);
  return sorted.length === 0 ? [] : rawBreaks(sorted, method, clampClasses(classes));
}

const toIntervals = (edges: readonly number[]): ClassInterval[] =>
  edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number }));

interface Breaks {
  intervals: ClassInterval[];
  decimals: number;
}

function breaksOf(
  sorted: number[],
  method: ClassMethod,
  k: number,
  minDecimals: number,
  breaks?: readonly number[],
): Breaks {
  if (method === 'manual') {
    const edges = manualBreaks(breaks);
    return { intervals: toIntervals(edges), decimals: Math.max(minDecimals, ...edges.map(decimalsOf)) };
  }
  if (sorted.length === 0) return { intervals: [], decimals: minDecimals };
  const { edges, decimals } = truthfulEdges(sorted, rawBreaks(sorted, method, k), minDecimals);
  return { intervals: toIntervals(edges), decimals };
}

/** Index of the interval holding `value`, or -1 for no data / outside all intervals. */
export function classOf(value: number | null, intervals: readonly ClassInterval[]): number {
  if (value === null || !Number.isFinite(value)) return -1;
  const end = intervals.length - 1;
  for (let i = 0; i <= end; i++) {
    const { from, to } = intervals[i] as ClassInterval;
    if (value >= from && (value < to || (i === end && value <= to))) return i;
  }
  return -1;
}

/** The class of `value` as it reads with the classification's decimals (the class its label states). */
export const classIndex = (
  c: Pick<Classification, 'intervals' | 'decimals'>,
  value: number | null,
): number =>
  value === null || !Number.isFinite(value) ? -1 : classOf(roundAt(value, c.decimals, 'half'), c.intervals);

/** The one entry: intervals of `values` by `method`, with the count of values in each class. */
export function classify(
  values: readonly (number | null)[],
  method: ClassMethod,
  options: ClassifyOptions,
): Classification {
  const sorted = finite(values);
  const requested = clampClasses(options.classes);
  const { intervals, decimals } = breaksOf(
    sorted,
    method,
    requested,
    options.minDecimals ?? 0,
    options.breaks,
  );
  const counts = intervals.map(() => 0);
  let unclassified = 0;
  for (const v of sorted) {
    const k = classIndex({ intervals, decimals }, v);
    if (k < 0) unclassified += 1;
    else counts[k] = (counts[k] ?? 0) + 1;
  }
  return {
    method,
    intervals,
    counts,
    noData: values.length - sorted.length,
    unclassified,
    decimals,
    scientific: isScientific(intervals, decimals),
    requested,
    distinct: countDistinct(sorted),
  };
}

/**
 * Up to `classes` intervals covering the finite values (no clamping of the count; kept for the
 * supervisor's terciles and bivariate map). The same truthful breaks as `classify`.
 */
export function classIntervals(
  values: readonly (number | null)[],
  method: ClassMethod,
  classes: number,
  breaks?: readonly number[],
): ClassInterval[] {
  return breaksOf(finite(values), method, Math.max(1, Math.round(classes)), 0, breaks).intervals;
}

/**
 * Parses manual breaks typed by a user, separated by semicolons, spaces or commas:
 * "0; 5; 10,5" or "0 5 10.5" or "0, 5, 10". A single comma between digits is a decimal comma.
 */
export function parseBreaks(text: string): number[] {
  return manualBreaks(
    text
      .split(/[;\s]+/)
      .flatMap((t) => (/^[-+]?\d+,\d+$/.test(t) ? [t.replace(',', '.')] : t.split(',')))
      .filter((t) => t !== '')
      .map(Number),
  );
}
