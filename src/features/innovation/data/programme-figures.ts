/**
 * The Inovasi view's figures from an aggregate dataset: what village figures can give — households and
 * coverage per village, kecamatan and regency, and need hotspots per village. Everything counted from agents'
 * or cases' rows (families reached, cases, resolution times, months) is null: the views say "not available".
 */

import type { VillageStats } from '../../../core/sql/queries';
import { queryRows, type SqlClient } from '../../../core/sql/sql-client';
import type { DistrictResult, ProgrammeResults, ProgrammeSummary } from './innovation-programme';
import type { ProgrammeFigures } from './programme-availability';

const VILLAGES_SQL = `SELECT v.village_code, v.village_name, v.district_code, v.district_name,
    coalesce(sum(c.n), 0)::INTEGER AS households,
    coalesce(sum(c.s_any), 0)::INTEGER AS need_count,
    CASE WHEN sum(c.k_any) > 0 THEN 100.0 * sum(c.s_any) / sum(c.k_any) END::DOUBLE AS need_rate,
    NULL::INTEGER AS with_agent,
    coalesce(sum(c.cov), 0)::INTEGER AS covered,
    coalesce(sum(c.cov), 0)::INTEGER AS near,
    CASE WHEN sum(c.n) > 0 THEN 100.0 * sum(c.cov) / sum(c.n) END::DOUBLE AS coverage_pct,
    NULL::INTEGER AS resident_agents,
    coalesce(bool_or(c.vid IS NOT NULL AND c.n IS NULL), false) AS hidden
  FROM planner_villages v LEFT JOIN planner_cube c USING (vid)
  GROUP BY ALL ORDER BY v.village_code`;

const DISTRICTS_SQL = `SELECT v.district_code, any_value(v.district_name) AS district_name,
    coalesce(sum(c.n), 0)::INTEGER AS households,
    CASE WHEN sum(c.n) > 0 THEN 100.0 * sum(c.cov) / sum(c.n) END::DOUBLE AS coverage_pct
  FROM planner_villages v LEFT JOIN planner_cube c USING (vid)
  GROUP BY v.district_code ORDER BY district_name`;

/** Programme figures from the published village figures (hidden villages count in no total). */
export async function programmeFromVillageFigures(client: SqlClient): Promise<ProgrammeFigures> {
  const villages = await queryRows<VillageStats>(client, VILLAGES_SQL);
  const districts = await queryRows<
    Pick<DistrictResult, 'district_code' | 'district_name' | 'households' | 'coverage_pct'>
  >(client, DISTRICTS_SQL);
  const households = villages.reduce((sum, v) => sum + v.households, 0);
  const covered = villages.reduce((sum, v) => sum + v.covered, 0);
  const summary: ProgrammeSummary = {
    agents_active: null,
    households,
    families_reached: null,
    coverage_pct: households > 0 ? (100 * covered) / households : null,
    cases_reported: null,
    cases_resolved: null,
    households_with_cases: null,
    median_days: null,
    first_report: null,
    last_report: null,
  };
  const programme: ProgrammeResults = {
    summary,
    needs: [],
    months: [],
    districts: districts.map((d) => ({
      ...d,
      families_reached: null,
      agents_active: null,
      reported: null,
      resolved: null,
      median_days: null,
    })),
  };
  return { programme, villages, familiesReached: null };
}
