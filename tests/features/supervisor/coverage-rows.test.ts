import { describe, expect, it } from 'vitest';
import type { AreaCoverage } from '../../../src/core/coverage-engine';
import { type AreaRow, areaRows, filterRows, sortRows } from '../../../src/features/supervisor/coverage-rows';

// Ibul: 10 households, 5 near (5 needing an agent), of which 3 visited recently (covered), 2 not.
const coverage: AreaCoverage = {
  households: Int32Array.from([10, 0, 4]),
  covered: Int32Array.from([3, 0, 4]),
  coveragePct: Float64Array.from([30, Number.NaN, 100]),
  near: Int32Array.from([5, 0, 4]),
  nearPct: Float64Array.from([50, Number.NaN, 100]),
  unvisited: Int32Array.from([2, 0, 0]),
  medianDistanceM: Float64Array.from([800, Number.NaN, 200]),
  p90DistanceM: Float64Array.from([2000, Number.NaN, 300]),
  residentAgents: Int32Array.from([1, 0, 2]),
  needingAgent: Int32Array.from([5, 0, 0]),
};
const names = [
  { code: 'a', name: 'Ibul', districtCode: 'd1', districtName: 'Kota Manna' },
  { code: 'b', name: 'Batu Ampar', districtCode: 'd2', districtName: 'Kedurang' },
  { code: 'c', name: 'Gindo Suli', districtCode: 'd2', districtName: 'Kedurang' },
];

describe('coverage rows', () => {
  const rows = areaRows(coverage, names);

  it('maps engine arrays to rows, NaN as no data', () => {
    expect(rows[1]).toMatchObject({
      households: 0,
      coveragePct: null,
      nearPct: null,
      unvisited: 0,
      medianM: null,
      p90M: null,
    });
    expect(rows[0]).toMatchObject({
      name: 'Ibul',
      covered: 3,
      coveragePct: 30,
      nearPct: 50,
      unvisited: 2,
      needingAgent: 5,
    });
  });

  it('sorts worst first with no data last, both directions', () => {
    const names = (r: AreaRow[]) => r.map((x) => x.name);
    expect(names(sortRows(rows, 'coveragePct', 'asc'))).toEqual(['Ibul', 'Gindo Suli', 'Batu Ampar']);
    expect(names(sortRows(rows, 'coveragePct', 'desc'))).toEqual(['Gindo Suli', 'Ibul', 'Batu Ampar']);
    expect(names(sortRows(rows, 'name', 'asc'))).toEqual(['Batu Ampar', 'Gindo Suli', 'Ibul']);
    expect(names(sortRows(rows, 'nearPct', 'asc'))).toEqual(['Ibul', 'Gindo Suli', 'Batu Ampar']);
    expect(names(sortRows(rows, 'unvisited', 'desc'))[0]).toBe('Ibul');
  });

  it('filters by kecamatan and name', () => {
    expect(filterRows(rows, 'd2', '').map((r) => r.code)).toEqual(['b', 'c']);
    expect(filterRows(rows, '', 'suli').map((r) => r.code)).toEqual(['c']);
    expect(filterRows(rows, 'd1', 'suli')).toEqual([]);
  });
});
