/**
 * Properties of `classify` over arbitrary finite input (issue 11.2): every method ends, never gives
 * more classes than asked nor an empty class, puts every value in exactly one class, and every
 * value — as written with the legend's decimals, in id-ID and en-GB — lies inside its class's label.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASS_METHODS,
  type Classification,
  type ClassMethod,
  classIndex,
  classify,
  intervalLabels,
  methodBreaks,
  writeNumber,
} from '../../../src/core/classify/classify';
import { parseLabel, parseShown, writer } from './classify-oracles';

const AUTOMATIC = CLASS_METHODS.filter((m): m is Exclude<ClassMethod, 'manual'> => m !== 'manual');
const LOCALES = ['id-ID', 'en-GB'] as const;

/** Values a planner's map meets, and the ones that broke it: extremes, near-equal floats, duplicates. */
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(
    100 / 3,
    (1 / 3) * 100,
    1e-300,
    1e300,
    -1e300,
    5e-324,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    0,
    -0,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x * (1 + Number.EPSILON)),
);
const values = fc
  .array(value, { minLength: 1, maxLength: 30 })
  .chain((base) =>
    fc
      .array(fc.constantFrom(...base, 2 * (base[0] as number)), { maxLength: 20 })
      .map((extra) => [...base, ...extra]),
  )
  .filter((vs) => vs.every(Number.isFinite));
const withNoData = fc.tuple(values, fc.array(fc.constantFrom(null, Number.NaN), { maxLength: 3 }));

/** The properties shared by every method; `automatic` adds: no empty class, nothing unclassified. */
function checkClassification(vs: readonly number[], c: Classification, automatic: boolean) {
  const { intervals, counts } = c;
  // Breaks ascending: each class ends where the next begins; only the last may be a single value.
  intervals.forEach((iv, i) => {
    if (i < intervals.length - 1) {
      expect(iv.from).toBeLessThan(iv.to);
      expect(iv.to).toBe(intervals[i + 1]?.from);
    } else expect(iv.from).toBeLessThanOrEqual(iv.to);
  });
  if (automatic) {
    expect(intervals.length).toBeGreaterThanOrEqual(1);
    expect(intervals.length).toBeLessThanOrEqual(c.requested);
    expect(intervals.length).toBeLessThanOrEqual(c.distinct);
    for (const n of counts) expect(n).toBeGreaterThan(0);
    expect(c.unclassified).toBe(0);
  }
  expect(counts.reduce((a, b) => a + b, 0) + c.unclassified).toBe(vs.length);
  for (const locale of LOCALES) {
    const format = writer(locale);
    const labels = intervalLabels(intervals, format, c).map((l) => parseLabel(l, locale));
    for (const v of vs) {
      const shown = parseShown(writeNumber(v, c, format), locale);
      const k = classIndex(c, v);
      // Exactly one label holds the value as shown, and it is the label of the value's colour.
      const holding = labels.flatMap(([from, to], i) =>
        shown >= from && (shown < to || (i === labels.length - 1 && shown <= to)) ? [i] : [],
      );
      expect(holding).toEqual(k < 0 ? [] : [k]);
      if (automatic) {
        // The value itself (unrounded) lies in its class too.
        const iv = intervals[k];
        expect(iv && v >= iv.from && v <= iv.to).toBe(true);
      }
    }
  }
}

