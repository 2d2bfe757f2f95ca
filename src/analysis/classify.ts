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
 * | `pretty`         | round steps of 1, 2 or 5 × 10ⁿ covering [min, max] (R `pretty`); k is a target   |
 * | `log`            | equal steps of log10 over the positive values; zeros and negatives form a first |
 * |                  | class [min, smallest positive); all ≤ 0 falls back to equal interval             |
 * | `stddev`         | mean ± steps of 1 SD (k ≤ 5) or ½ SD (k > 5), centred on the mean, clipped      |
 * |                  | to [min, max]                                                                   |
 * | `manual`         | the user's breaks, sorted and de-duplicated; values outside are unclassified     |
 *
 * Fewer classes than asked come back when the values have fewer distinct values (all equal
 * values make one class [v, v]); no values make no class.
 */
import { ckmeans as ssCkmeans, jenks as ssJenks } from 'simple-statistics';

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

export interface ClassInterval {
  from: number;
  to: number;
}

export interface ClassifyOptions {
  /** Number of classes wanted, clamped to 3–9 (`classIntervals` keeps the caller's count). */
  classes: number;
  /** Breaks for `manual`: k + 1 numbers give k classes. */
  breaks?: readonly number[];
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
}

export const clampClasses = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(n))) : 5;

const finite = (values: readonly (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

/**
 * Edges (ascending, first = from of the first class, last = to of the last) → intervals; repeats
 * dropped. With `pointLast`, edges ending [.., m, m] keep a last class [m, m] (a cluster holding
 * only the maximum, as Jenks and Ckmeans can give): the class before it stops short of m.
 */
function toIntervals(edges: readonly number[], pointLast = false): ClassInterval[] {
  const unique = edges.filter((e, i) => Number.isFinite(e) && (i === 0 || e > (edges[i - 1] as number)));
  const intervals = unique.slice(0, -1).map((from, i) => ({ from, to: unique[i + 1] as number }));
  const n = edges.length;
  const max = edges[n - 1] as number;
  if (pointLast && n >= 3 && edges[n - 2] === max && intervals.length > 0)
    intervals.push({ from: max, to: max });
  return intervals;
}

/** Linear-interpolated quantile of sorted values (type 7, as in R and d3). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (h - lo);
}

const range = (k: number) => Array.from({ length: k }, (_, i) => i);

function equalInterval(sorted: number[], k: number): number[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  return [...range(k).map((i) => min + ((max - min) * i) / k), max];
}

function quantileBreaks(sorted: number[], k: number): number[] {
  return [...range(k).map((i) => quantile(sorted, i / k)), sorted[sorted.length - 1] as number];
}

function jenksBreaks(sorted: number[], k: number): number[] {
  const distinct = new Set(sorted).size;
  const breaks = ssJenks(sorted, Math.min(k, distinct));
  return breaks ?? equalInterval(sorted, k);
}

function ckmeansBreaks(sorted: number[], k: number): number[] {
  const distinct = new Set(sorted).size;
  const clusters = ssCkmeans(sorted, Math.min(k, distinct));
  return [...clusters.map((c) => c[0] as number), sorted[sorted.length - 1] as number];
}

/** A "nice" step near `span / k`: 1, 2 or 5 × 10ⁿ. */
export function niceStep(span: number, k: number): number {
  const raw = span / k;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10;
  return nice * power;
}

function prettyBreaks(sorted: number[], k: number): number[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const step = niceStep(max - min, k);
  const start = Math.floor(min / step) * step;
  const edges: number[] = [];
  // Rounded to the step's decimals, so 0.1 + 0.2 reads 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let e = start; ; e += step) {
    const rounded = Number(e.toFixed(decimals));
    edges.push(rounded);
    if (rounded > max || (rounded === max && edges.length > 1)) break;
  }
  return edges;
}

function logBreaks(sorted: number[], k: number): number[] {
  const positive = sorted.filter((v) => v > 0);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (positive.length === 0) return equalInterval(sorted, k);
  const lo = Math.log10(positive[0] as number);
  const hi = Math.log10(max);
  const hasNonPositive = min <= 0;
  const steps = hasNonPositive ? k - 1 : k;
  const edges = range(steps).map((i) => 10 ** (lo + ((hi - lo) * i) / steps));
  edges[0] = positive[0] as number;
  return [...(hasNonPositive ? [min] : []), ...edges, max];
}

function stddevBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  const step = k <= 5 ? sd : sd / 2;
  const inner = range(k - 1)
    .map((i) => mean + (i + 1 - k / 2) * step)
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

function intervalsOf(
  sorted: number[],
  method: ClassMethod,
  k: number,
  breaks?: readonly number[],
): ClassInterval[] {
  if (method === 'manual') return toIntervals(manualBreaks(breaks));
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return [];
  if (min === max) return [{ from: min, to: max }];
  return toIntervals(METHODS[method](sorted, k), method === 'jenks' || method === 'ckmeans');
}

/** The one entry: intervals of `values` by `method`, with the count of values in each class. */
export function classify(
  values: readonly (number | null)[],
  method: ClassMethod,
  options: ClassifyOptions,
): Classification {
  const sorted = finite(values);
  const intervals = intervalsOf(sorted, method, clampClasses(options.classes), options.breaks);
  const counts = intervals.map(() => 0);
  let unclassified = 0;
  for (const v of sorted) {
    const k = classOf(v, intervals);
    if (k < 0) unclassified += 1;
    else counts[k] = (counts[k] ?? 0) + 1;
  }
  return { method, intervals, counts, noData: values.length - sorted.length, unclassified };
}

/**
 * Up to `classes` intervals covering the finite values (no clamping of the count; kept for the
 * supervisor's terciles and bivariate map).
 */
export function classIntervals(
  values: readonly (number | null)[],
  method: ClassMethod,
  classes: number,
  breaks?: readonly number[],
): ClassInterval[] {
  return intervalsOf(finite(values), method, Math.max(1, Math.round(classes)), breaks);
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

/**
 * Decimals for legend labels: the fewest (0–2) that write every break exactly, else the fewest
 * (1–4) at which neighbouring breaks read differently, so a label never says "1,2 – < 1,2".
 */
export function labelDecimals(intervals: readonly ClassInterval[]): number {
  const edges = intervals.flatMap((iv, i) => (i === 0 ? [iv.from, iv.to] : [iv.to]));
  for (let d = 0; d <= 2; d++) {
    if (edges.every((e) => Math.abs(Number(e.toFixed(d)) - e) < 1e-9 * Math.max(1, Math.abs(e)))) return d;
  }
  for (let d = 1; d < 4; d++) {
    const shown = edges.map((e) => e.toFixed(d));
    if (shown.every((s, i) => i === 0 || s !== shown[i - 1] || edges[i] === edges[i - 1])) return d;
  }
  return 4;
}

/**
 * Legend labels stating the half-open intervals: "a – < b" for every class but the last,
 * which is closed, "a – b" (a class of one value reads just "a"). `format(n, decimals)` writes a number in the UI's locale.
 */
export function intervalLabels(
  intervals: readonly ClassInterval[],
  format: (n: number, decimals: number) => string,
): string[] {
  const d = labelDecimals(intervals);
  return intervals.map((iv, i) =>
    iv.from === iv.to
      ? format(iv.from, d)
      : i === intervals.length - 1
        ? `${format(iv.from, d)} – ${format(iv.to, d)}`
        : `${format(iv.from, d)} – < ${format(iv.to, d)}`,
  );
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
