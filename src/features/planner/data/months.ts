/** The months of the planner's time slider: cases reported, resolved and open per month, and the period's range. */
import { type Bind, inlineValue, preparedRows, type SqlClient } from '../../../core/sql/sql-client';
import { measuredCaseConditions, where } from './filters';
import type { PlannerQuery } from './model';

export interface MonthBin {
  /** `YYYY-MM`. */
  month: string;
  reported: number;
  resolved: number;
  /** Cases open at the end of the month (reported so far − resolved so far). */
  open: number;
}

/**
 * Cases reported and resolved per month for the filtered households and the measured needs
 * (the month itself is not a filter here: the histogram is what the slider moves over).
 * `village` narrows to one village (the profile's trend).
 */
export function monthlyCasesSql(
  q: PlannerQuery,
  village: string | null = null,
  bind: Bind = inlineValue,
): string {
  const filters = village === null ? q.filters : { ...q.filters, district: null, village };
  const caseWhere = measuredCaseConditions(q, filters, bind);
  return `WITH c AS (SELECT reported_at, resolved_at FROM planner_cases ${where(caseWhere)}),
  e AS (
    SELECT strftime(reported_at, '%Y-%m') AS month, 1 AS rep, 0 AS res FROM c
    UNION ALL
    SELECT strftime(resolved_at, '%Y-%m'), 0, 1 FROM c WHERE resolved_at IS NOT NULL
  ),
  m AS (SELECT month, sum(rep)::INTEGER AS reported, sum(res)::INTEGER AS resolved FROM e GROUP BY month)
  SELECT month, reported, resolved,
    (sum(reported - resolved) OVER (ORDER BY month))::INTEGER AS open
  FROM m ORDER BY month`;
}

export const monthlyCases = (client: SqlClient, q: PlannerQuery, village: string | null = null) =>
  preparedRows<MonthBin>(client, (bind) => monthlyCasesSql(q, village, bind));
