import type { CoverageRule } from '../../src/core/coverage-engine/household-status';
import { regencySummary, villageCoverage } from '../../src/core/cube/overview';
import { preparePlannerTables } from '../../src/core/cube/tables';
import type { SqlClient } from '../../src/core/sql/sql-client';

/**
 * The planner's overview (the regency summary and the village ranking) as the app reads it, from the planner's
 * tables made anew under `rule` (the app makes them under the default rule).
 */
export async function overviewUnder(db: SqlClient, rule: CoverageRule) {
  await preparePlannerTables(db, rule);
  return { summary: await regencySummary(db), villages: await villageCoverage(db) };
}
