import { describe, expect, it } from 'vitest';
import { bivariateClasses } from '../../../src/core/classify/bivariate';

describe('bivariateClasses', () => {
  it('puts each axis in terciles', () => {
    const xs = [0, 10, 20, 30, 40, 50];
    const ys = [50, 40, 30, 20, 10, 0];
    expect(bivariateClasses(xs, ys)).toEqual([
      { x: 0, y: 2 },
      { x: 0, y: 2 },
      { x: 1, y: 1 },
      { x: 1, y: 1 },
      { x: 2, y: 0 },
      { x: 2, y: 0 },
    ]);
  });

  it('marks missing values as no data on that axis only', () => {
    expect(bivariateClasses([null, 1, 2, 3], [1, null, 2, 3])).toEqual([
      { x: -1, y: 0 },
      { x: 0, y: -1 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ]);
  });

  it('spreads two distinct values to low and high', () => {
    expect(bivariateClasses([1, 1, 5], [0, 0, 0]).map((c) => c.x)).toEqual([0, 0, 2]);
  });
});
