/**
 * Programme figures that cannot be computed without a missing table: set to null, so every consumer (panel,
 * presentation, PDF, map sheets, the beneficiaries indicator) shows them as not available — never the 0 an
 * empty table gives.
 */

import { type DataTable, firstMissing, type TableStatus } from '../../../core/dataset/table-status';
import type { VillageStats } from '../../../core/sql/queries';
import type { DistrictResult, ProgrammeResults, ProgrammeSummary } from './innovation-programme';

/** Tables each figure needs ("families reached" = assigned to an active agent and visited or with a case). */
export const SUMMARY_NEEDS: Partial<Record<keyof ProgrammeSummary, readonly DataTable[]>> = {
  agents_active: ['agents'],
  families_reached: ['agents', 'cases'],
  coverage_pct: ['agents'],
  cases_reported: ['cases'],
  cases_resolved: ['cases'],
  households_with_cases: ['cases'],
  median_days: ['cases'],
  first_report: ['cases'],
  last_report: ['cases'],
};

export const DISTRICT_NEEDS: Partial<Record<keyof DistrictResult, readonly DataTable[]>> = {
  families_reached: ['agents', 'cases'],
  agents_active: ['agents'],
  coverage_pct: ['agents'],
  reported: ['cases'],
  resolved: ['cases'],
  median_days: ['cases'],
};

function mask<T extends object>(
  row: T,
  needs: Partial<Record<keyof T, readonly DataTable[]>>,
  tables: TableStatus,
): T {
  const out = { ...row };
  for (const [key, tablesNeeded] of Object.entries(needs) as [keyof T, readonly DataTable[]][])
    if (firstMissing(tables, tablesNeeded) !== null) out[key] = null as T[keyof T];
  return out;
}

export interface ProgrammeFigures {
  programme: ProgrammeResults;
  villages: VillageStats[];
  familiesReached: number | null;
}

export function withoutUnavailable(figures: ProgrammeFigures, tables: TableStatus): ProgrammeFigures {
  const noCases = tables.cases === 'missing';
  const { programme } = figures;
  return {
    programme: {
      summary: mask(programme.summary, SUMMARY_NEEDS, tables),
      needs: noCases ? [] : programme.needs,
      months: noCases ? [] : programme.months,
      districts: programme.districts.map((d) => mask(d, DISTRICT_NEEDS, tables)),
    },
    // The maps colour villages by coverage_pct: null is "no data", not 0 %.
    villages:
      tables.agents === 'missing'
        ? figures.villages.map((v) => ({ ...v, coverage_pct: null }))
        : figures.villages,
    familiesReached: firstMissing(tables, ['agents', 'cases']) === null ? figures.familiesReached : null,
  };
}
