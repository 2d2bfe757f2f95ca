/**
 * Programme results for Bappeda (Inovasi): every figure is one of these SQL aggregates over
 * villages / households / agents / cases / household_coverage. The SQL text is exported so the
 * view can show the query behind a figure (the beneficiaries figure of the IID).
 */
import { nearSql } from '../../../core/coverage-engine/household-status';
import { queryRows, type SqlClient } from '../../../core/sql/sql-client';

/**
 * Families reached by Gancang Pikat: households assigned to an active agent that the programme has
 * actually touched — a recorded visit or at least one reported need.
 */
export const FAMILIES_REACHED_SQL = `SELECT count(*)::INTEGER AS families_reached
FROM households h
JOIN agents a ON a.agent_id = h.agent_id AND a.active = 1
WHERE h.last_visit IS NOT NULL
   OR h.household_id IN (SELECT household_id FROM cases)`;

const REACHED_FLAG = `(a.agent_id IS NOT NULL AND (h.last_visit IS NOT NULL
    OR h.household_id IN (SELECT household_id FROM cases)))`;

const RESOLUTION_DAYS = `(c.resolved_at - c.reported_at)`;
const IS_RESOLVED = `c.status = 'selesai'`;

/** null: not computable, a table it needs was not imported (see programme-availability.ts). */
export interface ProgrammeSummary {
  agents_active: number | null;
  households: number;
  families_reached: number | null;
  coverage_pct: number | null;
  cases_reported: number | null;
  cases_resolved: number | null;
  households_with_cases: number | null;
  median_days: number | null;
  first_report: string | null;
  last_report: string | null;
}

export function programmeSummarySql(thresholdM: number): string {
  return `WITH hh AS (
    SELECT h.household_id, ${REACHED_FLAG} AS reached, ${nearSql(thresholdM)} AS near
    FROM households h
    LEFT JOIN agents a ON a.agent_id = h.agent_id AND a.active = 1
    LEFT JOIN household_coverage c ON c.row_id = h.rowid
  )
  SELECT
    (SELECT count(*) FROM agents WHERE active = 1)::INTEGER AS agents_active,
    (SELECT count(*) FROM hh)::INTEGER AS households,
    (SELECT count(*) FILTER (WHERE reached) FROM hh)::INTEGER AS families_reached,
    (SELECT CASE WHEN count(*) > 0 THEN 100.0 * count(*) FILTER (WHERE near) / count(*) END
       FROM hh)::DOUBLE AS coverage_pct,
    (SELECT count(*) FROM cases)::INTEGER AS cases_reported,
    (SELECT count(*) FROM cases c WHERE ${IS_RESOLVED})::INTEGER AS cases_resolved,
    (SELECT count(DISTINCT household_id) FROM cases)::INTEGER AS households_with_cases,
    (SELECT median(${RESOLUTION_DAYS}) FROM cases c WHERE ${IS_RESOLVED} AND c.resolved_at IS NOT NULL)::DOUBLE
      AS median_days,
    (SELECT strftime(min(reported_at), '%Y-%m-%d') FROM cases) AS first_report,
    (SELECT strftime(max(reported_at), '%Y-%m-%d') FROM cases) AS last_report`;
}

export interface NeedResult {
  need: string;
  reported: number;
  resolved: number;
  /** Distinct households behind the cases (the group size for suppression). */
  households: number;
  median_days: number | null;
}

export const NEED_RESULTS_SQL = `SELECT c.need,
    count(*)::INTEGER AS reported,
    count(*) FILTER (WHERE ${IS_RESOLVED})::INTEGER AS resolved,
    count(DISTINCT c.household_id)::INTEGER AS households,
    median(${RESOLUTION_DAYS}) FILTER (WHERE ${IS_RESOLVED} AND c.resolved_at IS NOT NULL)::DOUBLE AS median_days
  FROM cases c GROUP BY c.need ORDER BY reported DESC, c.need`;

export interface MonthResult {
  month: string;
  reported: number;
  resolved: number;
  /** Distinct households with a case reported or resolved that month. */
  households: number;
}

