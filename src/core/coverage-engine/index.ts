/**
 * Coverage engine — public API. Pure TypeScript over typed arrays: no React, no DuckDB, no DOM; meant to run
 * in a Web Worker. See each module's doc comment for the rules and algorithms:
 * - projection.ts: haversine (Turf's sphere) and the local equirectangular plane with its error bound;
 * - nearest.ts: buildAgentIndex / nearestAgents — exact nearest active agent (uniform-grid ring search;
 *   quadtree.ts: precomputed candidate lists, used for many queries per agent);
 * - nearest-parallel.ts: ParallelNearest — the same search split across workers (the same answers);
 * - grid.ts: uniform point grid for radius queries (reassignment, scaling-up);
 * - household-status.ts: THE status rules and own-agent distance, also as SQL for DuckDB's figures;
 * - engine.ts: computeCoverage — per household, agent, village and district;
 * - aggregate.ts: area counts and distance quantiles (type 7);
 * - reassign.ts (+ reach.ts, reassign-candidates.ts, reassign-flow.ts, reassign-simplex.ts,
 *   reassign-tree.ts, reassign-graph.ts, reassign-dual.ts, reassign-search.ts, reassign-heap.ts):
 *   proposeReassignment — exact, lexicographic
 *   (placed, then places below the minimum, then distance) assignment of uncovered households to agents;
 * - scaling-up.ts: rankNewAgentSites — villages where new agents would reach the most uncovered households.
 */
export { quantile } from './aggregate';
export { computeCoverage, ownAgentDistances, validateInput, validateOptions } from './engine';
export {
  type CoverageRule,
  coveredSql,
  DISTANCE_LIMIT_M,
  householdStatus,
  isNear,
  nearSql,
  OWN_AGENT,
  OWN_AGENT_SQL,
  type OwnAgent,
  ownAgentDistanceM,
  statusSql,
  VISIT_WINDOW_DAYS,
  type VisitAge,
  withAgentSql,
} from './household-status';
export {
  type AgentIndex,
  type AgentIndexOptions,
  buildAgentIndex,
  ensureQuadTree,
  type NearestMethod,
  nearestAgents,
  nearestAgentsInto,
  QUADTREE_MIN_QUERIES_PER_AGENT,
} from './nearest';
export {
  MIN_PARALLEL_HOUSEHOLDS,
  type NearestPort,
  type NearestReply,
  type NearestRequest,
  nearestWorkerHandler,
  ParallelNearest,
  threadsFor,
} from './nearest-parallel';
export { EARTH_RADIUS_M, haversineM } from './projection';
export {
  applyMoves,
  proposalSteps,
  proposeReassignment,
  REASSIGNMENT_ALGORITHM,
  type ReassignmentOptions,
} from './reassign';
export { rankNewAgentSites } from './scaling-up';
export {
  type AreaCoverage,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type CoverageTotals,
  DEFAULT_COVERAGE_OPTIONS,
  HOUSEHOLD_STATUS,
  type HouseholdStatus,
  type NewAgentSite,
  type ReassignmentMove,
  type ReassignmentProposal,
  type UnresolvedReason,
} from './types';
