/**
 * Least total distance for the reassignment proposal, given its first two objectives (reassign-levels.ts):
 * a min-cost flow, exact on the arcs it is given, with a certificate that reassign.ts checks against every
 * pair left out.
 *
 * Network: row (household) → agent, cost = distance in metres; agent → HUB0 (its tier-0 slots, the places
 * below its minimum of families) and agent → HUB1 (its other slots), cost 0; HUB0 → sink with capacity
 * F0 and HUB1 → sink with capacity F − F0 (the optimal counts); and each row → sink "unresolved" with cost
 * M, more than any set of real arcs can cost, so the optimum places F rows, F0 of them through tier-0
 * slots, at the least total distance. (A flow's tier labels may differ from "first places first" per agent,
 * but any flow placing F rows with F0 tier-0 labels really fills F0 places below the minimum: F0 is the
 * most possible, and labels never exceed the real count.)
 *
 * Algorithm — successive shortest paths, one row at a time (the Hungarian method for transportation):
 * Dijkstra with node potentials (reduced costs ≥ 0) finds the cheapest augmenting path to the sink — a free
 * slot, a chain that shifts placed rows, a relabelling of tiers through a hub, or "unresolved", possibly
 * displacing a costlier row — and stops when the sink is settled; only settled nodes' potentials change.
 * Every prefix is optimal, so the final flow is optimal on the given arcs.
 */
import FlatQueue from 'flatqueue';

export interface FlowGraph {
  rows: number;
  agents: number;
  /** CSR over rows: the arcs of row r are rowStart[r] … rowStart[r+1]−1. */
  rowStart: Int32Array;
  edgeAgent: Int32Array;
  /** Metres. */
  edgeCost: Float64Array;
  cap0: Int32Array;
  cap1: Int32Array;
}

export interface FlowSolution {
  /** Arc used by each row; −1 = unresolved. */
  rowEdge: Int32Array;
  /** Tier-0 and tier-1 labels per agent, and the flow through each hub. */
  used0: Int32Array;
  used1: Int32Array;
  hub0: number;
  hub1: number;
  /** Node potentials: rows 0…R−1, agents R…R+A−1, HUB0, HUB1, sink. */
  pi: Float64Array;
  /** Cost of the unresolved arc. */
  unresolvedCost: number;
}

const UNRESOLVED = -1;
/** predArc markers for arcs that are not row arcs. */
const VIA_UNRESOLVED = -2;
const VIA_HUB = -3;

