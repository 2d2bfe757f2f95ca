import { describe, expect, it } from 'vitest';
import { quantile, quantileInPlace, selectInPlace } from '../../../src/core/coverage-engine/aggregate';
import { rng } from './fixtures';

/** Type 7 by sorting: the reference. */
function reference(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

describe('quantiles (Hyndman–Fan type 7)', () => {
  it('matches numpy / DuckDB quantile_cont on small hand-computed sets', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([4, 1, 3, 2, 5], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2, 5], 0.9)).toBeCloseTo(4.6, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([Number.NaN, 2, 4], 0.5)).toBe(3);
  });

  it('agrees with sorting on random arrays, with duplicates, median then p90 in place', () => {
    const r = rng(17);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(r() * 60);
      const values = Array.from({ length: n }, () => (r() < 0.3 ? Math.floor(r() * 5) : r() * 1000));
      const a = Float64Array.from(values);
      const m = quantileInPlace(a, 0, n, 0.5);
      const p = quantileInPlace(a, 0, n, 0.9, Math.floor((n - 1) * 0.5));
      expect(m).toBeCloseTo(reference(values, 0.5), 9);
      expect(p).toBeCloseTo(reference(values, 0.9), 9);
      expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y));
    }
  });

  it('selectInPlace partitions around rank k', () => {
    const r = rng(5);
    const a = Float64Array.from({ length: 101 }, () => Math.floor(r() * 20));
    selectInPlace(a, 0, 100, 37);
    const kth = a[37] as number;
    for (let i = 0; i < 37; i++) expect(a[i]).toBeLessThanOrEqual(kth);
    for (let i = 38; i <= 100; i++) expect(a[i]).toBeGreaterThanOrEqual(kth);
  });
});
