import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import {
  areaValue,
  changeRows,
  choropleth,
  fewerClasses,
  insideAreaFilter,
  shiftMonth,
  symmetricBreaks,
} from '../../../src/features/planner/choropleth';
import type { AreaStat } from '../../../src/features/planner/data/planner-queries';
import { RAMPS } from '../../../src/features/planner/planner-layers';

const row = (code: string, households: number, count: number, rate: number | null, density: number | null) =>
  ({
    code,
    name: code,
    district_code: code.slice(0, 8),
    district_name: 'K',
    area_km2: 1,
    households,
    count,
    rate,
    density,
    coverage_pct: null,
  }) satisfies AreaStat;

const rows = [
  row('17.01.04.2001', 10, 1, 10, 1),
  row('17.01.04.2002', 10, 5, 50, 5),
  row('17.01.05.1001', 10, 9, 90, 9),
  row('17.01.05.1002', 0, 0, null, null),
];

describe('areaValue', () => {
  it('reads the unit; an area without households is no data', () => {
    expect(areaValue(rows[1] as AreaStat, 'count')).toBe(5);
    expect(areaValue(rows[1] as AreaStat, 'rate')).toBe(50);
    expect(areaValue(rows[1] as AreaStat, 'density')).toBe(5);
    expect(areaValue(rows[3] as AreaStat, 'count')).toBeNull();
  });
});

describe('choropleth', () => {
  it('classifies, colours each area from the ramp and leaves no-data areas out of the fills', () => {
    const c = choropleth(rows, 'rate', 'equal_interval', 4, [], 'YlOrRd', (n, d) => n.toFixed(d));
    // Quarters of 10–90: 30–50 holds no village and is merged away (three villages, three values).
    expect(c.classification.intervals).toHaveLength(3);
    expect(c.classification.noData).toBe(1);
    expect(c.fillByCode.get('17.01.04.2001')).toBe(RAMPS.YlOrRd[0]);
    expect(c.fillByCode.get('17.01.05.1001')).toBe(RAMPS.YlOrRd[8]);
    expect(c.fillByCode.has('17.01.05.1002')).toBe(false);
    expect(c.labels).toEqual(['10 – < 50', '50 – < 70', '70 – 90']);
    expect(fewerClasses(c.classification)).toEqual({ reason: 'distinct', count: 3, requested: 4 });
    const spread = choropleth(
      [...rows, row('17.01.05.1003', 10, 2, 20, 2)],
      'rate',
      'equal_interval',
      4,
      [],
      'YlOrRd',
      (n, d) => n.toFixed(d),
    );
    expect(fewerClasses(spread.classification)).toEqual({ reason: 'merged', count: 3, requested: 4 });
  });
  it('writes values with the legend decimals, so a value reads inside its class label', () => {
    const near = [
      row('a', 10, 1, 7.96, 1),
      row('b', 10, 1, 8, 1),
      row('c', 10, 1, 16.0000001, 1),
      row('d', 10, 1, 40.00000005, 1),
    ];
    const c = choropleth(near, 'rate', 'equal_interval', 5, [], 'YlOrRd', (n, d) => n.toFixed(d), {
      minDecimals: 1,
    });
    const k = c.classification.intervals.findIndex((iv) => iv.from <= 7.96 && 7.96 < iv.to);
    expect(c.write(7.96)).toBe('8.0');
    // 7.96 shows as 8.0: its class starts at 8.0 or below and ends above it.
    expect(c.labels[k]).toMatch(/^\d+\.\d – < (?!8\.0)/);
    expect(c.fillByCode.get('a')).toBe(c.fillByCode.get('b'));
  });
  it('classes from other values (a whole period) colour and count only the rows on the map', () => {
    const period = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const classes = classify(period, 'equal_interval', { classes: 5, minDecimals: 1 });
    const c = choropleth(rows, 'rate', 'equal_interval', 5, [], 'YlOrRd', (n, d) => n.toFixed(d), {
      classes,
    });
    expect(c.labels).toEqual([
      '0.0 – < 20.0',
      '20.0 – < 40.0',
      '40.0 – < 60.0',
      '60.0 – < 80.0',
      '80.0 – 100.0',
    ]);
    // Rates 10, 50 and 90 (and one area without households): one each in classes 1, 3 and 5.
    expect(c.classification.counts).toEqual([1, 0, 1, 0, 1]);
    expect(c.classification.noData).toBe(1);
    expect(c.fillByCode.get('17.01.05.1001')).toBe(c.colors[4]);
  });
  it('says why there are fewer classes: few distinct values, or empty classes merged; never for manual', () => {
    const two = choropleth(
      [row('a', 1, 1, 1, 1), row('b', 1, 1, 4, 1)],
      'rate',
      'quantile',
      5,
      [],
      'YlOrRd',
      (n, d) => n.toFixed(d),
    );
    expect(fewerClasses(two.classification)).toEqual({ reason: 'distinct', count: 2, requested: 5 });
    const manual = choropleth(rows, 'rate', 'manual', 5, [0, 100], 'YlOrRd', (n, d) => n.toFixed(d));
    expect(fewerClasses(manual.classification)).toBeNull();
  });
  it('paints values outside manual breaks as unclassified (white)', () => {
    const c = choropleth(rows, 'rate', 'manual', 5, [0, 20, 60], 'viridis', (n, d) => n.toFixed(d));
    expect(c.classification.unclassified).toBe(1);
    expect(c.fillByCode.get('17.01.05.1001')).toBe('#ffffff');
  });
});

