/**
 * The planner's overview — the regency's figures and each village's coverage (the summary's ranking) — read
 * from its prepared tables (tables.ts), after they are made: the cube already holds, per village, decile and
 * agent kind, the households, those with an agent, near and reached (covered under the rule it was made
 * with). Scanning the households again for them cost about a second at a million households before the
 * first map. A household outside the gazetteer's villages is in the cube without a village id: counted in the
 * regency, on no village.
 */
import type { VillageStats } from '../sql/queries';
import { queryRows, type SqlClient } from '../sql/sql-client';

/** A village's coverage figures (the summary's ranking): villageStats' columns without the need or agents. */
export type VillageCoverage = Pick<
  VillageStats,
  'village_code' | 'village_name' | 'district_name' | 'households' | 'covered' | 'near' | 'coverage_pct'
>;

export interface RegencySummary {
  villages: number;
  districts: number;
  households: number;
  agents: number;
  with_agent: number;
  covered: number;
  near: number;
  coverage_pct: number | null;
  /** Share of households near (distance only), in %. */
  near_pct: number | null;
  /** False when no household has a visit date: coverage_pct cannot be computed (shown as not available). */
  visits_recorded: boolean;
  cases: number;
  cases_resolved: number;
  /** Households outside the gazetteer's villages (kept, but on no village of the map). */
  households_unknown_village: number;
}

export const REGENCY_SUMMARY_SQL = `WITH hh AS (
    SELECT coalesce(sum(n), 0) AS households,
      coalesce(sum(with_agent), 0) AS with_agent,
      coalesce(sum(reached), 0) AS covered,
      coalesce(sum(cov), 0) AS near,
      coalesce(sum(n) FILTER (WHERE vid IS NULL AND village_code IS NOT NULL), 0) AS unknown_village
    FROM planner_cube
  )
  SELECT
    (SELECT count(*) FROM planner_villages)::INTEGER AS villages,
    (SELECT count(DISTINCT district_code) FROM planner_villages)::INTEGER AS districts,
    hh.households::INTEGER AS households,
    (SELECT count(*) FROM agents WHERE active = 1)::INTEGER AS agents,
    hh.with_agent::INTEGER AS with_agent,
    hh.covered::INTEGER AS covered,
    hh.near::INTEGER AS near,
    (CASE WHEN hh.households > 0 THEN 100.0 * hh.covered / hh.households END)::DOUBLE AS coverage_pct,
    (CASE WHEN hh.households > 0 THEN 100.0 * hh.near / hh.households END)::DOUBLE AS near_pct,
    (SELECT coalesce(bool_or(visits_recorded), false) FROM household_coverage) AS visits_recorded,
    (SELECT count(*) FROM cases)::INTEGER AS cases,
    (SELECT count(*) FROM cases WHERE status = 'selesai')::INTEGER AS cases_resolved,
    hh.unknown_village::INTEGER AS households_unknown_village
  FROM hh`;

export async function regencySummary(client: SqlClient): Promise<RegencySummary> {
  const [row] = await queryRows<RegencySummary>(client, REGENCY_SUMMARY_SQL);
  if (!row) throw new Error('summary query returned no row');
  return row;
}

/** Every gazetteer village, in code order, with its households, those covered and near. */
export const VILLAGE_COVERAGE_SQL = `WITH agg AS (
    SELECT vid, sum(n) AS households, sum(reached) AS covered, sum(cov) AS near
    FROM planner_cube WHERE vid IS NOT NULL GROUP BY vid
  )
  SELECT v.village_code, v.village_name, v.district_name,
    coalesce(agg.households, 0)::INTEGER AS households,
    coalesce(agg.covered, 0)::INTEGER AS covered,
    coalesce(agg.near, 0)::INTEGER AS near,
    CASE WHEN agg.households > 0 THEN 100.0 * agg.covered / agg.households END::DOUBLE AS coverage_pct
  FROM planner_villages v LEFT JOIN agg USING (vid)
  ORDER BY v.village_code`;

export const villageCoverage = (client: SqlClient): Promise<VillageCoverage[]> =>
  queryRows<VillageCoverage>(client, VILLAGE_COVERAGE_SQL);
