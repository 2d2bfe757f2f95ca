import { queryRows, type SqlClient } from '../../../core/sql/sql-client';
import { householdConditions, where } from './filters';
import { cubeSum } from './measure-sql';
import type { PlannerQuery } from './model';
import type { MonthBin } from './months';

/**
 * The time slider's months for an aggregate dataset: every published month with the households that had a
 * case of the measure still open at its end (the month file's figures, under the area filters). Reports and
 * resolutions per month are not published, so they are 0 here and the slider shows the open households.
 */
export function aggregateMonthBinsSql(q: PlannerQuery): string {
  return `SELECT month, 0 AS reported, 0 AS resolved, coalesce(${cubeSum(q.need, q.weights, 'o_')}, 0)::DOUBLE AS open
    FROM planner_month_cube ${where(householdConditions(q.filters))}
    GROUP BY month ORDER BY month`;
}

export const aggregateMonthBins = (client: SqlClient, q: PlannerQuery) =>
  queryRows<MonthBin>(client, aggregateMonthBinsSql(q));