/** Month by month: cases reported (by report date) and resolved (by resolution date). */
export const MONTHLY_RESULTS_SQL = `WITH events AS (
    SELECT date_trunc('month', reported_at) AS m, household_id, 1 AS rep, 0 AS res FROM cases
    UNION ALL
    SELECT date_trunc('month', resolved_at), household_id, 0, 1 FROM cases
      WHERE status = 'selesai' AND resolved_at IS NOT NULL
  )
  SELECT strftime(m, '%Y-%m') AS month, sum(rep)::INTEGER AS reported, sum(res)::INTEGER AS resolved,
    count(DISTINCT household_id)::INTEGER AS households
  FROM events WHERE m IS NOT NULL GROUP BY m ORDER BY m`;

export interface DistrictResult {
  district_code: string;
  district_name: string;
  households: number;
  families_reached: number | null;
  agents_active: number | null;
  coverage_pct: number | null;
  reported: number | null;
  resolved: number | null;
  median_days: number | null;
}

export function districtResultsSql(thresholdM: number): string {
  return `WITH hh AS (
    SELECT v.district_code, ${REACHED_FLAG} AS reached, ${nearSql(thresholdM, 'cov')} AS near
    FROM households h
    JOIN villages v USING (village_code)
    LEFT JOIN agents a ON a.agent_id = h.agent_id AND a.active = 1
    LEFT JOIN household_coverage cov ON cov.row_id = h.rowid
  ), hh_agg AS (
    SELECT district_code, count(*)::INTEGER AS households,
      count(*) FILTER (WHERE reached)::INTEGER AS families_reached,
      (100.0 * count(*) FILTER (WHERE near) / count(*))::DOUBLE AS coverage_pct
    FROM hh GROUP BY district_code
  ), ag AS (
    SELECT v.district_code, count(*)::INTEGER AS n FROM agents a
    JOIN villages v ON v.village_code = a.home_village_code WHERE a.active = 1 GROUP BY 1
  ), cs AS (
    SELECT v.district_code, count(*)::INTEGER AS reported,
      count(*) FILTER (WHERE ${IS_RESOLVED})::INTEGER AS resolved,
      median(${RESOLUTION_DAYS}) FILTER (WHERE ${IS_RESOLVED} AND c.resolved_at IS NOT NULL)::DOUBLE AS median_days
    FROM cases c JOIN households h USING (household_id) JOIN villages v USING (village_code) GROUP BY 1
  ), d AS (SELECT DISTINCT district_code, district_name FROM villages)
  SELECT d.district_code, d.district_name,
    coalesce(hh_agg.households, 0) AS households,
    coalesce(hh_agg.families_reached, 0) AS families_reached,
    coalesce(ag.n, 0) AS agents_active,
    hh_agg.coverage_pct,
    coalesce(cs.reported, 0) AS reported,
    coalesce(cs.resolved, 0) AS resolved,
    cs.median_days
  FROM d LEFT JOIN hh_agg USING (district_code) LEFT JOIN ag USING (district_code)
  LEFT JOIN cs USING (district_code)
  ORDER BY d.district_name`;
}

export interface ProgrammeResults {
  summary: ProgrammeSummary;
  needs: NeedResult[];
  months: MonthResult[];
  districts: DistrictResult[];
}

/** All programme figures of the Inovasi view. */
export async function programmeResults(client: SqlClient, thresholdM: number): Promise<ProgrammeResults> {
  const [summary] = await queryRows<ProgrammeSummary>(client, programmeSummarySql(thresholdM));
  if (!summary) throw new Error('programme summary query returned no row');
  return {
    summary,
    needs: await queryRows<NeedResult>(client, NEED_RESULTS_SQL),
    months: await queryRows<MonthResult>(client, MONTHLY_RESULTS_SQL),
    districts: await queryRows<DistrictResult>(client, districtResultsSql(thresholdM)),
  };
}

/** The beneficiaries figure (kemanfaatan inovasi) by FAMILIES_REACHED_SQL. */
export async function familiesReached(client: SqlClient): Promise<number> {
  const [row] = await queryRows<{ families_reached: number }>(client, FAMILIES_REACHED_SQL);
  return row?.families_reached ?? 0;
}
