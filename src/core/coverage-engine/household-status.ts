/**
 * THE definitions of a household's coverage, shared by the coverage engine (worker) and the SQL figures
 * (DuckDB's household_coverage table, written once per load by core/dataset/load-dataset.ts):
 * - its recorded agent is one of OWN_AGENT: none (no agent id), unknown (an id not in the agents table),
 *   inactive, or active;
 * - distance = ownAgentDistanceM: the engine's haversine (projection.ts) from the household to that agent;
 * - terjangkau (covered) ⇔ active agent AND distance ≤ limit (inclusive); jauh (far) ⇔ active agent and
 *   not covered (farther, or a coordinate missing); tanpa agen (noAgent) ⇔ none, unknown or inactive.
 *   "Households with an agent" = households whose recorded agent is active = far + covered.
 * The SQL fragments below are the same rules over household_coverage's columns.
 */
import { haversineM } from './projection';
import { HOUSEHOLD_STATUS, type HouseholdStatus } from './types';

export const OWN_AGENT = { none: 0, unknown: 1, inactive: 2, active: 3 } as const;
export type OwnAgent = (typeof OWN_AGENT)[keyof typeof OWN_AGENT];

/** Geodesic distance (m) from a household to its recorded agent; NaN when a coordinate is missing. */
export function ownAgentDistanceM(lon: number, lat: number, agentLon: number, agentLat: number): number {
  const d = haversineM(lon, lat, agentLon, agentLat);
  return Number.isFinite(d) ? d : Number.NaN;
}

/** The status of a household from its agent state and distance (the one threshold comparison, `<=`). */
export function householdStatus(agent: OwnAgent, distanceM: number, limitM: number): HouseholdStatus {
  if (agent !== OWN_AGENT.active) return HOUSEHOLD_STATUS.noAgent;
  return distanceM <= limitM ? HOUSEHOLD_STATUS.covered : HOUSEHOLD_STATUS.far;
}

/** SQL: the OwnAgent code of households `h` LEFT JOINed to agents `a` on the agent id. */
export const OWN_AGENT_SQL = `CASE WHEN h.agent_id IS NULL THEN ${OWN_AGENT.none}
  WHEN a.agent_id IS NULL THEN ${OWN_AGENT.unknown}
  WHEN coalesce(a.active, 1) = 0 THEN ${OWN_AGENT.inactive} ELSE ${OWN_AGENT.active} END`;

/**
 * SQL: household_coverage row `c` is covered at `limitM` (false when the row is missing). The limit is
 * written as JavaScript's shortest round-trip decimal and cast to DOUBLE, so DuckDB compares with exactly
 * the engine's number (a bare literal could be read as a DECIMAL).
 */
export const coveredSql = (limitM: number, c = 'c'): string =>
  `coalesce(${c}.agent_state = ${OWN_AGENT.active} AND ${c}.agent_distance_m <= ${Number(limitM)}::DOUBLE, false)`;

/** SQL: household_coverage row `c` has an active recorded agent ("households with an agent"). */
export const withAgentSql = (c = 'c'): string => `coalesce(${c}.agent_state = ${OWN_AGENT.active}, false)`;
