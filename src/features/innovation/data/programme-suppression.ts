/**
 * The programme figures as Bappeda publishes them (screen panel, presentation, PDF, chart PNGs): small
 * groups hidden, and further rows hidden so that the totals shown beside them (cases reported and
 * resolved, families reached, coverage) cannot give a hidden row back. Every published view reads
 * this one model.
 */

import { protectRows } from '../../../core/privacy/complementary-suppression';
import { blankRows, isSmallGroup, type Suppressed } from '../../../core/privacy/small-groups';
import type {
  DistrictResult,
  MonthResult,
  NeedResult,
  ProgrammeResults,
  ProgrammeSummary,
} from './innovation-programme';

export type PublishedNeed = Suppressed<NeedResult, 'reported' | 'resolved' | 'median_days' | 'households'>;
export type PublishedMonth = Suppressed<MonthResult, 'reported' | 'resolved' | 'households'>;
export type PublishedDistrict = Suppressed<
  DistrictResult,
  'households' | 'families_reached' | 'coverage_pct' | 'reported' | 'resolved' | 'median_days'
>;

export interface PublishedProgramme {
  /** The headline figures; a total that would give hidden rows back is null. */
  summary: Omit<
    ProgrammeSummary,
    'cases_reported' | 'cases_resolved' | 'families_reached' | 'coverage_pct' | 'households'
  > & {
    households: number | null;
    cases_reported: number | null;
    cases_resolved: number | null;
    families_reached: number | null;
    coverage_pct: number | null;
  };
  needs: PublishedNeed[];
  months: PublishedMonth[];
  districts: PublishedDistrict[];
  /** Whether any row or total is hidden (the page then explains why). */
  anyHidden: boolean;
}

/** Households covered in a kecamatan (coverage % × households, which the tables let anyone compute). */
const coveredOf = (d: DistrictResult) =>
  d.coverage_pct === null ? 0 : Math.round((d.coverage_pct * d.households) / 100);

/** Hides small groups and the complementary rows of every programme table. */
export function publishProgramme(p: ProgrammeResults): PublishedProgramme {
  const needs = protectRows(p.needs, (r) => isSmallGroup(r.households), [
    // A need is only listed with at least one case.
    { value: (r) => r.reported, floor: 1, strict: true },
    { value: (r) => r.resolved, floor: 0 },
  ]);
  const months = protectRows(p.months, (r) => isSmallGroup(r.households), [
    { value: (r) => r.reported, floor: 0, strict: true },
    { value: (r) => r.resolved, floor: 0 },
  ]);
  const districts = protectRows(p.districts, (r) => isSmallGroup(r.households), [
    { value: (r) => r.households, floor: 0, strict: true },
    { value: (r) => r.families_reached ?? 0, floor: 0 },
    { value: coveredOf, floor: 0 },
    { value: (r) => r.reported ?? 0, floor: 0 },
    { value: (r) => r.resolved ?? 0, floor: 0 },
  ]);
  const casesHidden = needs.totalHidden || months.totalHidden || districts.totalHidden;
  const s = p.summary;
  return {
    summary: {
      ...s,
      cases_reported: casesHidden ? null : s.cases_reported,
      cases_resolved: casesHidden ? null : s.cases_resolved,
      households: districts.totalHidden ? null : s.households,
      families_reached: districts.totalHidden ? null : s.families_reached,
      coverage_pct: districts.totalHidden ? null : s.coverage_pct,
    },
    needs: blankRows(p.needs, needs.hidden, ['reported', 'resolved', 'median_days', 'households']),
    months: blankRows(p.months, months.hidden, ['reported', 'resolved', 'households']),
    districts: blankRows(p.districts, districts.hidden, [
      'households',
      'families_reached',
      'coverage_pct',
      'reported',
      'resolved',
      'median_days',
    ]),
    anyHidden: [needs, months, districts].some((x) => x.totalHidden || x.hidden.some(Boolean)),
  };
}
