/**
 * Reassignment proposal: give households without a near agent (status noAgent or far) to ACTIVE agents with spare
 * capacity within thresholdM, optimally for a lexicographic objective:
 *   1. as many households placed as possible;
 *   2. then as many places filled below the agents' minimum of families (the ten-family rule) as possible;
 *   3. then the least total distance (geodesic, the engine's haversine).
 * An agent's spare capacity is floor(maxFamilies) − its recorded families (active agents with coordinates
 * only); its first ceil(minFamilies) − families places are "below minimum". Places freed by far households
 * that move are not offered to others (a proposed move has not happened yet).
 *
 * Exact on the full graph of household–agent pairs within the limit, without building it: one min-cost
 * flow with lexicographic costs (reassign-flow.ts) carries all three objectives, solved by the network
 * simplex (reassign-simplex.ts) on a candidate graph that the optimality check (reassign-candidates.ts, with
 * the prices of reassign-dual.ts) widens wherever a pair left out could lower the cost; the simplex then goes
 * on from its optimum with the new arcs (warm start). When no pair can, the potentials prove the flow
 * optimal on the full graph (LP duality). The first candidate graph and flow come from an auction of the
 * agents' places (reassign-auction.ts), which looks as far from each household as congestion drives it, so
 * the check seldom has much to add.
 *
 * Unresolved reasons are facts about the full graph: no_agent_in_reach = no active agent within the limit;
 * no_capacity_in_reach = there is one, but every active agent within the limit is full after the proposal
 * (it had no spare place, or all its spare places went to households in this proposal — by objective 1,
 * otherwise this household would have been placed).
 *
 * proposalSteps does the same work in steps (a few thousand pivots, or one phase of the check, each), so that a
 * worker can prepare a proposal between other requests; proposeReassignment runs those steps to the end.
 */

import { aggregateVillagesAndDistricts, statusCounts } from './engine';
import { isNear } from './household-status';
import { PlaceAuction } from './reassign-auction';
import { buildTierReach, toGraph, widenWhereImproving } from './reassign-candidates';
import { distancesToSink } from './reassign-dual';
import type { FlowState } from './reassign-flow';
import { TransportSimplex } from './reassign-simplex';
import {
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type CoverageTotals,
  HOUSEHOLD_STATUS,
  type ReassignmentMove,
  type ReassignmentProposal,
  type UnresolvedReason,
} from './types';

export const REASSIGNMENT_ALGORITHM =
  "min-cost flow with lexicographic costs (network simplex) started from an auction of the agents' places, on candidates widened until a duality check proves it optimal for every pair within the limit";

export interface ReassignmentOptions {
  /**
   * The pairs each household starts with: those within this fraction of the limit of its cheapest at the
   * auction's prices (default 0.05). The result is exact for any value; 0 leaves the most to the check.
   */
  startSlack?: number;
  /** The most pairs a household gains per round of the optimality check (default 24); exact for any value. */
  pairsPerCheck?: number;
}

/** Agents that can receive households: active, with coordinates and spare places. */
function agentsWithSpare(input: CoverageInput, result: CoverageResult, options: CoverageOptions) {
  const ag = input.agents;
  const families = result.agent.families;
  const maxF = Math.floor(options.maxFamilies);
  const ids: number[] = [];
  for (let a = 0; a < ag.lon.length; a++) {
    if (ag.active[a] !== 0 && Number.isFinite(ag.lon[a]) && Number.isFinite(ag.lat[a])) {
      if ((families[a] as number) < maxF) ids.push(a);
    }
  }
  const A = ids.length;
  const agentOf = Int32Array.from(ids);
  const cap0 = new Int32Array(A);
  const cap1 = new Int32Array(A);
  for (let k = 0; k < A; k++) {
    const f = families[agentOf[k] as number] as number;
    const spare = maxF - f;
    const below = Math.min(spare, Math.max(0, Math.ceil(options.minFamilies - f)));
    cap0[k] = below;
    cap1[k] = spare - below;
  }
  return {
    agentOf,
    cap0,
    cap1,
    lon: Float64Array.from(ids, (a) => ag.lon[a] as number),
    lat: Float64Array.from(ids, (a) => ag.lat[a] as number),
  };
}

