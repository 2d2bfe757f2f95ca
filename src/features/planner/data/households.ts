/** `hh`, the filtered households with their measure: the common table of the points and the village profile. */
import { NEED_CODES } from '../../../core/domain/schema';
import { caseConditions, householdConditions, usesCases, where } from './filters';
import { valueExpression } from './measure-sql';
import type { PlannerQuery } from './model';

/**
 * `hh`: one row per household passing the filters, with its need columns (from flags or cases)
 * and `value`, the measure. `withArea` false ignores the kecamatan/village filter (for the profile).
 */
export function householdCte(q: PlannerQuery, withArea = true): string {
  const filters = where(householdConditions(q.filters, withArea));
  const value = valueExpression(q.need, q.weights);
  if (!usesCases(q)) {
    return `hh AS (SELECT *, ${value} AS value FROM planner_households ${filters})`;
  }
  const perNeed = NEED_CODES.map((c) => `max((need = '${c}')::TINYINT) AS n_${c}`).join(', ');
  const caseNeeds = NEED_CODES.map((c) => `coalesce(cx.n_${c}, 0)::TINYINT AS n_${c}`).join(', ');
  return `cx AS (SELECT hid, ${perNeed} FROM planner_cases ${where(caseConditions(q))} GROUP BY hid),
  hb AS (SELECT p.hid, p.village_code, p.district_code, p.lon, p.lat, p.decile, p.agent_kind, p.covered, ${caseNeeds}
    FROM planner_households p LEFT JOIN cx USING (hid) ${filters}),
  hh AS (SELECT *, ${value} AS value FROM hb)`;
}