describe('classify: properties over arbitrary finite input', () => {
  it.each(AUTOMATIC)(
    '%s: ends; ≤ k classes, none empty; each value in exactly one, inside its label',
    (method) => {
      fc.assert(
        fc.property(
          withNoData,
          fc.integer({ min: 3, max: 9 }),
          fc.integer({ min: 0, max: 2 }),
          ([vs, nulls], k, minDecimals) => {
            const c = classify([...vs, ...nulls], method, { classes: k, minDecimals });
            expect(c.requested).toBe(k);
            expect(c.noData).toBe(nulls.length);
            checkClassification(vs, c, true);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('manual: every value is unclassified or in exactly one class, inside its label', () => {
    fc.assert(
      fc.property(
        values,
        fc.array(value, { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 0, max: 2 }),
        (vs, breaks, minDecimals) => {
          const c = classify(vs, 'manual', { classes: 5, breaks, minDecimals });
          const usable = new Set(breaks.filter(Number.isFinite).map((b) => b + 0));
          expect(c.intervals.length).toBe(Math.max(0, usable.size - 1));
          checkClassification(vs, c, false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the legend decimals never drop below what the screen shows (minDecimals)', () => {
    fc.assert(
      fc.property(
        values,
        fc.constantFrom(...AUTOMATIC),
        fc.integer({ min: 0, max: 3 }),
        (vs, method, minDecimals) => {
          expect(classify(vs, method, { classes: 5, minDecimals }).decimals).toBeGreaterThanOrEqual(
            minDecimals,
          );
        },
      ),
    );
  });
});

describe('classify: the examples of issue 11.2', () => {
  const check = (vs: number[], method: ClassMethod, classes: number, minDecimals = 0) => {
    const c = classify(vs, method, { classes, minDecimals });
    checkClassification(vs, c, true);
    return c;
  };
  it.each(AUTOMATIC)('%s ends on two values a few floating-point steps apart (100/3 and ⅓·100)', (method) => {
    // Two values: two classes, or one where the method has no break between them (std dev's steps
    // of ½ SD fall inside a floating-point step here).
    const c = check([100 / 3, (1 / 3) * 100], method, 9);
    expect(c.intervals.length).toBe(method === 'stddev' ? 1 : 2);
  });
  it.each(AUTOMATIC)('%s ends on extreme magnitudes and mixed signs', (method) => {
    check([1e-300, 1e300], method, 9);
    check([-1e300, 1e-300, 1e300], method, 5);
    check([-Number.MAX_VALUE, 0, Number.MAX_VALUE], method, 9);
    check([5e-324, 1e-323, 2e-323, 1], method, 7);
    // Found by the property above: two neighbouring doubles near the largest read alike when the mantissa
    // was made a double again (1,7976931348623142 × 10³⁰⁸ twice).
    check([1.7976931348623143e308, 1.7976931348623141e308, 0], method, 3);
  });
  it('pretty never gives more classes than asked (0.5–13.9 in 9 gave 14)', () => {
    expect(methodBreaks([0.5, 13.9], 'pretty', 9)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(check([0.5, 13.9], 'pretty', 9).intervals.length).toBeLessThanOrEqual(9);
    expect(check([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13.5], 'pretty', 9).intervals.length).toBe(7);
  });
  it('pretty has no empty class below the minimum (0.3 / 0.1 floors to 2)', () => {
    const c = check([0.3, 0.4, 0.5, 0.6, 0.7], 'pretty', 4, 1);
    expect(c.intervals[0]?.from).toBe(0.3);
    expect(c.counts[0]).toBeGreaterThan(0);
  });
  it('quantile on [1, 4] in 5 classes gives 2 classes, both used, and says the values are 2', () => {
    const c = check([1, 4], 'quantile', 5);
    expect(c.counts).toEqual([1, 1]);
    expect(c.distinct).toBe(2);
    expect(c.requested).toBe(5);
  });
  it('an 8 is never shown in "7,0 – < 8,0", a −5,9 never in "−20,0 – < −5,9"', () => {
    const format = writer('id-ID');
    for (const [vs, target] of [
      [[0, 7.96, 8, 16.0000001, 40.00000005], 8],
      [[-20, -5.9, 8.2000002], -5.9],
    ] as const) {
      for (const method of AUTOMATIC) {
        const c = check([...vs], method, 5, 1);
        const label = intervalLabels(c.intervals, format, c)[classIndex(c, target)] as string;
        expect(label.endsWith(`< ${writeNumber(target, c, format)}`)).toBe(false);
      }
    }
  });
});
