/**
 * SQL of the planner's view (Perencanaan): the public API of the modules under ./planner/, kept here so
 * that its importers need not change. Every figure on the planner's screen — map classes, table, key
 * figures, histogram, village profile — comes from these queries over compact tables prepared once
 * (`preparePlannerTables`), so the numbers agree with each other.
 */
export {
  type AreaMeasures,
  type AreaStat,
  areaMeasures,
  districtMeasuresSql,
  pickMeasure,
  villageAggregateCte,
  villageMeasuresSql,
} from './planner/areas';
export { caseConditions, householdConditions, usesCases } from './planner/filters';
export { householdCte } from './planner/households';
export { cubeSum, maskValueExpression, valueExpression } from './planner/measure-sql';
export {
  type AgentFilter,
  type AreaQuery,
  DEFAULT_WEIGHTS,
  measuredNeeds,
  type NeedWeights,
  NO_FILTERS,
  PLANNER_NEEDS,
  type PlannerFilters,
  type PlannerNeed,
  type PlannerQuery,
  type PlannerUnit,
  type StatusFilter,
  safeWeights,
} from './planner/model';
export { MONTH_RANGE_SQL, type MonthBin, monthlyCases, monthlyCasesSql } from './planner/months';
export {
  boxPointsSql,
  type HouseholdCard,
  householdCardSql,
  POINT_CELL_DEG,
  weightedPointsSql,
} from './planner/points';
export {
  type DecileBin,
  type NeedBreakdown,
  type VillageAgent,
  type VillageFacts,
  villageAgentsSql,
  villageDecilesSql,
  villageFactsSql,
  villageNeedsSql,
} from './planner/profile';
export { needBit, preparePlannerSql, preparePlannerTables } from './planner/tables';
export { type PlannerTotals, plannerTotals, totalsSql } from './planner/totals';
