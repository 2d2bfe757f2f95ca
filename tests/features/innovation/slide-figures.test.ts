import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryBands, toNextCategory } from '../../../src/features/innovation/data/category-bands';
import type { IndexResult, Rubric } from '../../../src/features/innovation/data/innovation-index';
import { categoryOf } from '../../../src/features/innovation/data/innovation-index';
import { nextSteps } from '../../../src/features/innovation/data/next-steps';
import type { PublishedProgramme } from '../../../src/features/innovation/data/programme-suppression';

const load = (year: number) => JSON.parse(readFileSync(`data/iid/${year}.json`, 'utf8')) as Rubric;

describe('category bands (the index slide in words)', () => {
  it.each([2023, 2026])('cover 0–100 without gap or overlap, top first (%i)', (year) => {
    const bands = categoryBands(load(year));
    expect(bands[0]?.to).toBeNull();
    for (let i = 1; i < bands.length; i++) {
      const above = bands[i - 1];
      const band = bands[i];
      expect(Math.round(((above?.from ?? 0) - (band?.to ?? 0)) * 100)).toBe(1);
    }
    expect(bands[bands.length - 1]?.from).toBe(0);
  });

  it('says how many points the next category up needs, and that the band holding the index is its category', () => {
    const rubric = load(2026);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const iid = hundredths / 100;
        const category = categoryOf(rubric, iid);
        const band = categoryBands(rubric).find((b) => b.category.id === category.id);
        expect(band && iid >= band.from && (band.to === null || iid <= band.to)).toBe(true);
        const next = toNextCategory(rubric, { iid, category } as IndexResult);
        if (next === null) expect(category.min).toBe(Math.max(...rubric.categories.map((c) => c.min)));
        else {
          expect(next.category.min).toBeGreaterThan(category.min);
          expect(Math.round((iid + next.points) * 100)).toBe(Math.round(next.category.min * 100));
        }
      }),
    );
  });
});

const programme = (over: Partial<PublishedProgramme> = {}): PublishedProgramme => ({
  summary: {
    agents_active: 5,
    households: 100,
    families_reached: 70,
    coverage_pct: 80,
    cases_reported: 40,
    cases_resolved: 25,
    households_with_cases: 30,
    median_days: 20,
    first_report: '2025-01-03',
    last_report: '2025-06-30',
  },
  needs: [
    { need: 'rtlh', reported: 10, resolved: 4, households: 9, median_days: 40, suppressed: false },
    { need: 'kesehatan', reported: 30, resolved: 21, households: 21, median_days: 10, suppressed: false },
    {
      need: 'bencana',
      reported: null,
      resolved: null,
      households: null,
      median_days: null,
      suppressed: true,
    },
  ],
  months: [],
  districts: [
    d('17.01.01', 'Manna', 60, 90, 12),
    d('17.01.02', 'Seginim', 40, 65, 30),
    {
      ...d('17.01.03', 'Pino', 0, 0, 0),
      households: null,
      coverage_pct: null,
      median_days: null,
      suppressed: true,
    },
  ],
  anyHidden: true,
  ...over,
});

function d(code: string, name: string, households: number, pct: number, days: number) {
  return {
    district_code: code,
    district_name: name,
    households,
    families_reached: households,
    agents_active: 1,
    coverage_pct: pct,
    reported: 5,
    resolved: 3,
    median_days: days,
    suppressed: false,
  };
}

describe('next steps', () => {
  it('name the weakest kecamatan, the families not reached, the slowest need and kecamatan — never a hidden row', () => {
    expect(nextSteps(programme(), null)).toEqual([
      { kind: 'coverage', district: 'Seginim', pct: 65 },
      { kind: 'unreached', families: 30 },
      { kind: 'slowNeed', need: 'rtlh', resolvedPct: 40, open: 6 },
      { kind: 'slowDistrict', district: 'Seginim', days: 30 },
    ]);
  });

  it('leave out a step whose figure is hidden or absent', () => {
    const p = programme({ districts: [], needs: [] });
    p.summary.families_reached = null;
    expect(nextSteps(p, null)).toEqual([]);
  });

  it('name the channel with the most open cases among visible, named channels', () => {
    const row = (code: string | null, open: number | null) => ({
      key: code?.toLowerCase() ?? null,
      code,
      name: code,
      description: null,
      listed: true,
      referred: open,
      resolved: 0,
      open,
      households: open,
      median_days: null,
      suppressed: open === null,
    });
    const steps = nextSteps(programme({ districts: [], needs: [] }), {
      rows: [row('TRC', 4), row('SPADA', 9), row(null, 50), row('JSPS', null)],
      total: null,
      anyHidden: true,
    });
    expect(steps.at(-1)).toEqual({ kind: 'channel', channel: 'SPADA', open: 9 });
  });
});
