/**
 * Small-group suppression of the aggregate files on generated regencies: every small village hidden, hidden rows
 * present with empty figures in both files, and no hidden figure pinned by the LP attacker (attack-files.ts) even
 * with the true kecamatan and regency totals of every column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, MONTH_COLUMNS } from '../../../src/core/aggregates/format';
import { protectAggregates } from '../../../src/core/aggregates/suppress';
import { figuresCsv, monthsCsv } from '../../../src/core/aggregates/write';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import { attackPublished, readCsv } from './attack-files';
import { type Household, MONTHS, regency, villageRow } from './generated-regency';

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
