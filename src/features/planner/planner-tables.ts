import { plannerCube, wantCaseTables, wantHouseholdTables } from '../../core/cube/prepared';
import type { SqlClient } from '../../core/sql/sql-client';
import { usesCases } from './data/filters';
import type { PlannerQuery } from './data/model';

/**
 * The planner tables an answer reads: the cube alone, or (a case filter or a month) the case tables too, made
 * at once then rather than after the first map (prepared.ts).
 */
export const plannerTablesFor = (
  client: SqlClient,
  q: Pick<PlannerQuery, 'filters' | 'month'>,
): Promise<void> => (usesCases(q) ? wantCaseTables(client) : plannerCube(client));

/** The planner tables a household-level answer reads (the household points): the household rows, and the case tables with a case filter or a month. */
export const householdTablesFor = (
  client: SqlClient,
  q: Pick<PlannerQuery, 'filters' | 'month'>,
): Promise<void> => (usesCases(q) ? wantCaseTables(client) : wantHouseholdTables(client));
