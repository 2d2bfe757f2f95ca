/**
 * From a method's raw breaks to the breaks a legend can state truthfully.
 *
 * A method proposes edges (first ≤ min, inner cuts, last ≥ max), often long binary fractions. Here:
 * 1. values are grouped by the cuts (a value belongs to the class of the last cut ≤ it); classes left
 *    empty are merged away, so no class is empty and each holds at least one value;
 * 2. one number of decimals `d` is chosen, the fewest (from the cuts' own precision up) at which each
 *    remaining cut can move to a multiple of 10^−d that still separates its neighbouring classes
 *    *after rounding*: rounded to d decimals the largest value below stays under it and the smallest
 *    value above is not below it. That d always exists (at the decimals of the values themselves);
 * 3. the first edge is the floor, the last the ceiling, of the outer edges at d decimals.
 * The breaks are then numbers the legend writes exactly, and a value shown with d decimals lies in
 * the interval its colour says, exactly and as shown.
 */
import { decimalsOf, roundAt } from './decimal';

export interface Edges {
  /** Ascending; `edges[i]`–`edges[i + 1]` is class i. Only the last pair may be equal (a one-value class). */
  edges: number[];
  /** Decimals of every edge (each is a multiple of 10^−decimals). */
  decimals: number;
}

/** Decimals at which the raw cuts read as themselves (0–2) or at least apart from each other. */
function naturalDecimals(cuts: readonly number[], limit: number): number {
  for (let d = 0; d <= 2; d++)
    if (cuts.every((c) => Math.abs(roundAt(c, d, 'half') - c) <= 1e-9 * Math.max(1, Math.abs(c)))) return d;
  for (let d = 1; d < limit; d++) {
    const shown = cuts.map((c) => roundAt(c, d, 'half'));
    if (shown.every((s, i) => i === 0 || s !== shown[i - 1] || cuts[i] === cuts[i - 1])) return d;
  }
  return limit;
}

interface Group {
  lo: number;
  hi: number;
  /** The raw cut that opened this group's class (undefined for the first) and its position. */
  cut: number | undefined;
  cutIndex: number;
}

/** Non-empty groups of `sorted` values split at `cuts` (v goes after every cut ≤ v). */
function groupsOf(sorted: readonly number[], cuts: readonly number[]): Group[] {
  const groups: Group[] = [];
  let c = 0;
  for (const v of sorted) {
    while (c < cuts.length && (cuts[c] as number) <= v) c++;
    const last = groups[groups.length - 1];
    if (last && last.cutIndex === c) last.hi = v;
    else groups.push({ lo: v, hi: v, cut: c > 0 ? cuts[c - 1] : undefined, cutIndex: c });
  }
  return groups;
}

/**
 * The multiple of 10^−d for the cut between a group ending at `hi` and one starting at `lo`: the raw
 * cut rounded, else the largest such multiple ≤ lo; null when none lies in (round(hi), lo].
 */
function snapCut(raw: number, hi: number, lo: number, d: number): number | null {
  const floor = roundAt(hi, d, 'half');
  const fits = (t: number) => t > floor && t <= lo;
  const near = roundAt(raw, d, 'half');
  if (fits(near)) return near;
  const below = roundAt(lo, d, 'floor');
  return fits(below) ? below : null;
}

/**
 * Truthful edges for ascending finite `sorted` values (at least one) and a method's raw `edges`;
 * `minDecimals` is the least precision the screen shows these values with.
 */
export function truthfulEdges(sorted: readonly number[], raw: readonly number[], minDecimals = 0): Edges {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const cuts = raw
    .slice(1, -1)
    .filter((c) => Number.isFinite(c))
    .sort((a, b) => a - b);
  const groups = groupsOf(sorted, cuts);
  // Past the decimals of every value, any cut can be the next class's smallest value itself.
  const enough = Math.max(minDecimals, ...groups.flatMap((g) => [decimalsOf(g.lo), decimalsOf(g.hi)]));
  const inner = groups.slice(1).map((g) => g.cut as number);
  const start = Math.min(Math.max(minDecimals, naturalDecimals(inner, enough)), enough);
  for (let d = start; d <= enough; d++) {
    const snapped = groups.slice(1).map((g, i) => snapCut(g.cut as number, (groups[i] as Group).hi, g.lo, d));
    if (snapped.some((t) => t === null)) continue;
    const first = Number.isFinite(raw[0]) ? Math.min(raw[0] as number, min) : min;
    const last = Number.isFinite(raw[raw.length - 1]) ? Math.max(raw[raw.length - 1] as number, max) : max;
    return {
      edges: [roundAt(first, d, 'floor'), ...(snapped as number[]), roundAt(last, d, 'ceil')],
      decimals: d,
    };
  }
  // Unreachable: at `enough` decimals each cut can be the smallest value of its class.
  throw new Error(`no truthful edges at ${enough} decimals`);
}
