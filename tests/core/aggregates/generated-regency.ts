/** Generated regencies for the suppression tests: households with needs, coverage and open cases, summed per village as the planner's cube sums them. */
import fc from 'fast-check';
import { FIGURE_COLUMNS, MONTH_COLUMNS, type MonthColumn } from '../../../src/core/aggregates/format';
import type { VillageRow } from '../../../src/core/aggregates/suppress';
import { NEED_CODES } from '../../../src/core/domain/schema';

export const MONTHS = ['2025-01', '2025-02', '2025-03'];

/** A household: coverage, each need's flag (null = unknown), and per month the needs of its open cases. */
const household = fc.record({
  covered: fc.boolean(),
  needs: fc.array(fc.constantFrom(0, 1, null), { minLength: 6, maxLength: 6 }),
  open: fc.array(fc.integer({ min: 0, max: 63 }), { minLength: MONTHS.length, maxLength: MONTHS.length }),
});

export type Household = { covered: boolean; needs: (0 | 1 | null)[]; open: number[] };

/** A village's figures as the planner's cube sums them. */
export function villageRow(code: string, district: string, hh: readonly Household[]): VillageRow {
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

export const regency = fc
  .array(fc.array(villageHouseholds, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map((districts) =>
    districts.flatMap((villages, d) =>
      villages.map((hh, i) => villageRow(`17.01.0${d + 1}.200${i}`, `17.01.0${d + 1}`, hh as Household[])),
    ),
  );
