/** The village profile: needs, welfare deciles, agents and facts of one village under the filters. */
import { NEED_CODES, type NeedCode } from '../../../core/domain/schema';
import { literal } from '../../../core/sql/sql-client';
import { householdCte } from './households';
import type { PlannerQuery } from './model';

export interface NeedBreakdown {
  need: NeedCode;
  count: number;
  rate: number | null;
}

/** Households with each need in one village (flags or cases, as the screen), under the filters. */
export function villageNeedsSql(q: PlannerQuery, village: string): string {
  const parts = NEED_CODES.map(
    (c) => `SELECT '${c}' AS need, coalesce(sum(n_${c}), 0)::INTEGER AS count,
      CASE WHEN count(n_${c}) > 0 THEN 100.0 * sum(n_${c}) / count(n_${c}) END::DOUBLE AS rate
      FROM hh WHERE village_code = ${literal(village)}`,
  );
  return `WITH ${householdCte(q, false)} ${parts.join('\nUNION ALL ')}`;
}

export interface DecileBin {
  decile: number | null;
  households: number;
  with_need: number;
}

/** Households per welfare decile in one village, and how many have the measured need. */
export function villageDecilesSql(q: PlannerQuery, village: string): string {
  return `WITH ${householdCte(q, false)}
  SELECT decile::INTEGER AS decile, count(*)::INTEGER AS households,
    count(*) FILTER (WHERE value > 0)::INTEGER AS with_need
  FROM hh WHERE village_code = ${literal(village)} GROUP BY decile ORDER BY decile NULLS LAST`;
}

export interface VillageAgent {
  agent_id: string;
  agent_type: string | null;
  home_village_code: string | null;
  families: number;
  covered: number;
}

/** Agents looking after households of one village (under the household filters), most families first. */
export function villageAgentsSql(q: PlannerQuery, village: string, limit = 12): string {
  return `WITH ${householdCte(q, false)}
  SELECT h.agent_id, a.agent_type, a.home_village_code, count(*)::INTEGER AS families,
    sum(hh.covered)::INTEGER AS covered
  FROM hh JOIN households h ON h.rowid = hh.hid LEFT JOIN agents a ON a.agent_id = h.agent_id
  WHERE hh.village_code = ${literal(village)} AND h.agent_id IS NOT NULL
  GROUP BY 1, 2, 3 ORDER BY families DESC, h.agent_id LIMIT ${Math.round(limit)}`;
}

export interface VillageFacts {
  agents_serving: number;
  resident_agents: number;
  households_no_agent: number;
}

export function villageFactsSql(q: PlannerQuery, village: string): string {
  return `WITH ${householdCte(q, false)}
  SELECT (SELECT count(DISTINCT h.agent_id) FROM hh JOIN households h ON h.rowid = hh.hid
      WHERE hh.village_code = ${literal(village)})::INTEGER AS agents_serving,
    (SELECT count(*) FROM agents WHERE home_village_code = ${literal(village)} AND active = 1)::INTEGER
      AS resident_agents,
    (SELECT count(*) FROM hh WHERE village_code = ${literal(village)} AND agent_kind = 'none')::INTEGER
      AS households_no_agent`;
}