/** Solves the flow on `g` with hub capacities f0 / f1, rows in `order` (nearest-first is fastest). */
export function solveFlow(
  g: FlowGraph,
  f0: number,
  f1: number,
  limitM: number,
  order: ArrayLike<number>,
): FlowSolution {
  const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = g;
  const HUB0 = R + A;
  const HUB1 = R + A + 1;
  const SINK = R + A + 2;
  const N = SINK + 1;
  const M = (R + 1) * (2 * limitM + 1) + 1;
  const rowEdge = new Int32Array(R).fill(UNRESOLVED);
  const rowSlot = new Int32Array(R);
  const slotStart = new Int32Array(A + 1);
  for (let k = 0; k < A; k++)
    slotStart[k + 1] = (slotStart[k] as number) + (cap0[k] as number) + (cap1[k] as number);
  const slots = new Int32Array(slotStart[A] as number);
  const slotCount = new Int32Array(A);
  const used0 = new Int32Array(A);
  const used1 = new Int32Array(A);
  let hub0 = 0;
  let hub1 = 0;
  const pi = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const pred = new Int32Array(N);
  const predArc = new Int32Array(N);
  const settled: number[] = [];
  const heap = new FlatQueue<number>();
  let iter = 0;

  const unplace = (r: number): void => {
    const e = rowEdge[r] as number;
    if (e < 0) return;
    const k = edgeAgent[e] as number;
    const base = slotStart[k] as number;
    const last = (slotCount[k] as number) - 1;
    const moved = slots[base + last] as number;
    slots[base + (rowSlot[r] as number)] = moved;
    rowSlot[moved] = rowSlot[r] as number;
    slotCount[k] = last;
    rowEdge[r] = UNRESOLVED;
  };
  const place = (r: number, e: number): void => {
    unplace(r);
    const k = edgeAgent[e] as number;
    const pos = slotCount[k] as number;
    slots[(slotStart[k] as number) + pos] = r;
    rowSlot[r] = pos;
    slotCount[k] = pos + 1;
    rowEdge[r] = e;
  };
  const relax = (v: number, nd: number, from: number, arc: number): void => {
    if (seen[v] !== iter || nd < (dist[v] as number)) {
      seen[v] = iter;
      dist[v] = nd;
      pred[v] = from;
      predArc[v] = arc;
      heap.push(v, nd);
    }
  };
  /** Reduced cost of u → v with cost c; float noise below zero is clamped. */
  const reduced = (c: number, u: number, v: number): number =>
    Math.max(0, c + (pi[u] as number) - (pi[v] as number));

  for (let o = 0; o < order.length; o++) {
    const r0 = order[o] as number;
    iter++;
    heap.clear();
    settled.length = 0;
    seen[r0] = iter;
    dist[r0] = 0;
    heap.push(r0, 0);
    let D = Number.NaN;
    while (heap.length > 0) {
      const d = heap.peekValue() as number;
      const u = heap.pop() as number;
      if (done[u] === iter || d !== dist[u]) continue;
      done[u] = iter;
      settled.push(u);
      if (u === SINK) {
        D = d;
        break;
      }
      if (u < R) {
        const own = rowEdge[u] as number;
        for (let e = rowStart[u] as number; e < (rowStart[u + 1] as number); e++) {
          if (e === own) continue;
          const v = R + (edgeAgent[e] as number);
          relax(v, d + reduced(edgeCost[e] as number, u, v), u, e);
        }
        if (own !== UNRESOLVED || u === r0) relax(SINK, d + reduced(M, u, SINK), u, VIA_UNRESOLVED);
      } else if (u < HUB0) {
        const k = u - R;
        if ((used0[k] as number) < (cap0[k] as number)) relax(HUB0, d + reduced(0, u, HUB0), u, VIA_HUB);
        if ((used1[k] as number) < (cap1[k] as number)) relax(HUB1, d + reduced(0, u, HUB1), u, VIA_HUB);
        const base = slotStart[k] as number;
        const cnt = slotCount[k] as number;
        for (let s = 0; s < cnt; s++) {
          const r = slots[base + s] as number;
          relax(r, d + reduced(-(edgeCost[rowEdge[r] as number] as number), u, r), u, -1);
        }
      } else {
        // A hub: on to the sink while it has room, or back to an agent whose label it can take over.
        const tier0 = u === HUB0;
        if ((tier0 ? hub0 : hub1) < (tier0 ? f0 : f1)) relax(SINK, d + reduced(0, u, SINK), u, VIA_HUB);
        const used = tier0 ? used0 : used1;
        for (let k = 0; k < A; k++) {
          if ((used[k] as number) > 0) relax(R + k, d + reduced(0, u, R + k), u, VIA_HUB);
        }
      }
    }
    for (const v of settled) {
      const dv = dist[v] as number;
      if (dv < D) pi[v] = (pi[v] as number) - (D - dv);
    }
    // Augment, walking back from the sink.
    let v = SINK;
    while (v !== r0) {
      const u = pred[v] as number;
      const arc = predArc[v] as number;
      if (v === SINK) {
        if (arc === VIA_UNRESOLVED) unplace(u);
        else if (u === HUB0) hub0++;
        else hub1++;
      } else if (v === HUB0 || v === HUB1) {
        const k = u - R;
        if (v === HUB0) used0[k] = (used0[k] as number) + 1;
        else used1[k] = (used1[k] as number) + 1;
      } else if (v >= R) {
        if (u === HUB0) used0[v - R] = (used0[v - R] as number) - 1;
        else if (u === HUB1) used1[v - R] = (used1[v - R] as number) - 1;
        else place(u, arc);
      }
      // Rows reached by a reverse arc are re-placed by their own forward arc (or left unresolved).
      v = u;
    }
  }
  return { rowEdge, used0, used1, hub0, hub1, pi, unresolvedCost: M };
}

