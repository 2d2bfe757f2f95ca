/** Independent helpers for the classification tests: a locale writer, a label parser, brute-force optima. */

/** Writes a number with exactly `d` decimals in `locale`, as the planner does. */
export const writer = (locale: string) => (n: number, d: number) =>
  n.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number as written by `writer` (optionally "m × 10ⁿ") read back exactly. */
export function parseShown(text: string, locale: string): number {
  const [mantissa, power] = text.split(' × 10') as [string, string | undefined];
  const plain = (
    locale === 'id-ID' ? mantissa.replaceAll('.', '').replace(',', '.') : mantissa.replaceAll(',', '')
  )
    .replace('−', '-')
    .trim();
  const exponent = power
    ? Number([...power].map((c) => (c === '⁻' ? '-' : String(SUPER.indexOf(c)))).join(''))
    : 0;
  const n = Number(`${plain}e${exponent}`);
  if (!Number.isFinite(n)) throw new Error(`unreadable number "${text}"`);
  return n;
}

/** A legend label "a – < b", "a – b" or "a" as its bounds [a, b]. */
export function parseLabel(label: string, locale: string): [number, number] {
  const [from, to] = label.split(/ – <? ?/) as [string, string | undefined];
  const a = parseShown(from, locale);
  return [a, to === undefined ? a : parseShown(to, locale)];
}

/** Within-class sum of squares of classes given as consecutive runs of `sorted`. */
export function sse(groups: readonly number[][]): number {
  return groups.reduce((sum, g) => {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    return sum + g.reduce((a, v) => a + (v - mean) ** 2, 0);
  }, 0);
}

/** The least within-class sum of squares over every split of `sorted` into k runs (brute force). */
export function bestSse(sorted: readonly number[], k: number): number {
  const n = sorted.length;
  let best = Number.POSITIVE_INFINITY;
  const split = (start: number, left: number, groups: number[][]) => {
    if (left === 1) {
      best = Math.min(best, sse([...groups, sorted.slice(start)]));
      return;
    }
    for (let end = start + 1; end <= n - left + 1; end++)
      split(end, left - 1, [...groups, sorted.slice(start, end)]);
  };
  split(0, Math.min(k, n), []);
  return best;
}

/**
 * R-style pretty breaks by scanning: the smallest step in 1, 2, 5 × 10ⁿ (n from −6 up) whose multiples
 * cover [min, max] in at most k intervals. For moderate inputs only (plain floating point).
 */
export function prettyOracle(min: number, max: number, k: number): number[] {
  for (let n = -6; n < 12; n++)
    for (const u of [1, 2, 5]) {
      const step = u * 10 ** n;
      const lo = Math.floor(min / step + 1e-9);
      const hi = Math.ceil(max / step - 1e-9);
      if (hi - lo <= k)
        return Array.from({ length: hi - lo + 1 }, (_, i) => Number(((lo + i) * step).toFixed(8)));
    }
  throw new Error('no step');
}
