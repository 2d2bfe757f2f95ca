import { describe, expect, it } from 'vitest';
import {
  CLASS_METHODS,
  type ClassMethod,
  classify,
  intervalLabels,
  methodBreaks,
  notationOf,
  parseBreaks,
} from '../../../src/core/classify/classify';

const pairs = (values: readonly (number | null)[], method: ClassMethod, classes: number, breaks?: number[]) =>
  classify(values, method, { classes, breaks }).intervals.map((iv) => [iv.from, iv.to]);
/** A method's own breaks as consecutive pairs (before `classify` merges empty classes and rounds). */
const rawPairs = (values: readonly number[], method: Exclude<ClassMethod, 'manual'>, classes: number) => {
  const edges = methodBreaks(values, method, classes);
  return edges.slice(0, -1).map((from, i) => [from, edges[i + 1] as number]);
};

// Twelve values with three obvious groups: 1–10, 20–30 and an outlier 100.
const D = [1, 2, 4, 5, 7, 9, 10, 20, 21, 22, 30, 100];
// The textbook set with mean 5 and population SD 2.
const SD_SET = [2, 4, 4, 4, 5, 5, 7, 9];

describe("methodBreaks: each method's own breaks (hand-computed)", () => {
  it.each([
    [
      'equal interval: step (100 − 1) / 3 = 33',
      D,
      'equal_interval',
      3,
      [
        [1, 34],
        [34, 67],
        [67, 100],
      ],
    ],
    // Type-7 quantile: h = 11/3 → 5 + ⅔·(7 − 5); h = 22/3 → 20 + ⅓·(21 − 20).
    [
      'quantile: thirds',
      D,
      'quantile',
      3,
      [
        [1, 5 + 4 / 3],
        [5 + 4 / 3, 20 + 1 / 3],
        [20 + 1 / 3, 100],
      ],
    ],
    [
      'jenks: the three groups, the outlier alone',
      D,
      'jenks',
      3,
      [
        [1, 20],
        [20, 100],
        [100, 100],
      ],
    ],
    [
      'ckmeans: the same clusters',
      D,
      'ckmeans',
      3,
      [
        [1, 20],
        [20, 100],
        [100, 100],
      ],
    ],
    // span 99 / 3 = 33 → nice step 50, from floor(1/50)·50 = 0 to 100.
    // The smallest step of 1, 2 or 5 × 10ⁿ giving at most k classes: 20 gives 5, 50 gives 2.
    [
      'pretty: steps of 50',
      D,
      'pretty',
      3,
      [
        [0, 50],
        [50, 100],
      ],
    ],
    [
      'pretty: steps of 10 over 3–47',
      [3, 47],
      'pretty',
      5,
      [
        [0, 10],
        [10, 20],
        [20, 30],
        [30, 40],
        [40, 50],
      ],
    ],
    [
      'pretty: decimals stay round',
      [0.13, 0.92],
      'pretty',
      5,
      [
        [0, 0.2],
        [0.2, 0.4],
        [0.4, 0.6],
        [0.6, 0.8],
        [0.8, 1],
      ],
    ],
    // log10 from 0 to 2 in three equal steps: 10^(2/3) and 10^(4/3).
    [
      'log: equal steps of log10',
      D,
      'log',
      3,
      [
        [1, 10 ** (2 / 3)],
        [10 ** (2 / 3), 10 ** (4 / 3)],
        [10 ** (4 / 3), 100],
      ],
    ],
    [
      'log: zeros form the first class',
      [0, 0, 1, 10, 100, 1000],
      'log',
      4,
      [
        [0, 1],
        [1, 10],
        [10, 100],
        [100, 1000],
      ],
    ],
    [
      'log: negatives too',
      [-5, 1, 10, 100],
      'log',
      3,
      [
        [-5, 1],
        [1, 10],
        [10, 100],
      ],
    ],
    [
      'log: nothing positive falls back to equal interval',
      [-3, 0],
      'log',
      3,
      [
        [-3, -2],
        [-2, -1],
        [-1, 0],
      ],
    ],
    [
      'std dev, 4 classes: mean 5 ± 1 SD (2)',
      SD_SET,
      'stddev',
      4,
      [
        [2, 3],
        [3, 5],
        [5, 7],
        [7, 9],
      ],
    ],
    [
      'std dev, 3 classes: the mean centres the middle class',
      SD_SET,
      'stddev',
      3,
      [
        [2, 4],
        [4, 6],
        [6, 9],
      ],
    ],
    [
      'std dev, 6 classes: steps of ½ SD',
      SD_SET,
      'stddev',
      6,
      [
        [2, 3],
        [3, 4],
        [4, 5],
        [5, 6],
        [6, 7],
        [7, 9],
      ],
    ],
    [
      'equal interval with negatives',
      [-10, -4, 0, 10, 20],
      'equal_interval',
      3,
      [
        [-10, 0],
        [0, 10],
        [10, 20],
      ],
    ],
    [
      'jenks with negatives',
      [-9, -8, -7, 0, 1, 2, 10, 11, 12],
      'jenks',
      3,
      [
        [-9, 0],
        [0, 10],
        [10, 12],
      ],
    ],
    [
      'classes are clamped to 9',
      [0, 90],
      'equal_interval',
      20,
      Array.from({ length: 9 }, (_, i) => [10 * i, 10 * i + 10]),
    ],
    [
      'classes are clamped to 3',
      [0, 90],
      'equal_interval',
      1,
      [
        [0, 30],
        [30, 60],
        [60, 90],
      ],
    ],
  ] as const)('%s', (_name, values, method, k, expected) => {
    const got = rawPairs(values, method, k);
    expect(got).toHaveLength(expected.length);
    got.forEach(([from, to], i) => {
      expect(from).toBeCloseTo(expected[i]?.[0] as number, 9);
      expect(to).toBeCloseTo(expected[i]?.[1] as number, 9);
    });
  });
});

