import {
  type CoverageRule,
  coveredSql,
  nearSql,
  OWN_AGENT_SQL,
  withAgentSql,
} from '../coverage-engine/household-status';
import { NEED_CODES, type NeedCode, needColumn, REGENCY_BBOX } from '../domain/schema';
import { ident, queryRows, type SqlClient } from './sql-client';

/** What the choropleth shows: one need, or households with any need. */
export type NeedMeasure = NeedCode | 'any';

/** SQL of the 0/1 value of `measure` for a household row aliased `h` (NULL when unknown). */
export function needExpression(measure: NeedMeasure): string {
  if (measure !== 'any') return `h.${ident(needColumn(measure))}`;
  const cols = NEED_CODES.map((c) => `h.${ident(needColumn(c))}`);
  // Unknown only when every need is unknown; otherwise 1 if any known need is 1.
  return `CASE WHEN coalesce(${cols.join(', ')}) IS NULL THEN NULL
    ELSE greatest(${cols.map((c) => `coalesce(${c}, 0)`).join(', ')}) END`;
}

export interface VillageStats {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
  households: number;
  /** Households with the need. */
  need_count: number;
  /** Per 100 households whose need status is known; null when none is. */
  need_rate: number | null;
  /** Households whose recorded agent is a known, active agent (= far + near in the engine). */
  with_agent: number;
  /** Terjangkau: own active agent within the limit and a visit within the window (household-status.ts). */
  covered: number;
  /** Own active agent within the limit, visited or not (the distance-only figure). */
  near: number;
  /** Share of households covered, in %; null for a village without households. */
  coverage_pct: number | null;
  resident_agents: number;
  /** Published without figures by an aggregate dataset (a small group, or hidden with one). */
  hidden?: boolean;
}

/** Per-village figures for the map and tooltip: every village of the gazetteer, with or without data. */
export function villageStatsSql(measure: NeedMeasure, rule: CoverageRule): string {
  return `WITH hh AS (
    SELECT h.village_code, ${needExpression(measure)} AS need,
      ${withAgentSql()} AS with_agent, ${coveredSql(rule)} AS covered, ${nearSql(rule.thresholdM)} AS near
    FROM households h LEFT JOIN household_coverage c ON c.row_id = h.rowid
  ), agg AS (
    SELECT village_code,
      count(*)::INTEGER AS households,
      coalesce(sum(need), 0)::INTEGER AS need_count,
      count(need)::INTEGER AS need_known,
      count(*) FILTER (WHERE with_agent)::INTEGER AS with_agent,
      count(*) FILTER (WHERE covered)::INTEGER AS covered,
      count(*) FILTER (WHERE near)::INTEGER AS near
    FROM hh GROUP BY village_code
  ), resident AS (
    SELECT home_village_code AS village_code, count(*)::INTEGER AS n FROM agents WHERE active = 1 GROUP BY 1
  )
  SELECT v.village_code, v.village_name, v.district_code, v.district_name,
    coalesce(agg.households, 0) AS households,
    coalesce(agg.need_count, 0) AS need_count,
    CASE WHEN agg.need_known > 0 THEN 100.0 * agg.need_count / agg.need_known END::DOUBLE AS need_rate,
    coalesce(agg.with_agent, 0) AS with_agent,
    coalesce(agg.covered, 0) AS covered,
    coalesce(agg.near, 0) AS near,
    CASE WHEN agg.households > 0 THEN 100.0 * agg.covered / agg.households END::DOUBLE AS coverage_pct,
    coalesce(resident.n, 0) AS resident_agents
  FROM villages v
  LEFT JOIN agg USING (village_code)
  LEFT JOIN resident USING (village_code)
  ORDER BY v.village_code`;
}

export const villageStats = (client: SqlClient, measure: NeedMeasure, rule: CoverageRule) =>
  queryRows<VillageStats>(client, villageStatsSql(measure, rule));

/** assignedPairsSql's visit age of a household never visited (no visit date is that far from the reference date). */
export const NEVER_VISITED = -2147483648;

/**
 * Households joined to their recorded agent's home, for the distance step, with the agent's state
 * (household-status.ts OWN_AGENT: none, unknown id, inactive, active) and the age of the last visit in whole
 * days before `referenceDate` (NEVER_VISITED when never visited; the caller checks the date). Each row carries
 * its household's row id, which the step keeps with its distance, so the rows are not sorted (a million rows
 * sorted for nothing).
 */
export const assignedPairsSql = (referenceDate: string): string => `SELECT h.rowid::INTEGER AS row_id,
    coalesce(h.lon, 'NaN'::DOUBLE) AS lon, coalesce(h.lat, 'NaN'::DOUBLE) AS lat,
    (${OWN_AGENT_SQL})::UTINYINT AS agent_state,
    coalesce(a.lon, 'NaN'::DOUBLE) AS agent_lon, coalesce(a.lat, 'NaN'::DOUBLE) AS agent_lat,
    coalesce((DATE '${referenceDate}' - h.last_visit)::INTEGER, ${NEVER_VISITED}) AS visit_age_days
  FROM households h LEFT JOIN agents a ON a.agent_id = h.agent_id`;

/** DHIS2-style data-quality counts of the households loaded (rows the importer rejected are in its report). */
export interface HouseholdDataQuality {
  no_coordinates: number;
  outside_regency: number;
  unknown_village: number;
}

export const HOUSEHOLD_DATA_QUALITY_SQL = `SELECT
    count(*) FILTER (WHERE lon IS NULL OR lat IS NULL)::INTEGER AS no_coordinates,
    count(*) FILTER (WHERE lon NOT BETWEEN ${REGENCY_BBOX.west} AND ${REGENCY_BBOX.east}
      OR lat NOT BETWEEN ${REGENCY_BBOX.south} AND ${REGENCY_BBOX.north})::INTEGER AS outside_regency,
    count(*) FILTER (WHERE village_code NOT IN (SELECT village_code FROM villages))::INTEGER AS unknown_village
  FROM households`;
