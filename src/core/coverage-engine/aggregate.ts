/**
 * Per-area aggregation (villages, districts): counts, coverage and distance quantiles.
 *
 * Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default and
 * DuckDB's quantile_cont): for n values, q lies at rank h = (n − 1)·q, between the ⌊h⌋-th and ⌈h⌉-th
 * smallest. Values are bucketed by area with a counting sort and each bucket is partially ordered with
 * quickselect (linear time on average), so a million households aggregate in tens of milliseconds.
 */
import { isNear } from './household-status';
import { type AreaCoverage, HOUSEHOLD_STATUS } from './types';

/** Reorders a[lo..hi] (inclusive) so that a[k] holds the value of rank k, smaller ones before, larger after. */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi;
  while (r > l) {
    // Median of three as pivot.
    const m = (l + r) >>> 1;
    let x = a[l] as number;
    let y = a[m] as number;
    let z = a[r] as number;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = l;
    let j = r;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo] as number;
  for (let i = lo + 1; i <= hi; i++) if ((a[i] as number) < m) m = a[i] as number;
  return m;
}

/**
 * Type-7 quantile q ∈ [0, 1] of a[lo, hi), reordering that range in place. Assumes no NaN.
 * `from` (optional) is a rank already selected in this range: everything at or after it is ≥ it, so the
 * search can start there when q's rank is not smaller.
 */
export function quantileInPlace(a: Float64Array, lo: number, hi: number, q: number, from = 0): number {
  const n = hi - lo;
  if (n <= 0) return Number.NaN;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  const frac = h - k;
  const start = k >= from ? lo + from : lo;
  selectInPlace(a, start, hi - 1, lo + k);
  const v = a[lo + k] as number;
  if (frac === 0 || k + 1 >= n) return v;
  return v + frac * (minOf(a, lo + k + 1, hi - 1) - v);
}

/** Type-7 quantile of a copy of `values` (NaN entries are ignored). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(values).filter((v) => !Number.isNaN(v));
  return quantileInPlace(a, 0, a.length, q);
}

/**
 * Aggregates households into areas.
 * @param areaOf area of each household, -1 = none (the household is skipped)
 * @param status HOUSEHOLD_STATUS per household
 * @param distance distance to the own agent; enters the quantiles when status ≠ noAgent and it is finite
 * @param agentArea area of each agent's home, -1 = none; only active agents count as residents
 */
export function aggregateAreas(
  areaOf: Int32Array,
  areaCount: number,
  status: Uint8Array,
  distance: Float64Array,
  agentArea: Int32Array,
  agentActive: Uint8Array,
): AreaCoverage {
  const households = new Int32Array(areaCount);
  const covered = new Int32Array(areaCount);
  const near = new Int32Array(areaCount);
  const unvisited = new Int32Array(areaCount);
  const withDistance = new Int32Array(areaCount + 1);
  const n = areaOf.length;
  const noAgent = HOUSEHOLD_STATUS.noAgent;
  const coveredCode = HOUSEHOLD_STATUS.covered;
  for (let i = 0; i < n; i++) {
    const g = areaOf[i] as number;
    if (g < 0) continue;
    households[g] = (households[g] as number) + 1;
    const s = status[i] as number;
    if (s === coveredCode) covered[g] = (covered[g] as number) + 1;
    if (s === HOUSEHOLD_STATUS.unvisited) unvisited[g] = (unvisited[g] as number) + 1;
    if (isNear(s)) near[g] = (near[g] as number) + 1;
    if (s !== noAgent && Number.isFinite(distance[i]))
      withDistance[g + 1] = (withDistance[g + 1] as number) + 1;
  }
  // Counting sort of the distances by area.
  for (let g = 0; g < areaCount; g++) {
    withDistance[g + 1] = (withDistance[g + 1] as number) + (withDistance[g] as number);
  }
  const start = withDistance.slice(0, areaCount);
  const buf = new Float64Array(withDistance[areaCount] as number);
  for (let i = 0; i < n; i++) {
    const g = areaOf[i] as number;
    if (g < 0) continue;
    const d = distance[i] as number;
    if ((status[i] as number) !== noAgent && Number.isFinite(d)) {
      const at = start[g] as number;
      buf[at] = d;
      start[g] = at + 1;
    }
  }
  const medianDistanceM = new Float64Array(areaCount);
  const p90DistanceM = new Float64Array(areaCount);
  const coveragePct = new Float64Array(areaCount);
  const nearPct = new Float64Array(areaCount);
  const needingAgent = new Int32Array(areaCount);
  for (let g = 0; g < areaCount; g++) {
    const lo = withDistance[g] as number;
    const hi = withDistance[g + 1] as number;
    const m = hi - lo;
    medianDistanceM[g] = quantileInPlace(buf, lo, hi, 0.5);
    p90DistanceM[g] = quantileInPlace(buf, lo, hi, 0.9, Math.floor((m - 1) * 0.5));
    const h = households[g] as number;
    coveragePct[g] = h > 0 ? (100 * (covered[g] as number)) / h : Number.NaN;
    nearPct[g] = h > 0 ? (100 * (near[g] as number)) / h : Number.NaN;
    needingAgent[g] = h - (near[g] as number);
  }
  const residentAgents = new Int32Array(areaCount);
  for (let a = 0; a < agentArea.length; a++) {
    const g = agentArea[a] as number;
    if (g >= 0 && g < areaCount && agentActive[a] !== 0)
      residentAgents[g] = (residentAgents[g] as number) + 1;
  }
  return {
    households,
    covered,
    coveragePct,
    near,
    nearPct,
    unvisited,
    medianDistanceM,
    p90DistanceM,
    residentAgents,
    needingAgent,
  };
}