describe('classify: degenerate input, every method', () => {
  const automatic = CLASS_METHODS.filter((m) => m !== 'manual');
  it.each(automatic)('%s: all-equal values make one class [v, v]', (method) => {
    expect(pairs([4, 4, 4, 4], method, 5)).toEqual([[4, 4]]);
  });
  it.each(automatic)('%s: one value makes one class', (method) => {
    expect(pairs([0], method, 5)).toEqual([[0, 0]]);
  });
  it.each(automatic)('%s: no values (all no data) make no class', (method) => {
    const c = classify([null, Number.NaN], method, { classes: 5 });
    expect(c.intervals).toEqual([]);
    expect(c.noData).toBe(2);
  });
  it.each(automatic)('%s: every finite value falls in a class, min and max included', (method) => {
    const values = [0, 0, 0, 1, 3, 3, 8, 15, 15, 42, 99, -2];
    const c = classify([...values, null], method, { classes: 5 });
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    expect(c.unclassified).toBe(0);
    expect(c.noData).toBe(1);
    expect(c.intervals.length).toBeGreaterThanOrEqual(1);
    expect(c.intervals.length).toBeLessThanOrEqual(method === 'pretty' ? 12 : 5);
  });
  it.each(['jenks', 'ckmeans'] as const)('%s: never more classes than distinct values', (method) => {
    expect(pairs([1, 1, 2, 2], method, 7)).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('classify: counts, no data and unclassified', () => {
  it('manual breaks leave values outside as unclassified, null as no data', () => {
    const c = classify([1, 5, 10, 50, null], 'manual', { classes: 3, breaks: [0, 5, 10] });
    expect(c.intervals).toEqual([
      { from: 0, to: 5 },
      { from: 5, to: 10 },
    ]);
    expect(c.counts).toEqual([1, 2]); // 5 opens the second class; 10 closes the last
    expect(c.unclassified).toBe(1);
    expect(c.noData).toBe(1);
  });
  it('manual without breaks classifies nothing', () => {
    const c = classify([1, 2], 'manual', { classes: 5 });
    expect(c.intervals).toEqual([]);
    expect(c.unclassified).toBe(2);
  });
  it('counts per class follow the half-open rule; an empty class is merged away', () => {
    // Equal thirds of 1–100 leave 34–67 empty: the two classes left are 1 – < 67 and 67 – 100.
    const equal = classify(D, 'equal_interval', { classes: 3 });
    expect(equal.intervals).toEqual([
      { from: 1, to: 67 },
      { from: 67, to: 100 },
    ]);
    expect(equal.counts).toEqual([11, 1]);
    expect(equal.requested).toBe(3);
    expect(classify(D, 'quantile', { classes: 3 }).counts).toEqual([4, 4, 4]);
    expect(classify(D, 'jenks', { classes: 3 }).counts).toEqual([7, 4, 1]);
  });
});

describe('legend labels', () => {
  const fmt = (n: number, d: number) => n.toFixed(d);
  it('state half-open intervals, the last closed, a one-value class as the value', () => {
    expect(intervalLabels(classify(D, 'jenks', { classes: 3 }).intervals, fmt)).toEqual([
      '1 – < 20',
      '20 – < 100',
      '100',
    ]);
  });
  it('breaks are round at the precision of the values: integers stay integers', () => {
    // Type-7 thirds are 6.33 and 20.33; between integers 6 and 21 say the same and read plainly.
    const c = classify(D, 'quantile', { classes: 3 });
    expect(c.intervals).toEqual([
      { from: 1, to: 6 },
      { from: 6, to: 21 },
      { from: 21, to: 100 },
    ]);
    expect(c.decimals).toBe(0);
  });
  it('a rate keeps at least its decimal; neighbouring breaks read apart', () => {
    const c = classify([0.11, 0.15, 0.2], 'equal_interval', { classes: 3, minDecimals: 1 });
    expect(c.decimals).toBe(2);
    expect(intervalLabels(c.intervals, fmt, c)).toEqual(['0.11 – < 0.14', '0.14 – < 0.17', '0.17 – 0.20']);
    const whole = classify([0, 30, 60, 90], 'equal_interval', { classes: 3, minDecimals: 1 });
    expect(intervalLabels(whole.intervals, fmt, whole)).toEqual([
      '0.0 – < 30.0',
      '30.0 – < 60.0',
      '60.0 – 90.0',
    ]);
  });
  it('intervals made elsewhere are written with the decimals that state every break exactly', () => {
    expect(
      notationOf([
        { from: 0, to: 2.5 },
        { from: 2.5, to: 10 },
      ]),
    ).toEqual({ decimals: 1, scientific: false });
    expect(notationOf([{ from: 1e300, to: 2e300 }])).toEqual({ decimals: 0, scientific: true });
    expect(intervalLabels([{ from: 1e-300, to: 2.5e-300 }], fmt)).toEqual(['1 × 10⁻³⁰⁰ – 2.5 × 10⁻³⁰⁰']);
  });
});

describe('helpers', () => {
  it.each([
    ['0; 5; 10,5', [0, 5, 10.5]],
    ['0, 5, 10', [0, 5, 10]],
    ['10 5 0 5', [0, 5, 10]],
    ['0,5,10', [0, 5, 10]],
    ['-1; 2.5; abc', [-1, 2.5]],
    ['', []],
  ])('parseBreaks(%j)', (text, expected) => {
    expect(parseBreaks(text)).toEqual(expected);
  });
});
