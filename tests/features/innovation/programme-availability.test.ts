import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_LOADED,
  DATA_TABLES,
  firstMissing,
  type TableStatus,
} from '../../../src/core/dataset/table-status';
import type { VillageStats } from '../../../src/core/sql/queries';
import type {
  DistrictResult,
  ProgrammeSummary,
} from '../../../src/features/innovation/data/innovation-programme';
import {
  DISTRICT_NEEDS,
  SUMMARY_NEEDS,
  withoutUnavailable,
} from '../../../src/features/innovation/data/programme-availability';

/** What an empty agents/cases table makes the SQL return: zeros that look like real figures. */
const summary: ProgrammeSummary = {
  agents_active: 0,
  households: 450,
  families_reached: 0,
  coverage_pct: 0,
  cases_reported: 0,
  cases_resolved: 0,
  households_with_cases: 0,
  median_days: null,
  first_report: null,
  last_report: null,
};
const district: DistrictResult = {
  district_code: '17.01.01',
  district_name: 'Manna',
  households: 40,
  families_reached: 0,
  agents_active: 0,
  coverage_pct: 0,
  reported: 0,
  resolved: 0,
  median_days: null,
};
const village: VillageStats = {
  village_code: '17.01.01.2001',
  village_name: 'Desa',
  district_code: '17.01.01',
  district_name: 'Manna',
  households: 10,
  need_count: 4,
  need_rate: 40,
  with_agent: 0,
  covered: 0,
  near: 0,
  coverage_pct: 0,
  resident_agents: 0,
};
const figures = {
  programme: {
    summary,
    needs: [{ need: 'kesehatan', reported: 0, resolved: 0, households: 0, median_days: null }],
    months: [{ month: '2026-01', reported: 0, resolved: 0, households: 0 }],
    districts: [district],
  },
  villages: [village],
  familiesReached: 0,
};

const statuses = fc.tuple(fc.boolean(), fc.boolean()).map(
  ([agents, cases]): TableStatus => ({
    households: 'loaded',
    agents: agents ? 'loaded' : 'missing',
    cases: cases ? 'loaded' : 'missing',
  }),
);

describe('programme figures without a table they need', () => {
  it('households only: every agent or case figure is null (shown as not available), none is 0', () => {
    const masked = withoutUnavailable(figures, { households: 'loaded', agents: 'missing', cases: 'missing' });
    const s = masked.programme.summary;
    expect([s.agents_active, s.families_reached, s.coverage_pct, s.cases_reported, s.cases_resolved]).toEqual(
      [null, null, null, null, null],
    );
    expect(s.households).toBe(450);
    expect(masked.programme.districts[0]).toMatchObject({
      agents_active: null,
      coverage_pct: null,
      reported: null,
    });
    expect(masked.programme.districts[0]?.households).toBe(40);
    expect(masked.villages[0]?.coverage_pct).toBeNull();
    expect(masked.villages[0]?.need_rate).toBe(40);
    expect(masked.familiesReached).toBeNull();
    expect(masked.programme.needs).toEqual([]);
    expect(masked.programme.months).toEqual([]);
  });

  it('all tables loaded: nothing changes', () => {
    expect(withoutUnavailable(figures, ALL_LOADED)).toEqual(figures);
  });

  it('for any mix of loaded tables, a figure is null exactly when a table it needs is missing', () => {
    fc.assert(
      fc.property(statuses, (tables) => {
        const masked = withoutUnavailable(figures, tables);
        for (const [key, needs] of Object.entries(SUMMARY_NEEDS)) {
          const value = masked.programme.summary[key as keyof ProgrammeSummary];
          if (firstMissing(tables, needs) !== null) expect(value, key).toBeNull();
          else expect(value, key).toBe(summary[key as keyof ProgrammeSummary]);
        }
        for (const [key, needs] of Object.entries(DISTRICT_NEEDS)) {
          const value = masked.programme.districts[0]?.[key as keyof DistrictResult];
          if (firstMissing(tables, needs) !== null) expect(value, key).toBeNull();
          else expect(value, key).toBe(district[key as keyof DistrictResult]);
        }
        expect(masked.villages[0]?.coverage_pct).toBe(tables.agents === 'missing' ? null : 0);
      }),
    );
  });

  it('firstMissing names the first missing table a figure needs', () => {
    for (const table of DATA_TABLES) {
      const status = { ...ALL_LOADED, [table]: 'missing' } as TableStatus;
      expect(firstMissing(status, DATA_TABLES)).toBe(table);
      expect(
        firstMissing(
          status,
          DATA_TABLES.filter((t) => t !== table),
        ),
      ).toBeNull();
    }
  });
});