/** Cheapest residual path from each node to the sink (metres; Infinity if none). */
export function distancesToSink(g: FlowGraph, s: FlowSolution, f0: number, f1: number): Float64Array {
  const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = g;
  const { rowEdge, used0, used1, pi } = s;
  const HUB0 = R + A;
  const HUB1 = R + A + 1;
  const SINK = R + A + 2;
  const N = SINK + 1;
  // Transpose: arcs into each agent.
  const inStart = new Int32Array(A + 1);
  for (let e = 0; e < edgeAgent.length; e++) {
    const k = (edgeAgent[e] as number) + 1;
    inStart[k] = (inStart[k] as number) + 1;
  }
  for (let k = 0; k < A; k++) inStart[k + 1] = (inStart[k + 1] as number) + (inStart[k] as number);
  const fill = inStart.slice(0, A);
  const inArc = new Int32Array(edgeAgent.length);
  const arcRow = new Int32Array(edgeAgent.length);
  for (let r = 0; r < R; r++) {
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      const k = edgeAgent[e] as number;
      const at = fill[k] as number;
      fill[k] = at + 1;
      inArc[at] = e;
      arcRow[e] = r;
    }
  }
  const d = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(N);
  const heap = new FlatQueue<number>();
  // Reduced costs (≥ 0) keep Dijkstra valid; converted back to metres at the end.
  const relax = (u: number, dv: number, c: number, v: number): void => {
    const nd = dv + Math.max(0, c + (pi[u] as number) - (pi[v] as number));
    if (nd < (d[u] as number)) {
      d[u] = nd;
      heap.push(u, nd);
    }
  };
  d[SINK] = 0;
  heap.push(SINK, 0);
  while (heap.length > 0) {
    const dv = heap.peekValue() as number;
    const v = heap.pop() as number;
    if (done[v] || dv !== d[v]) continue;
    done[v] = 1;
    if (v === SINK) {
      if (s.hub0 < f0) relax(HUB0, dv, 0, v);
      if (s.hub1 < f1) relax(HUB1, dv, 0, v);
      for (let r = 0; r < R; r++) if ((rowEdge[r] as number) >= 0) relax(r, dv, s.unresolvedCost, v);
    } else if (v === HUB0 || v === HUB1) {
      const used = v === HUB0 ? used0 : used1;
      const cap = v === HUB0 ? cap0 : cap1;
      for (let k = 0; k < A; k++) if ((used[k] as number) < (cap[k] as number)) relax(R + k, dv, 0, v);
    } else if (v >= R) {
      const k = v - R;
      for (let j = inStart[k] as number; j < (inStart[k + 1] as number); j++) {
        const e = inArc[j] as number;
        const r = arcRow[e] as number;
        if (rowEdge[r] !== e) relax(r, dv, edgeCost[e] as number, v);
      }
      if ((used0[k] as number) > 0) relax(HUB0, dv, 0, v);
      if ((used1[k] as number) > 0) relax(HUB1, dv, 0, v);
    } else {
      const e = rowEdge[v] as number;
      if (e >= 0) relax(R + (edgeAgent[e] as number), dv, -(edgeCost[e] as number), v);
    }
  }
  for (let v = 0; v < N; v++) d[v] = (d[v] as number) - (pi[v] as number) + (pi[SINK] as number);
  return d;
}

/**
 * Whether the left-out arc row r → agent k (metres) could lower the flow's cost: d + δ(k) < δ(r). With
 * potentials −δ every residual arc of an optimal flow has reduced cost ≥ 0, so when no left-out arc
 * improves, the flow is optimal on the graph with every arc (linear-programming duality).
 */
export function arcImproves(
  toSink: Float64Array,
  rows: number,
  r: number,
  k: number,
  metres: number,
): boolean {
  return metres + (toSink[rows + k] as number) < (toSink[r] as number) - METRES_TOLERANCE;
}

/** Cost differences within this many metres count as equal (sums of distances carry ~1e-7 m of rounding). */
export const METRES_TOLERANCE = 1e-5;
