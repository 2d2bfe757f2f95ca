/**
 * The candidate graph of the reassignment proposal, grown until the flow on it is provably optimal on the
 * graph of ALL household–agent pairs within the limit (which is never built).
 *
 * Each row (an uncovered household with coordinates and an agent with spare places within the limit)
 * starts with every agent within a radius ρ_r: the distance of its `initial`-th nearest agent (ties kept),
 * or the limit when fewer are within it. The optimality check (widenWhereImproving) prices each agent with δ_k,
 * its cheapest residual path to the sink (distancesToSink), and each row with p_r = d(r, k) + δ_k for its
 * agent k (or "unresolved" when it has none). These potentials make every arc of the candidate graph's
 * residual network non-negative (the flow is optimal there); a left-out pair (r, k) can only break that if
 * d(r, k) + δ_k < p_r. Every δ_k ≥ 0 (an agent either holds a used slot, whose reverse arc from the sink
 * costs 0 or one tier, or it has only its own arcs to the sink), so when p_r costs no tier and
 * p_r ≤ ρ_r in metres, no agent beyond ρ_r can do it: the row needs no look at all. Otherwise the agents
 * within min(p_r, limit) (or the limit, when p_r costs a tier or is unresolved) are measured and the pairs
 * that break it are added (the cheapest few per row and round; the row then leaves the flow and comes back
 * with them, FlowState.remove / insert). When no pair is added, the potentials prove the flow optimal on the full graph
 * (linear-programming duality), within METRES_TOLERANCE per improvement.
 */
import { selectInPlace } from './aggregate';
import { type AgentReach, agentsWithin } from './reach';
import type { SinkDistances } from './reassign-dual';
import { type FlowState, METRES_TOLERANCE, UNRESOLVED_COST } from './reassign-flow';
import type { FlowGraph } from './reassign-graph';

export interface CandidateRows {
  /** Household index of each row. */
  household: number[];
  lon: number[];
  lat: number[];
  /** Every agent within radius[r] of row r is among its candidates (metres, ≤ the limit). */
  radius: number[];
  agent: number[][];
  dist: number[][];
  /** Haversine measurements made so far (initial lists and checks). */
  measured: number;
}

/** Rows for `households` (lon/lat given), each with at least `initial` agents or all within the limit. */
export function initialCandidates(
  reach: AgentReach,
  households: readonly number[],
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  initial: number,
): CandidateRows {
  const rows: CandidateRows = {
    household: [],
    lon: [],
    lat: [],
    radius: [],
    agent: [],
    dist: [],
    measured: 0,
  };
  const A = reach.lon.length;
  const outAgent = new Int32Array(A);
  const outDist = new Float64Array(A);
  const scratch = new Float64Array(A);
  const start = Math.min(reach.limitM, Math.max(1, reach.spacing * Math.sqrt(initial / Math.PI)));
  for (const i of households) {
    const lo = lon[i] as number;
    const la = lat[i] as number;
    if (!(Number.isFinite(lo) && Number.isFinite(la))) continue;
    let radius = start;
    let c = 0;
    for (;;) {
      c = agentsWithin(reach, lo, la, radius, outAgent, outDist);
      rows.measured += c;
      if (c >= initial || radius >= reach.limitM) break;
      radius = Math.min(2 * radius, reach.limitM);
    }
    if (c === 0) continue;
    // Keep the `initial` nearest (ties kept): the radius shrinks to the initial-th distance.
    if (c > initial) {
      scratch.set(outDist.subarray(0, c));
      selectInPlace(scratch, 0, c - 1, initial - 1);
      radius = scratch[initial - 1] as number;
    }
    const agent: number[] = [];
    const dist: number[] = [];
    for (let j = 0; j < c; j++) {
      if ((outDist[j] as number) > radius) continue;
      agent.push(outAgent[j] as number);
      dist.push(outDist[j] as number);
    }
    rows.household.push(i);
    rows.lon.push(lo);
    rows.lat.push(la);
    rows.radius.push(radius);
    rows.agent.push(agent);
    rows.dist.push(dist);
  }
  return rows;
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
  reach: AgentReach,
  s: FlowState,
  toSink: SinkDistances,
  perRow: number,
): number[] {
  const g = s.g;
  const R = g.rows;
  const A = g.agents;
  const limit = reach.limitM;
  const outAgent = new Int32Array(A);
  const outDist = new Float64Array(A);
  const stamp = new Int32Array(A).fill(-1);
  const pick = new Int32Array(A);
  const pickL = new Float64Array(A);
  const pickM = new Float64Array(A);
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
    const radius = rows.radius[r] as number;
    if (radius >= limit || (pl === 0 && pm <= radius)) continue;
    const q = pl === 0 ? Math.min(pm, limit) : limit;
    const agent = rows.agent[r] as number[];
    const dist = rows.dist[r] as number[];
    for (const k of agent) stamp[k] = r;
    const c = agentsWithin(reach, rows.lon[r] as number, rows.lat[r] as number, q, outAgent, outDist);
    rows.measured += c;
    // The pairs that would lower the cost, cheapest first; at most `perRow` of them (the rest, if still
    // improving after the next solve, come in a later round).
    let n = 0;
    for (let j = 0; j < c; j++) {
      const k = outAgent[j] as number;
      if (stamp[k] === r) continue;
      const kl = toSink.levels[R + k] as number;
      const km = (outDist[j] as number) + (toSink.metres[R + k] as number);
      if (kl < pl || (kl === pl && km < pm - METRES_TOLERANCE)) {
        // Keep the `perRow` cheapest, sorted (insertion; ties keep the earlier pair).
        pickL[j] = kl;
        pickM[j] = km;
        if (n < perRow || cheaper(j, pick[n - 1] as number)) {
          let at = n < perRow ? n++ : n - 1;
          while (at > 0 && cheaper(j, pick[at - 1] as number)) {
            pick[at] = pick[at - 1] as number;
            at--;
          }
          pick[at] = j;
        }
      }
    }
    for (let j = 0; j < n; j++) {
      agent.push(outAgent[pick[j] as number] as number);
      dist.push(outDist[pick[j] as number] as number);
    }
    if (n > 0) widened.push(r);
  }
  return widened;
}

/** Rows by their nearest candidate, then index (the order the flow is solved in). */
export function nearestFirst(g: FlowGraph): Int32Array {
  const nearest = new Float64Array(g.rows).fill(Number.POSITIVE_INFINITY);
  for (let r = 0; r < g.rows; r++) {
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++)
      if ((g.edgeCost[e] as number) < (nearest[r] as number)) nearest[r] = g.edgeCost[e] as number;
  }
  return Int32Array.from({ length: g.rows }, (_, r) => r).sort(
    (p, q) => (nearest[p] as number) - (nearest[q] as number) || p - q,
  );
}
