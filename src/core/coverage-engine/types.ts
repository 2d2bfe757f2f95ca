/**
 * Public types of the coverage engine. Everything is parallel typed arrays indexed by household,
 * agent, village or district number, so results can be transferred out of a Web Worker without copying.
 */

export interface CoverageInput {
  households: {
    lon: Float64Array;
    lat: Float64Array;
    /** Index into `agents`; -1 = no agent. */
    agentIndex: Int32Array;
    /** Index into `villageDistrict`; -1 = unknown village. */
    villageIndex: Int32Array;
    /**
     * Whole days from the last visit to the dataset's reference date; NaN = never visited. Absent when the
     * dataset records no visit dates: every near household is then visitUnknown.
     */
    visitAgeDays?: Float64Array;
  };
  agents: {
    lon: Float64Array;
    lat: Float64Array;
    /** 1 = active, 0 = inactive (moved, retired). */
    active: Uint8Array;
    /** Home village; -1 = unknown. */
    villageIndex: Int32Array;
  };
  /** District index of each village (its length is the number of villages); -1 = unknown district. */
  villageDistrict: Int32Array;
  districtCount: number;
}

export interface CoverageOptions {
  /** A household is near when its own active agent lives within this distance (inclusive). UI: 250–10,000. */
  thresholdM: number;
  /** …and covered when also visited within this many days (inclusive). UI: 30–365 (VISIT_WINDOW_DAYS). */
  visitDays: number;
  /** The programme's rule: each agent looks after at least this many families (10). */
  minFamilies: number;
  /** Cap: an agent with more families than this is overloaded (15). */
  maxFamilies: number;
}

export const DEFAULT_COVERAGE_OPTIONS: Readonly<CoverageOptions> = Object.freeze({
  thresholdM: 1000,
  visitDays: 90,
  minFamilies: 10,
  maxFamilies: 15,
});

/** tanpa agen / jauh / terjangkau / belum dikunjungi / kunjungan tidak tercatat (household-status.ts). */
export const HOUSEHOLD_STATUS = { noAgent: 0, far: 1, covered: 2, unvisited: 3, visitUnknown: 4 } as const;
export const HOUSEHOLD_STATUS_COUNT = 5;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUS)[keyof typeof HOUSEHOLD_STATUS];

/** Coverage of areas (villages or districts), one entry per area. */
export interface AreaCoverage {
  /** Households located in the area (by their village). */
  households: Int32Array;
  /** Terjangkau: near and visited within the window. */
  covered: Int32Array;
  /** 100 × covered / households; NaN if the area has no households. */
  coveragePct: Float64Array;
  /** Near (active agent within the limit, visited or not): the distance-only figure. */
  near: Int32Array;
  /** 100 × near / households; NaN if the area has no households. */
  nearPct: Float64Array;
  /** Near but not visited within the window (or never); visitUnknown households are not counted here. */
  unvisited: Int32Array;
  /**
   * Median and 90th percentile of the distance to the own agent, over households with an ACTIVE assigned
   * agent and coordinates (every status but noAgent); NaN if none. Linear interpolation between order
   * statistics (Hyndman–Fan type 7: numpy's default, DuckDB's quantile_cont).
   */
  medianDistanceM: Float64Array;
  p90DistanceM: Float64Array;
  /** Active agents whose home village is in the area. */
  residentAgents: Int32Array;
  /** Households without a near agent (no agent or far): households − near. */
  needingAgent: Int32Array;
}

export interface CoverageTotals {
  households: number;
  covered: number;
  noAgent: number;
  far: number;
  unvisited: number;
  visitUnknown: number;
  /** covered + unvisited + visitUnknown: the distance-only figure. */
  near: number;
  /** 100 × covered / households; NaN when there are no households. */
  coveragePct: number;
  /** 100 × near / households; NaN when there are no households. */
  nearPct: number;
  /** False when the dataset records no visit dates (effective coverage cannot be computed). */
  visitsRecorded: boolean;
  /** Households counted as noAgent because their recorded agent is inactive. */
  inactiveAgent: number;
  /** Households without usable coordinates (NaN/Infinity lon or lat). */
  missingCoordinates: number;
  /** Households with villageIndex -1 (in the totals, in no village or district). */
  unknownVillage: number;
  activeAgents: number;
  agentsBelowMin: number;
  agentsAboveCap: number;
}

export interface CoverageResult {
  household: {
    /** Geodesic distance to the recorded agent (active or not); NaN when there is none or coordinates are missing. */
    assignedDistanceM: Float64Array;
    /** Nearest ACTIVE agent; -1 if there is none (or the household has no coordinates). */
    nearestAgent: Int32Array;
    nearestDistanceM: Float64Array;
    /** HOUSEHOLD_STATUS values. */
    status: Uint8Array;
  };
  agent: {
    /** Households recorded with this agent (active or not). */
    families: Int32Array;
    /** Over the agent's families with coordinates; NaN if none. */
    meanDistanceM: Float64Array;
    maxDistanceM: Float64Array;
    /** active && families < minFamilies. */
    belowMin: Uint8Array;
    /** families > maxFamilies. */
    aboveCap: Uint8Array;
    /** Families visited within the visit window (0 everywhere when visits are not recorded). */
    visitedRecently: Int32Array;
    /** Families never visited (0 everywhere when visits are not recorded). */
    neverVisited: Int32Array;
  };
  village: AreaCoverage;
  district: AreaCoverage;
  totals: CoverageTotals;
  timingsMs: { index: number; nearest: number; assigned: number; aggregate: number; total: number };
}

export type UnresolvedReason = 'no_agent_in_reach' | 'no_capacity_in_reach' | 'no_coordinates';

export interface ReassignmentMove {
  household: number;
  /** The household's recorded agent (far or inactive), -1 when it had none. */
  fromAgent: number;
  toAgent: number;
  distanceM: number;
}

export interface ReassignmentProposal {
  /** Name and short description of the algorithm that made the proposal. */
  algorithm: string;
  /** One move per resolved household, in household order. */
  moves: ReassignmentMove[];
  /** Coverage after applying every move. */
  after: {
    village: AreaCoverage;
    district: AreaCoverage;
    totals: CoverageTotals;
    /** Families per agent after the moves. */
    families: Int32Array;
  };
  /** Uncovered households the proposal could not place, in household order. */
  unresolved: { household: number; reason: UnresolvedReason }[];
  stats: {
    /** Uncovered households with coordinates and at least one agent with spare capacity in reach. */
    candidates: number;
    /** Household–agent pairs in the final candidate graph. */
    edges: number;
    /** Household–agent distances measured (candidate lists and optimality checks). */
    pairsMeasured: number;
    /** Rounds of the optimality check (1 = the first candidate graph was proven optimal). */
    rounds: number;
    agentsWithSpare: number;
    totalDistanceM: number;
    /** Moves that fill a slot of an agent below minFamilies. */
    belowMinSlotsFilled: number;
    ms: number;
  };
}

export interface NewAgentSite {
  village: number;
  /** Uncovered households newly reached by this pick (marginal gain); = totalReachable in plain ranking. */
  reachable: number;
  /** All uncovered households within thresholdM of the village's label point. */
  totalReachable: number;
}
