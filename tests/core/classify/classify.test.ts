import { describe, expect, it } from 'vitest';
import { classIntervals, classOf } from '../../../src/core/classify/classify';

describe('classIntervals', () => {
  it.each([
    [
      'equal interval over 0–100',
      [0, 10, 30, 50, 80, 100],
      'equal_interval',
      4,
      [
        [0, 25],
        [25, 50],
        [50, 75],
        [75, 100],
      ],
    ],
    [
      'an empty class is merged with the next',
      [0, 10, 50, 100],
      'equal_interval',
      4,
      [
        [0, 50],
        [50, 75],
        [75, 100],
      ],
    ],
    [
      'quantile of 1..5',
      [5, 1, 3, 2, 4],
      'quantile',
      4,
      [
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
      ],
    ],
    ['quantile with ties collapses empty classes', [1, 1, 1, 1, 2], 'quantile', 4, [[1, 2]]],
    ['all equal values give one class', [7, 7, 7], 'quantile', 5, [[7, 7]]],
    ['one value', [3], 'equal_interval', 5, [[3, 3]]],
    [
      'null and NaN are no data',
      [null, Number.NaN, 0, 10],
      'equal_interval',
      2,
      [
        [0, 5],
        [5, 10],
      ],
    ],
    [
      'negatives',
      [-10, 0, 10],
      'equal_interval',
      2,
      [
        [-10, 0],
        [0, 10],
      ],
    ],
    ['nothing to classify', [null], 'quantile', 5, []],
  ] as const)('%s', (_name, values, method, k, expected) => {
    const intervals = classIntervals(values, method, k);
    expect(intervals.map((iv) => [iv.from, iv.to])).toEqual(expected);
  });
});

describe('classOf', () => {
  const intervals = [
    { from: 0, to: 25 },
    { from: 25, to: 50 },
    { from: 50, to: 75 },
    { from: 75, to: 100 },
  ];
  it.each([
    [0, 0],
    [24.99, 0],
    [25, 1], // half-open: the upper edge belongs to the next class
    [99.99, 3],
    [100, 3], // the last class is closed
    [100.01, -1],
    [-1, -1],
    [null, -1],
    [Number.NaN, -1],
  ])('%s → class %i', (value, expected) => {
    expect(classOf(value, intervals)).toBe(expected);
  });
});