describe('insideAreaFilter', () => {
  const r = rows[0] as AreaStat;
  it.each([
    [{ district: null, village: null }, 'village', true],
    [{ district: '17.01.04', village: null }, 'village', true],
    [{ district: '17.01.05', village: null }, 'village', false],
    [{ district: null, village: '17.01.04.2001' }, 'village', true],
    [{ district: null, village: '17.01.04.2002' }, 'village', false],
  ] as const)('%j at %s level → %s', (filters, level, expected) => {
    expect(insideAreaFilter(r, level, filters)).toBe(expected);
  });
  it('at kecamatan level a village filter keeps its kecamatan', () => {
    const district = { ...r, code: '17.01.04' };
    expect(insideAreaFilter(district, 'district', { district: null, village: '17.01.04.2002' })).toBe(true);
    expect(insideAreaFilter(district, 'district', { district: null, village: '17.01.05.1001' })).toBe(false);
  });
});

describe('change between two months', () => {
  it('shifts months across years', () => {
    expect(shiftMonth('2025-03', -3)).toBe('2024-12');
    expect(shiftMonth('2025-01', -12)).toBe('2024-01');
    expect(shiftMonth('2024-12', 1)).toBe('2025-01');
  });

  it("subtracts the earlier rows, keeps today's households, and leaves no-data as no-data", () => {
    const before = [
      row('17.01.04.2001', 10, 3, 30, 3),
      row('17.01.04.2002', 10, 5, 50, 5),
      row('17.01.05.1001', 10, 9, 90, 9),
    ];
    const change = changeRows(rows, before);
    expect(change.map((r) => [r.code, r.households, r.count, r.rate, r.density])).toEqual([
      ['17.01.04.2001', 10, -2, -20, -2],
      ['17.01.04.2002', 10, 0, 0, 0],
      ['17.01.05.1001', 10, 0, 0, 0],
      ['17.01.05.1002', 0, 0, null, null],
    ]);
  });

  it('breaks symmetric around zero with a nice step, wide enough for the largest change', () => {
    expect(symmetricBreaks([-3, 1, 2.5], 5)).toEqual([-5, -3, -1, 1, 3, 5]);
    expect(symmetricBreaks([0.4, -0.1, null], 4)).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
    expect(symmetricBreaks([7], 3)).toEqual([-7.5, -2.5, 2.5, 7.5]);
    // No change anywhere: one step either side, zero in the middle class.
    expect(symmetricBreaks([0, 0], 3)).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });
});