export function proposeReassignment(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  extra: ReassignmentOptions = {},
): ReassignmentProposal {
  const steps = proposalSteps(input, result, options, extra);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Pivots and bids a step of `proposalSteps` makes at most (a few milliseconds' work). */
const PIVOTS_PER_STEP = 2000;
const BIDS_PER_STEP = 5000;

/**
 * proposeReassignment in steps of a few to a few tens of milliseconds: each `next()` does one and the last
 * returns the proposal. A caller can stop between steps (to answer something more urgent) and go on later
 * with the same inputs; stats.ms counts the time spent in the steps only.
 */
export function* proposalSteps(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  extra: ReassignmentOptions = {},
): Generator<void, ReassignmentProposal, void> {
  let busyMs = 0;
  let since = performance.now();
  /** Ends a step: its time counts, the pause that follows does not. */
  const step = function* () {
    busyMs += performance.now() - since;
    yield;
    since = performance.now();
  };
  const T = options.thresholdM;
  const perCheck = Math.max(1, Math.floor(extra.pairsPerCheck ?? 24));
  const hh = input.households;
  const status = result.household.status;
  const nHh = hh.lon.length;
  if (status.length !== nHh || result.agent.families.length !== input.agents.lon.length)
    throw new RangeError('result does not match input');

  const spare = agentsWithSpare(input, result, options);
  const A = spare.agentOf.length;
  const uncovered: number[] = [];
  for (let i = 0; i < nHh; i++) if (!isNear(status[i] as number)) uncovered.push(i);
  const reach = buildTierReach(
    spare.lon,
    spare.lat,
    spare.cap0,
    Float64Array.from(uncovered, (i) => hh.lon[i] as number),
    Float64Array.from(uncovered, (i) => hh.lat[i] as number),
    T,
  );
  yield* step();
  const auction = new PlaceAuction(reach.all, spare.cap0, spare.cap1, uncovered, hh.lon, hh.lat);
  yield* step();
  while (!auction.run(BIDS_PER_STEP)) yield* step();
  const start = auction.candidates(extra.startSlack ?? 0.05);
  const rows = start.rows;
  const R = rows.household.length;
  yield* step();

  // Solve on the candidate graph; widen it where a left-out pair could do better and solve again from the
  // optimum found (the new arcs enter the simplex's tree like any other); until none can.
  const graph0 = toGraph(rows, spare.cap0, spare.cap1);
  const firstArc = start.startAt.map((j, r) => (j < 0 ? -1 : (graph0.rowStart[r] as number) + j));
  let simplex = new TransportSimplex(graph0, undefined, firstArc);
  let rounds = 1;
  let flow: FlowState;
  for (;;) {
    while (!simplex.solve(PIVOTS_PER_STEP)) yield* step();
    flow = simplex.result();
    const toSink = distancesToSink(flow);
    yield* step();
    const widened = widenWhereImproving(rows, reach, flow, toSink, perCheck);
    if (widened.length === 0) break;
    yield* step();
    rounds++;
    simplex = simplex.grown(toGraph(rows, spare.cap0, spare.cap1));
  }
  const graph = flow.g;

  // Moves and unresolved households.
  const moves: ReassignmentMove[] = [];
  const unresolved: { household: number; reason: UnresolvedReason }[] = [];
  const placed = new Uint8Array(nHh);
  let totalDistanceM = 0;
  for (let r = 0; r < R; r++) {
    const e = flow.rowEdge[r] as number;
    if (e < 0) continue;
    const h = rows.household[r] as number;
    const distanceM = graph.edgeCost[e] as number;
    moves.push({
      household: h,
      fromAgent: hh.agentIndex[h] as number,
      toAgent: spare.agentOf[graph.edgeAgent[e] as number] as number,
      distanceM,
    });
    placed[h] = 1;
    totalDistanceM += distanceM;
  }
  for (const i of uncovered) {
    if (placed[i]) continue;
    const reason = unresolvedReason(
      hh.lon[i] as number,
      hh.lat[i] as number,
      result.household.nearestDistanceM[i] as number,
      T,
    );
    unresolved.push({ household: i, reason });
  }
  moves.sort((p, q) => p.household - q.household);
  const belowMinSlotsFilled = belowMinFilled(moves, result.agent.families, options.minFamilies);

  const after = applyMoves(input, result, options, moves);
  return {
    algorithm: REASSIGNMENT_ALGORITHM,
    moves,
    after,
    unresolved,
    stats: {
      candidates: R,
      edges: graph.edgeAgent.length,
      pairsMeasured: rows.measured,
      rounds,
      agentsWithSpare: A,
      totalDistanceM,
      belowMinSlotsFilled,
      ms: busyMs + performance.now() - since,
    },
  };
}

/** Moves that fill a place below an agent's minimum: Σ over agents of min(arrivals, places below minimum). */
function belowMinFilled(
  moves: readonly ReassignmentMove[],
  families: Int32Array,
  minFamilies: number,
): number {
  const arrivals = new Map<number, number>();
  for (const mv of moves) arrivals.set(mv.toAgent, (arrivals.get(mv.toAgent) ?? 0) + 1);
  let n = 0;
  for (const [a, count] of arrivals)
    n += Math.min(count, Math.max(0, Math.ceil(minFamilies - (families[a] as number))));
  return n;
}

/**
 * Why an uncovered household stays unresolved. Placed nowhere by an optimal proposal, so when an active
 * agent is within the limit (its nearest active agent, measured by computeCoverage with the same haversine)
 * every such agent is full after the proposal.
 */
function unresolvedReason(lon: number, lat: number, nearestM: number, limitM: number): UnresolvedReason {
  if (!(Number.isFinite(lon) && Number.isFinite(lat))) return 'no_coordinates';
  return nearestM <= limitM ? 'no_capacity_in_reach' : 'no_agent_in_reach';
}

/**
 * Coverage after applying `moves` to the recorded assignment (status, families, area aggregates, totals).
 * A moved household is near its new agent but not yet visited by it: belum dikunjungi (or visitUnknown when
 * the dataset records no visits) — the proposal raises the near figure, a visit then makes it terjangkau.
 */
export function applyMoves(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  moves: readonly ReassignmentMove[],
): ReassignmentProposal['after'] {
  const status = result.household.status.slice();
  const distance = result.household.assignedDistanceM.slice();
  const notVisitedYet = result.totals.visitsRecorded
    ? HOUSEHOLD_STATUS.unvisited
    : HOUSEHOLD_STATUS.visitUnknown;
  const families = result.agent.families.slice();
  let inactiveAgent = result.totals.inactiveAgent;
  for (const mv of moves) {
    const h = mv.household;
    status[h] = mv.distanceM <= options.thresholdM ? notVisitedYet : HOUSEHOLD_STATUS.far;
    distance[h] = mv.distanceM;
    if (mv.fromAgent >= 0) {
      families[mv.fromAgent] = (families[mv.fromAgent] as number) - 1;
      if (input.agents.active[mv.fromAgent] === 0) inactiveAgent--;
    }
    families[mv.toAgent] = (families[mv.toAgent] as number) + 1;
  }
  const { village, district } = aggregateVillagesAndDistricts(input, status, distance);
  let agentsBelowMin = 0;
  let agentsAboveCap = 0;
  for (let a = 0; a < families.length; a++) {
    const f = families[a] as number;
    if (input.agents.active[a] !== 0 && f < options.minFamilies) agentsBelowMin++;
    if (f > options.maxFamilies) agentsAboveCap++;
  }
  const totals: CoverageTotals = {
    ...result.totals,
    ...statusCounts(status, result.totals.visitsRecorded),
    inactiveAgent,
    agentsBelowMin,
    agentsAboveCap,
  };
  return { village, district, totals, families };
}
