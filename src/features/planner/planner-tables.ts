import { afterPlannerCube, wantCaseTables, wantHouseholdTables } from '../../core/cube/prepared';
import type { SqlClient } from '../../core/sql/sql-client';
import { usesCases } from './data/filters';
import type { PlannerQuery } from './data/model';

/**
 * `ask`, an answer that reads the planner's tables: the cube alone, or (a case filter or a month) the case tables
 * too, made at once then rather than after the first map (prepared.ts). Over the cube, asked at once (DuckDB runs
 * it after the cube's statements), see afterPlannerCube.
 */
export const askAfterPlannerTables = <T>(
  client: SqlClient,
  q: Pick<PlannerQuery, 'filters' | 'month'>,
  ask: () => Promise<T>,
): Promise<T> => (usesCases(q) ? wantCaseTables(client).then(ask) : afterPlannerCube(client, ask));

/** The planner tables a household-level answer reads (the household points): the household rows, and the case tables with a case filter or a month. */
export const householdTablesFor = (
  client: SqlClient,
  q: Pick<PlannerQuery, 'filters' | 'month'>,
): Promise<void> => (usesCases(q) ? wantCaseTables(client) : wantHouseholdTables(client));
