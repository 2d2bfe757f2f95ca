/** The key figures of the filtered households, equal to the sum of the area table's rows. */
import { type Bind, inlineValue, preparedRows, type SqlClient } from '../../../core/sql/sql-client';
import { villageAggregateCte } from './areas';
import { MONTH, measuredCaseConditions, monthEnd, where } from './filters';
import type { PlannerQuery } from './model';

export interface PlannerTotals {
  households: number;
  count: number;
  rate: number | null;
  coverage_pct: number | null;
  villages_with_need: number;
  cases_reported: number;
  cases_resolved: number;
  cases_open: number;
}

/** Key figures of the filtered households (equal to the sum of the table's rows). */
export function totalsSql(q: PlannerQuery, bind: Bind = inlineValue): string {
  const caseWhere = measuredCaseConditions(q, q.filters, bind);
  const openAt = q.month && MONTH.test(q.month) ? monthEnd(q.month, bind) : null;
  const [count, known] = [`c_${q.need}`, `k_${q.need}`];
  return `WITH ${villageAggregateCte(q, bind)},
  c AS (SELECT reported_at, resolved_at FROM planner_cases ${where(caseWhere)})
  SELECT coalesce(sum(households), 0)::INTEGER AS households,
    coalesce(sum(${count}), 0)::DOUBLE AS count,
    CASE WHEN sum(${known}) > 0 THEN 100.0 * sum(${count}) / sum(${known}) END::DOUBLE AS rate,
    CASE WHEN sum(households) > 0 THEN 100.0 * sum(covered) / sum(households) END::DOUBLE AS coverage_pct,
    (count(*) FILTER (WHERE ${count} > 0 AND vid IS NOT NULL))::INTEGER AS villages_with_need,
    (SELECT count(*) FROM c ${openAt ? `WHERE reported_at <= ${openAt}` : ''})::INTEGER AS cases_reported,
    (SELECT count(*) FROM c WHERE resolved_at IS NOT NULL ${openAt ? `AND resolved_at <= ${openAt}` : ''})::INTEGER
      AS cases_resolved,
    (SELECT count(*) FROM c WHERE ${
      openAt
        ? `reported_at <= ${openAt} AND (resolved_at IS NULL OR resolved_at > ${openAt})`
        : 'resolved_at IS NULL'
    })::INTEGER AS cases_open
  FROM a`;
}

export async function plannerTotals(client: SqlClient, q: PlannerQuery): Promise<PlannerTotals> {
  const [row] = await preparedRows<PlannerTotals>(client, (bind) => totalsSql(q, bind));
  if (!row) throw new Error('totals query returned no row');
  return row;
}
