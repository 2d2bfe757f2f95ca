/**
 * THE definitions of a household's coverage, shared by the coverage engine (worker) and the SQL figures
 * (DuckDB's household_coverage table, written once per load by core/dataset/load-dataset.ts):
 * - its recorded agent is one of OWN_AGENT: none (no agent id), unknown (an id not in the agents table),
 *   inactive, or active;
 * - distance = ownAgentDistanceM: the engine's haversine (projection.ts) from the household to that agent;
 * - visit age = whole days from the last visit to the dataset's reference date (visit-reference.ts); none
 *   when the household was never visited; unknown for every household when the dataset records no visits;
 * - near (dalam jangkauan, distance only) ⇔ active agent AND distance ≤ limit (inclusive);
 * - terjangkau (covered, effective) ⇔ near AND visited within the window: visit age ≤ window days
 *   (inclusive: a visit exactly N days before the reference date counts);
 * - belum dikunjungi (unvisited) ⇔ near, visits recorded, and no visit within the window (or never);
 * - kunjungan tidak tercatat (visitUnknown) ⇔ near, but the dataset records no visit dates at all;
 * - jauh (far) ⇔ active agent and not near (farther, or a coordinate missing);
 * - tanpa agen (noAgent) ⇔ none, unknown or inactive.
 *   "Households with an agent" = households whose recorded agent is active = far + near.
 * The SQL fragments below are the same rules over household_coverage's columns.
 */
import { haversineM } from './projection';
import { HOUSEHOLD_STATUS, type HouseholdStatus } from './types';

export const OWN_AGENT = { none: 0, unknown: 1, inactive: 2, active: 3 } as const;
export type OwnAgent = (typeof OWN_AGENT)[keyof typeof OWN_AGENT];

/** The distance limits offered, in metres (the default is DEFAULT_COVERAGE_OPTIONS.thresholdM, 1 km). */
export const DISTANCE_LIMIT_M = [250, 10_000] as const;
/** The visit windows offered, in days (the default is DEFAULT_COVERAGE_OPTIONS.visitDays, 90). */
export const VISIT_WINDOW_DAYS = [30, 365] as const;

/** Geodesic distance (m) from a household to its recorded agent; NaN when a coordinate is missing. */
export function ownAgentDistanceM(lon: number, lat: number, agentLon: number, agentLat: number): number {
  const d = haversineM(lon, lat, agentLon, agentLat);
  return Number.isFinite(d) ? d : Number.NaN;
}

/** Visits of one household: its visit age in days (NaN = never visited), or null when visits are not recorded. */
export type VisitAge = number | null;

/** The status of a household (the one threshold comparison `<=` for distance and for the visit window). */
export function householdStatus(
  agent: OwnAgent,
  distanceM: number,
  limitM: number,
  visitAgeDays: VisitAge,
  windowDays: number,
): HouseholdStatus {
  if (agent !== OWN_AGENT.active) return HOUSEHOLD_STATUS.noAgent;
  if (!(distanceM <= limitM)) return HOUSEHOLD_STATUS.far;
  if (visitAgeDays === null) return HOUSEHOLD_STATUS.visitUnknown;
  return visitAgeDays <= windowDays ? HOUSEHOLD_STATUS.covered : HOUSEHOLD_STATUS.unvisited;
}

/** Statuses whose agent is active and within the limit (the distance-only figure). */
export const isNear = (status: number): boolean =>
  status === HOUSEHOLD_STATUS.covered ||
  status === HOUSEHOLD_STATUS.unvisited ||
  status === HOUSEHOLD_STATUS.visitUnknown;

/** The two settings of effective coverage: the distance limit and the visit window. */
export interface CoverageRule {
  thresholdM: number;
  visitDays: number;
}

/** SQL: the OwnAgent code of households `h` LEFT JOINed to agents `a` on the agent id. */
export const OWN_AGENT_SQL = `CASE WHEN h.agent_id IS NULL THEN ${OWN_AGENT.none}
  WHEN a.agent_id IS NULL THEN ${OWN_AGENT.unknown}
  WHEN coalesce(a.active, 1) = 0 THEN ${OWN_AGENT.inactive} ELSE ${OWN_AGENT.active} END`;

/** A number as JavaScript's shortest round-trip decimal cast to DOUBLE (a bare literal could be a DECIMAL). */
const double = (x: number): string => `${Number(x)}::DOUBLE`;

/**
 * SQL: household_coverage row `c` is near (active agent within the limit; false when the row is missing),
 * compared with exactly the engine's number.
 */
export const nearSql = (limitM: number, c = 'c'): string =>
  `coalesce(${c}.agent_state = ${OWN_AGENT.active} AND ${c}.agent_distance_m <= ${double(limitM)}, false)`;

/** SQL: household_coverage row `c` is covered (terjangkau): near and visited within the window. */
export const coveredSql = (rule: CoverageRule, c = 'c'): string =>
  `coalesce(${c}.agent_state = ${OWN_AGENT.active} AND ${c}.agent_distance_m <= ${double(rule.thresholdM)}
    AND ${c}.visit_age_days <= ${double(rule.visitDays)}, false)`;

/** SQL: the HOUSEHOLD_STATUS code of household_coverage row `c` (noAgent when the row is missing). */
export const statusSql = (rule: CoverageRule, c = 'c'): string => `CASE
    WHEN coalesce(${c}.agent_state, ${OWN_AGENT.none}) <> ${OWN_AGENT.active} THEN ${HOUSEHOLD_STATUS.noAgent}
    WHEN NOT ${nearSql(rule.thresholdM, c)} THEN ${HOUSEHOLD_STATUS.far}
    WHEN NOT ${c}.visits_recorded THEN ${HOUSEHOLD_STATUS.visitUnknown}
    WHEN ${coveredSql(rule, c)} THEN ${HOUSEHOLD_STATUS.covered}
    ELSE ${HOUSEHOLD_STATUS.unvisited} END`;

/** SQL: household_coverage row `c` has an active recorded agent ("households with an agent"). */
export const withAgentSql = (c = 'c'): string => `coalesce(${c}.agent_state = ${OWN_AGENT.active}, false)`;
