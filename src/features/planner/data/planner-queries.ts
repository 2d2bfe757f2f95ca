/**
 * SQL of the planner's view (Perencanaan): the public API of the modules under ./planner/, kept here so
 * that its importers need not change. Every figure on the planner's screen — map classes, table, key
 * figures, histogram, village profile — comes from these queries over compact tables prepared once
 * (`preparePlannerTables`), so the numbers agree with each other.
 */

export { MONTH_RANGE_SQL, needBit, preparePlannerSql, preparePlannerTables } from '../../../core/cube/tables';
export type { AreaStat } from '../../../core/domain/area-stat';
export {
  type AreaMeasures,
  areaMeasures,
  districtMeasuresSql,
  pickMeasure,
  villageAggregateCte,
  villageMeasuresSql,
} from './areas';
export {
  type ChannelOption,
  channelLabel,
  channelOptions,
  FOUND_CHANNELS_SQL,
  type FoundChannel,
  plannerChannels,
} from './channels';
export { caseConditions, householdConditions, monthCubeAnswers, usesCases } from './filters';
export { householdCte } from './households';
export { cubeSum, maskValueExpression, valueExpression } from './measure-sql';
export {
  type AgentFilter,
  type AreaQuery,
  DEFAULT_WEIGHTS,
  measuredNeeds,
  type NeedWeights,
  NO_CHANNEL,
  NO_FILTERS,
  PLANNER_NEEDS,
  type PlannerFilters,
  type PlannerNeed,
  type PlannerQuery,
  type PlannerUnit,
  type StatusFilter,
  safeWeights,
} from './model';
export { type MonthBin, monthlyCases, monthlyCasesSql } from './months';
export {
  boxPointsSql,
  type HouseholdCard,
  householdCardSql,
  POINT_CELL_DEG,
  weightedPointsSql,
} from './points';
export {
  type DecileBin,
  type NeedBreakdown,
  type VillageAgent,
  type VillageFacts,
  villageAgentsSql,
  villageDecilesSql,
  villageFactsSql,
  villageNeedsSql,
} from './profile';
export { type PlannerTotals, plannerTotals, totalsSql } from './totals';
