/** The planner's period rows (./planner/period.ts), kept here so that its importers need not change. */
export { periodInOneQuery, periodMeasures, periodMeasuresSql } from './period';
