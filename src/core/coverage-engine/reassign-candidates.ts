/**
 * The candidate graph of the reassignment proposal, grown until the flow on it is provably optimal on the
 * graph of ALL household–agent pairs within the limit (which is never built).
 *
 * Agents come in two classes: tier-0 agents (with places below their minimum, cap0 > 0) and the others.
 * Each row (an uncovered household with coordinates and an agent with spare places within the limit)
 * starts with every agent within a radius ρ_r — the distance of its few nearest agents (ties kept), or the
 * limit when fewer are within it — and every tier-0 agent within ρ0_r ≥ ρ_r, the distance of its `initial`
 * nearest tier-0 agents (or the limit). The optimality check (widenWhereImproving) prices each agent with
 * δ_k, its cheapest residual path to the sink (distancesToSink), and each row with p_r = d(r, k) + δ_k for
 * its agent k (or "unresolved" when it has none). These potentials make every arc of the candidate graph's
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
import { selectInPlace } from './aggregate';
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
  /** Haversine measurements made so far (initial lists and checks). */
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

/**
 * The `initial` nearest agents of `reach` within its limit (ties kept) into s.agent / s.dist: returns
 * their count and the radius within which all are kept (the initial-th distance, or the limit).
 */
function nearest(
  reach: AgentReach,
  lo: number,
  la: number,
  initial: number,
  s: Scratch,
  rows: CandidateRows,
) {
  let radius = Math.min(reach.limitM, Math.max(1, reach.spacing * Math.sqrt(initial / Math.PI)));
  let c = 0;
  for (;;) {
    c = agentsWithin(reach, lo, la, radius, s.agent, s.dist);
    rows.measured += c;
    if (c >= initial || radius >= reach.limitM) break;
    radius = Math.min(2 * radius, reach.limitM);
  }
  if (c > initial) {
    s.sel.set(s.dist.subarray(0, c));
    selectInPlace(s.sel, 0, c - 1, initial - 1);
    radius = s.sel[initial - 1] as number;
  }
  return { c, radius };
}

/**
 * Rows for `households` (lon/lat given), each with its nearest agents (one per twelve of `initial`, at
 * least one) and its `initial` nearest tier-0 agents (ties kept; all of them within the limit when fewer).
 */
export function initialCandidates(
  reach: TierReach,
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
    radius0: [],
    agent: [],
    dist: [],
    measured: 0,
  };
  const s = scratchFor(reach.all.lon.length);
  const stamp = new Int32Array(reach.all.lon.length).fill(-1);
  for (const i of households) {
    const lo = lon[i] as number;
    const la = lat[i] as number;
    if (!(Number.isFinite(lo) && Number.isFinite(la))) continue;
    const near = nearest(reach.all, lo, la, Math.max(1, Math.round(initial / 12)), s, rows);
    if (near.c === 0) continue;
    const r = rows.household.length;
    const agent: number[] = [];
    const dist: number[] = [];
    for (let j = 0; j < near.c; j++) {
      if ((s.dist[j] as number) > near.radius) continue;
      agent.push(s.agent[j] as number);
      dist.push(s.dist[j] as number);
      stamp[s.agent[j] as number] = r;
    }
    let radius0 = near.radius;
    if (near.radius < reach.all.limitM) {
      const near0 = nearest(reach.tier0, lo, la, initial, s, rows);
      for (let j = 0; j < near0.c; j++) {
        const k = reach.agent[s.agent[j] as number] as number;
        if ((s.dist[j] as number) > near0.radius || stamp[k] === r) continue;
        agent.push(k);
        dist.push(s.dist[j] as number);
      }
      radius0 = Math.max(near0.radius, near.radius);
    }
    rows.household.push(i);
    rows.lon.push(lo);
    rows.lat.push(la);
    rows.radius.push(near.radius);
    rows.radius0.push(radius0);
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
