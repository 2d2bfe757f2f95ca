/**
 * Each method against an independent computation: brute-force least squares for Jenks and Ckmeans,
 * simple-statistics' type-7 quantile, and R-style pretty steps found by scanning.
 */
import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { classIndex, classify, methodBreaks } from '../../../src/core/classify/classify';
import { bestSse, prettyOracle, sse } from './classify-oracles';

const small = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 9 });
const sorted = (vs: readonly number[]) => [...vs].sort((a, b) => a - b);

describe('classify against independent oracles', () => {
  it.each(['jenks', 'ckmeans'] as const)(
    '%s: classes reach the least within-class sum of squares',
    (method) => {
      fc.assert(
        fc.property(small, fc.integer({ min: 3, max: 5 }), (vs, k) => {
          const c = classify(vs, method, { classes: k });
          const groups = c.intervals.map((_, i) => sorted(vs).filter((v) => classIndex(c, v) === i));
          const distinct = new Set(vs).size;
          expect(c.intervals).toHaveLength(Math.min(k, distinct));
          expect(sse(groups)).toBeCloseTo(bestSse(sorted(vs), Math.min(k, distinct)), 6);
        }),
        { numRuns: 150 },
      );
    },
  );

  it('jenks on many values (a whole period) gives the least-squares classes, as ckmeans', () => {
    const many = Array.from({ length: 1500 }, (_, i) => Math.round(Math.abs(Math.sin(i * 7.3)) * 1000) / 100);
    expect(classify(many, 'jenks', { classes: 7 }).intervals).toEqual(
      classify(many, 'ckmeans', { classes: 7 }).intervals,
    );
  });

  it('quantile: the method breaks are simple-statistics type-7 quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 3, max: 9 }),
        (vs, k) => {
          const s = sorted(vs);
          const got = methodBreaks(vs, 'quantile', k);
          const want = Array.from({ length: k + 1 }, (_, i) => quantileSorted(s, i / k));
          got.forEach((b, i) => {
            expect(Math.abs(b - (want[i] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
          });
        },
      ),
    );
  });

  it('pretty: the smallest 1-2-5 step covering the range in at most k classes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 3, max: 9 }),
        (lo, span, scale, k) => {
          const min = lo / 10 ** scale;
          const max = (lo + span) / 10 ** scale;
          expect(methodBreaks([min, max], 'pretty', k)).toEqual(prettyOracle(min, max, k));
        },
      ),
    );
  });

  it.each([
    // As R's pretty(): pretty(c(3, 47), 5), pretty(c(0.13, 0.92), 5), pretty(c(1, 100), 3), pretty(c(-7, 7), 4).
    [[3, 47], 5, [0, 10, 20, 30, 40, 50]],
    [[0.13, 0.92], 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [[1, 100], 3, [0, 50, 100]],
    [[-7, 7], 4, [-10, -5, 0, 5, 10]],
  ])('pretty(%j, %i) = %j (hand-computed)', (vs, k, want) => {
    expect(methodBreaks(vs, 'pretty', k)).toEqual(want);
  });
});
