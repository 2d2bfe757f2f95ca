import { describe, expect, it } from 'vitest';
import { isShowable, suppressSmallGroups } from '../../src/analysis/small-groups';

describe('suppressSmallGroups', () => {
  it('hides figures of groups of 1 or 2 households, keeps empty and larger groups', () => {
    expect([0, 1, 2, 3, 100].map(isShowable)).toEqual([true, false, false, true, true]);
    const rows = [
      { name: 'a', households: 2, pct: 50 },
      { name: 'b', households: 3, pct: 66.7 },
    ];
    expect(suppressSmallGroups(rows, (r) => r.households, ['pct'])).toEqual([
      { name: 'a', households: 2, pct: null, suppressed: true },
      { name: 'b', households: 3, pct: 66.7, suppressed: false },
    ]);
    expect(rows[0]?.pct).toBe(50);
  });
});
