/**
 * The candidate graph of the reassignment proposal, grown until the flow on it is provably optimal on the
 * graph of ALL household–agent pairs within the limit (which is never built).
 *
 * Agents come in two classes: tier-0 agents (with places below their minimum, cap0 > 0) and the others.
 * Each row's candidates include every agent within a radius ρ_r and every tier-0 agent within ρ0_r ≥ ρ_r
 * (the rows and their first candidates come from reassign-auction.ts; ρ_r below zero: none is certain).
 * The optimality check (widenWhereImproving) prices each agent with δ_k, its cheapest residual path to the
 * sink (distancesToSink), and each row with p_r = d(r, k) + δ_k for its agent k (or "unresolved" when it
 * has none). These potentials make every arc of the candidate graph's
 * residual network non-negative (the flow is optimal there); a left-out pair (r, k) can only break that if
 * d(r, k) + δ_k < p_r. Lower bounds on δ_k decide which rows need a look: δ_k ≥ t_k, the cost of the
 * dearest tier k holds a row in (the cycle sink → k → … → sink cannot be negative), and δ_k = one tier
 * when k holds no row and has no tier-0 place; so δ_k ≥ 0 for every agent and ≥ one tier for the others.
 * A left-out agent of a class therefore lies beyond the class's radius (ρ0_r, ρ_r) and costs at least
 * (class bound, that radius): a class needs no look when its radius is the limit or that bound is not below
 * p_r. Otherwise its agents within min(p_r, limit) (or the limit, when p_r costs more than the class bound)
 * are measured and the pairs that break it are added (the cheapest few per row and round; the flow is then
 * solved again from its optimum, TransportSimplex.grown). When no pair is added, the
 * potentials prove the flow optimal on the full graph (linear-programming duality), within
 * METRES_TOLERANCE per improvement.
 */
import { type AgentReach, agentsWithin, buildAgentReach } from './reach';
import type { SinkDistances } from './reassign-dual';
import { type FlowState, METRES_TOLERANCE, TIER1_COST, UNRESOLVED_COST } from './reassign-flow';
import type { FlowGraph } from './reassign-graph';

export interface CandidateRows {
  /** Household index of each row. */
  household: number[];
  lon: number[];
  lat: number[];
  /** Every agent within radius[r] of row r is among its candidates (metres, ≤ the limit). */
  radius: number[];
  /** Every agent with places below its minimum (a tier-0 agent) within radius0[r] is too (≥ radius[r]). */
  radius0: number[];
  agent: number[][];
  dist: number[][];
  /** Haversine measurements made so far (the auction's lookups and the checks). */
  measured: number;
}

/** An index over all agents, and one over the tier-0 agents alone (agent[j] = the agent of its j). */
export interface TierReach {
  all: AgentReach;
  tier0: AgentReach;
  agent: Int32Array;
}

/** The indexes of `TierReach` for agents at lon/lat with `cap0` tier-0 places, queried from the points. */
export function buildTierReach(
  lon: Float64Array,
  lat: Float64Array,
  cap0: Int32Array,
  pointLon: Float64Array,
  pointLat: Float64Array,
  limitM: number,
): TierReach {
  const agent: number[] = [];
  for (let k = 0; k < cap0.length; k++) if ((cap0[k] as number) > 0) agent.push(k);
  return {
    all: buildAgentReach(lon, lat, pointLon, pointLat, limitM),
    tier0: buildAgentReach(
      Float64Array.from(agent, (k) => lon[k] as number),
      Float64Array.from(agent, (k) => lat[k] as number),
      pointLon,
      pointLat,
      limitM,
    ),
    agent: Int32Array.from(agent),
  };
}

/** Scratch for `nearest`: as many entries as there are agents. */
interface Scratch {
  agent: Int32Array;
  dist: Float64Array;
  sel: Float64Array;
}

function scratchFor(n: number): Scratch {
  return { agent: new Int32Array(n), dist: new Float64Array(n), sel: new Float64Array(n) };
}

/** The candidate rows as a flow graph (CSR over rows). */
export function toGraph(rows: CandidateRows, cap0: Int32Array, cap1: Int32Array): FlowGraph {
  const R = rows.agent.length;
  const rowStart = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) rowStart[r + 1] = (rowStart[r] as number) + (rows.agent[r] as number[]).length;
  const edgeAgent = new Int32Array(rowStart[R] as number);
  const edgeCost = new Float64Array(edgeAgent.length);
  for (let r = 0; r < R; r++) {
    edgeAgent.set(rows.agent[r] as number[], rowStart[r] as number);
    edgeCost.set(rows.dist[r] as number[], rowStart[r] as number);
  }
  return { rows: R, agents: cap0.length, rowStart, edgeAgent, edgeCost, cap0, cap1 };
}

