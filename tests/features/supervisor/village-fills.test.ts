import { describe, expect, it } from 'vitest';
import type { AreaCoverage } from '../../../src/core/coverage-engine';
import { BIVARIATE_PALETTE, COVERAGE_RAMP } from '../../../src/core/map/palette';
import { COVERAGE_INTERVALS } from '../../../src/features/supervisor/SupervisorLegend';
import { villageFills } from '../../../src/features/supervisor/village-fills';

const village = (coveragePct: number[], nearPct: number[]) =>
  ({
    coveragePct: Float64Array.from(coveragePct),
    nearPct: Float64Array.from(nearPct),
  }) as unknown as AreaCoverage;

describe('villageFills', () => {
  const codes = ['A', 'B', 'C'];
  const figures = village([5, 99, Number.NaN], [50, 100, Number.NaN]);

  it('colours each village by its coverage class, and none without a figure', () => {
    const fills = villageFills({
      mode: 'coverage',
      codes,
      village: figures,
      needRate: null,
      visitsRecorded: true,
    });
    const classOf = (pct: number) => COVERAGE_INTERVALS.findIndex((iv) => pct >= iv.from && pct < iv.to);
    expect(fills.get('A')).toBe(COVERAGE_RAMP[classOf(5)]);
    expect(fills.get('B')).toBe(COVERAGE_RAMP[classOf(99)]);
    expect(fills.has('C')).toBe(false);
  });

  it('uses the distance-only share when no visits are recorded', () => {
    const fills = villageFills({
      mode: 'coverage',
      codes,
      village: figures,
      needRate: null,
      visitsRecorded: false,
    });
    const withVisits = villageFills({
      mode: 'coverage',
      codes,
      village: figures,
      needRate: null,
      visitsRecorded: true,
    });
    expect(fills.get('A')).not.toBe(withVisits.get('A'));
  });

  it('draws need × gap only once the need rates are known, from the bivariate palette', () => {
    expect(
      villageFills({ mode: 'bivariate', codes, village: figures, needRate: null, visitsRecorded: true }).size,
    ).toBe(0);
    const needRate = new Map<string, number | null>([
      ['A', 0.9],
      ['B', 0.1],
      ['C', 0.5],
    ]);
    const fills = villageFills({
      mode: 'bivariate',
      codes,
      village: figures,
      needRate,
      visitsRecorded: true,
    });
    const palette = new Set(BIVARIATE_PALETTE.flat());
    expect([...fills.values()].every((c) => palette.has(c))).toBe(true);
    expect(fills.has('C')).toBe(false);
    expect(fills.get('A')).not.toBe(fills.get('B'));
  });
});
