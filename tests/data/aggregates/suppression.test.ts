/**
 * Small-group suppression of the aggregate files on generated regencies: every small village hidden, hidden rows
 * present with empty figures in both files, and no hidden figure pinned by the LP attacker (attack-files.ts) even
 * with the true kecamatan and regency totals of every column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallGroup } from '../../../src/analysis/small-groups';
import { FIGURE_COLUMNS, MONTH_COLUMNS, type MonthColumn } from '../../../src/data/aggregates/format';
import { protectAggregates, type VillageRow } from '../../../src/data/aggregates/suppress';
import { figuresCsv, monthsCsv } from '../../../src/data/aggregates/write';
import { NEED_CODES } from '../../../src/data/schema';
import { attackPublished, readCsv } from './attack-files';

const MONTHS = ['2025-01', '2025-02', '2025-03'];

/** A household: coverage, each need's flag (null = unknown), and per month the needs of its open cases. */
const household = fc.record({
  covered: fc.boolean(),
  needs: fc.array(fc.constantFrom(0, 1, null), { minLength: 6, maxLength: 6 }),
  open: fc.array(fc.integer({ min: 0, max: 63 }), { minLength: MONTHS.length, maxLength: MONTHS.length }),
});

type Household = { covered: boolean; needs: (0 | 1 | null)[]; open: number[] };

/** A village's figures as the planner's cube sums them. */
function villageRow(code: string, district: string, hh: readonly Household[]): VillageRow {
  const figures = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, 0])) as VillageRow['figures'];
  const months = new Map<string, Record<MonthColumn, number>>();
  for (const h of hh) {
    figures.households++;
    if (h.covered) figures.covered++;
    NEED_CODES.forEach((c, i) => {
      const flag = h.needs[i];
      if (flag !== null && flag !== undefined) figures[`k_${c}`]++;
      if (flag === 1) figures[`s_${c}`]++;
    });
    if (h.needs.some((f) => f !== null)) figures.k_any++;
    if (h.needs.some((f) => f === 1)) figures.s_any++;
    MONTHS.forEach((m, t) => {
      const mask = h.open[t] ?? 0;
      if (mask === 0) return;
      const row =
        months.get(m) ??
        (Object.fromEntries(MONTH_COLUMNS.map((c) => [c, 0])) as Record<MonthColumn, number>);
      NEED_CODES.forEach((c, i) => {
        if ((mask >> i) & 1) row[`o_${c}`]++;
      });
      row.o_any++;
      months.set(m, row);
    });
  }
  return { village_code: code, district_code: district, figures, months };
}

const villageHouseholds = fc.oneof(
  fc.array(household, { minLength: 1, maxLength: 2 }),
  fc.array(household, { minLength: 1, maxLength: 12 }),
);

const regency = fc
  .array(fc.array(villageHouseholds, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map((districts) =>
    districts.flatMap((villages, d) =>
      villages.map((hh, i) => villageRow(`17.01.0${d + 1}.200${i}`, `17.01.0${d + 1}`, hh as Household[])),
    ),
  );

describe('aggregate suppression (generated regencies)', () => {
  it('hides every small village, keeps hidden rows with empty figures, and no hidden figure can be pinned', () => {
    fc.assert(
      fc.property(regency, (villages) => {
        const s = protectAggregates(villages, MONTHS);
        const figures = figuresCsv(villages, s.hidden);
        const months = monthsCsv(villages, MONTHS, s.hidden);
        for (const v of villages)
          if (isSmallGroup(v.figures.households)) expect(s.hidden.has(v.village_code)).toBe(true);
        const rows = readCsv(figures);
        expect(rows.map((r) => r.village_code)).toEqual(villages.map((v) => v.village_code));
        for (const r of rows) {
          const cells = FIGURE_COLUMNS.map((c) => r[c]);
          if (s.hidden.has(r.village_code ?? '')) expect(cells.every((c) => c === '')).toBe(true);
          else expect(cells.every((c) => c !== '')).toBe(true);
        }
        const monthRows = readCsv(months);
        expect(monthRows).toHaveLength(MONTHS.length * villages.length);
        for (const r of monthRows)
          expect(MONTH_COLUMNS.every((c) => r[c] === '')).toBe(s.hidden.has(r.village_code ?? ''));
        expect(attackPublished(figures, months, villages, s)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the attacker is not toothless: publishing only the primaries lets it pin a small village', () => {
    // Two villages in one kecamatan, one of them small: with the kecamatan total known, hiding the small one
    // alone gives it back exactly.
    const hh = (n: number): Household[] =>
      Array.from({ length: n }, () => ({ covered: true, needs: [1, 0, 0, 0, 0, 0], open: [1, 0, 0] }));
    const villages = [
      villageRow('17.01.01.2001', '17.01.01', hh(2)),
      villageRow('17.01.01.2002', '17.01.01', hh(9)),
    ];
    const primaries = {
      hidden: new Set(['17.01.01.2001']),
      withheldDistricts: new Set<string>(),
      totalWithheld: false,
    };
    const breaches = attackPublished(
      figuresCsv(villages, primaries.hidden),
      monthsCsv(villages, MONTHS, primaries.hidden),
      villages,
      primaries,
    );
    expect(breaches.some((b) => b.column === 'households' && b.range.lo === 2 && b.range.hi === 2)).toBe(
      true,
    );
    const s = protectAggregates(villages, MONTHS);
    expect(
      attackPublished(figuresCsv(villages, s.hidden), monthsCsv(villages, MONTHS, s.hidden), villages, s),
    ).toEqual([]);
  });
});
