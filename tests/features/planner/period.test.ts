import { describe, expect, it } from 'vitest';
import type { AreaMeasures } from '../../../src/features/planner/data/planner-queries';
import { mapCounts, monthName, periodValues } from '../../../src/features/planner/period';

const NEEDS = ['kesehatan', 'bencana', 'rtlh', 'adminduk', 'putus_sekolah', 'lingkungan', 'any', 'score'];
/** An area's sums with `count` households of the need `any` among `households` (all known). */
const area = (code: string, households: number, count: number): AreaMeasures =>
  ({
    code,
    name: code,
    district_code: code.slice(0, 8),
    district_name: 'K',
    area_km2: 2,
    households,
    covered: 0,
    ...Object.fromEntries(
      NEEDS.flatMap((m) => [
        [`c_${m}`, m === 'any' ? count : 0],
        [`k_${m}`, households],
      ]),
    ),
  }) as AreaMeasures;

describe('what the map counts', () => {
  it('need flags without a month or case filter, cases under a filter, open cases at a month', () => {
    expect(mapCounts(null, false)).toEqual({ kind: 'flags' });
    expect(mapCounts(null, true)).toEqual({ kind: 'cases' });
    expect(mapCounts('2025-03', true)).toEqual({ kind: 'month', month: '2025-03' });
  });
  it('names the month in the UI language', () => {
    expect(monthName('2025-05', 'id-ID')).toBe('Mei 2025');
    expect(monthName('2025-05', 'en-GB')).toBe('May 2025');
    expect(monthName('2024-12', 'en-GB')).toBe('Dec 2024');
  });
});

describe('periodValues', () => {
  const jan = [area('17.01.04.2001', 10, 1), area('17.01.05.1001', 10, 5), area('17.01.05.1002', 0, 0)];
  const feb = [area('17.01.04.2001', 10, 9), area('17.01.05.1001', 10, 2), area('17.01.05.1002', 0, 0)];
  it('takes every month of the period, in the unit, for the areas kept; no households is no data', () => {
    expect(periodValues([jan, feb], 'any', 'rate', () => true)).toEqual([10, 50, null, 90, 20, null]);
    expect(periodValues([jan, feb], 'any', 'count', () => true)).toEqual([1, 5, null, 9, 2, null]);
    expect(periodValues([jan, feb], 'any', 'density', (a) => a.district_code === '17.01.05')).toEqual([
      2.5,
      null,
      1,
      null,
    ]);
  });
});