/**
 * The optimality check: adds the left-out pairs that could lower the flow's cost (see the module note),
 * at most `perRow` per row, cheapest first; returns the rows that got new arcs (none = the flow is optimal
 * on the full graph).
 */
export function widenWhereImproving(
  rows: CandidateRows,
  reach: TierReach,
  s: FlowState,
  toSink: SinkDistances,
  perRow: number,
): number[] {
  const g = s.g;
  const R = g.rows;
  const A = g.agents;
  const limit = reach.all.limitM;
  const out: Scratch = scratchFor(A);
  const stamp = new Int32Array(A).fill(-1);
  const pick = new Int32Array(A);
  const pickL = new Float64Array(A);
  const pickM = new Float64Array(A);
  const pickAgent = new Int32Array(A);
  const pickDist = new Float64Array(A);
  const cheaper = (x: number, y: number) =>
    (pickL[x] as number) < (pickL[y] as number) ||
    (pickL[x] === pickL[y] && (pickM[x] as number) < (pickM[y] as number));
  const widened: number[] = [];
  for (let r = 0; r < R; r++) {
    const e = s.rowEdge[r] as number;
    let pl: number;
    let pm: number;
    if (e >= 0) {
      const k = R + (g.edgeAgent[e] as number);
      pl = toSink.levels[k] as number;
      pm = (g.edgeCost[e] as number) + (toSink.metres[k] as number);
    } else {
      pl = UNRESOLVED_COST;
      pm = 0;
    }
    // A left-out agent of a class (tier-0 agents: price ≥ (0, d); the others: ≥ (one tier, d)) can only
    // improve when it lies beyond the class's radius and that bound is below (pl, pm).
    const radius = rows.radius[r] as number;
    const radius0 = rows.radius0[r] as number;
    const need0 = radius0 < limit && (pl > 0 || pm > radius0);
    const need1 = radius < limit && (pl > TIER1_COST || (pl === TIER1_COST && pm > radius));
    if (!(need0 || need1)) continue;
    const agent = rows.agent[r] as number[];
    const dist = rows.dist[r] as number[];
    for (const k of agent) stamp[k] = r;
    // The pairs that would lower the cost, cheapest first; at most `perRow` of them (the rest, if still
    // improving after the next solve, come in a later round).
    let n = 0;
    let m = 0;
    const consider = (k: number, d: number) => {
      if (stamp[k] === r) return;
      stamp[k] = r;
      const kl = toSink.levels[R + k] as number;
      const km = d + (toSink.metres[R + k] as number);
      if (!(kl < pl || (kl === pl && km < pm - METRES_TOLERANCE))) return;
      // Keep the `perRow` cheapest, sorted (insertion; ties keep the earlier pair).
      const j = m++;
      pickL[j] = kl;
      pickM[j] = km;
      pickAgent[j] = k;
      pickDist[j] = d;
      if (n < perRow || cheaper(j, pick[n - 1] as number)) {
        let at = n < perRow ? n++ : n - 1;
        while (at > 0 && cheaper(j, pick[at - 1] as number)) {
          pick[at] = pick[at - 1] as number;
          at--;
        }
        pick[at] = j;
      }
    };
    const lo = rows.lon[r] as number;
    const la = rows.lat[r] as number;
    if (need1) {
      // All agents (the tier-0 ones too, when they need a look as far).
      const c = agentsWithin(reach.all, lo, la, pl > TIER1_COST ? limit : pm, out.agent, out.dist);
      rows.measured += c;
      for (let j = 0; j < c; j++) consider(out.agent[j] as number, out.dist[j] as number);
    }
    if (need0) {
      const c = agentsWithin(reach.tier0, lo, la, pl > 0 ? limit : pm, out.agent, out.dist);
      rows.measured += c;
      for (let j = 0; j < c; j++)
        consider(reach.agent[out.agent[j] as number] as number, out.dist[j] as number);
    }
    for (let j = 0; j < n; j++) {
      agent.push(pickAgent[pick[j] as number] as number);
      dist.push(pickDist[pick[j] as number] as number);
    }
    if (n > 0) widened.push(r);
  }
  return widened;
}
