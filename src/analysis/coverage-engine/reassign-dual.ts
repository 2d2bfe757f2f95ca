/**
 * Prices for the optimality check of the reassignment flow: the cost of the cheapest residual path from
 * each node to the sink.
 */
import { type FlowState, TIER1_COST, UNRESOLVED_COST } from './reassign-flow';
import { PairHeap } from './reassign-heap';

/** Cost of the cheapest residual path from each node to the sink (packed levels, metres). */
export interface SinkDistances {
  levels: Float64Array;
  metres: Float64Array;
}

/**
 * Shortest residual path from every node to the sink: one Dijkstra from the sink over the residual arcs
 * reversed, with the flow's reduced costs (all ≥ 0), converted back to true costs. These are the prices
 * of the optimality check (reassign-candidates.ts).
 */
export function distancesToSink(s: FlowState): SinkDistances {
  const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = s.g;
  const { rowEdge, used0, used1, piL, piM } = s;
  const N = R + A + 1;
  const SINK = R + A;
  // Transpose: the arcs into each agent.
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
  const dL = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const dM = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(N);
  const heap = new PairHeap();
  /** Arc u → v (v settled at vl, vm) with cost (cl, cm). */
  const relax = (u: number, v: number, vl: number, vm: number, cl: number, cm: number) => {
    const rl = cl + (piL[u] as number) - (piL[v] as number);
    const rm = cm + (piM[u] as number) - (piM[v] as number);
    const nl = vl + rl;
    const nm = vm + (rl === 0 && rm < 0 ? 0 : rm);
    if (nl < (dL[u] as number) || (nl === dL[u] && nm < (dM[u] as number))) {
      dL[u] = nl;
      dM[u] = nm;
      heap.push(nl, nm, u);
    }
  };
  dL[SINK] = 0;
  dM[SINK] = 0;
  heap.push(0, 0, SINK);
  while (heap.size > 0) {
    heap.pop();
    const v = heap.topNode;
    const vl = heap.topA;
    const vm = heap.topB;
    if (done[v] || vl !== dL[v] || vm !== dM[v]) continue;
    done[v] = 1;
    if (v === SINK) {
      for (let k = 0; k < A; k++) {
        if ((used0[k] as number) < (cap0[k] as number)) relax(R + k, v, vl, vm, 0, 0);
        else if ((used1[k] as number) < (cap1[k] as number)) relax(R + k, v, vl, vm, TIER1_COST, 0);
      }
      for (let r = 0; r < R; r++) if ((rowEdge[r] as number) >= 0) relax(r, v, vl, vm, UNRESOLVED_COST, 0);
    } else if (v >= R) {
      const k = v - R;
      for (let j = inStart[k] as number; j < (inStart[k + 1] as number); j++) {
        const e = inArc[j] as number;
        const r = arcRow[e] as number;
        if (rowEdge[r] !== e) relax(r, v, vl, vm, 0, edgeCost[e] as number);
      }
    } else {
      const e = rowEdge[v] as number;
      if (e >= 0) relax(R + (edgeAgent[e] as number), v, vl, vm, 0, -(edgeCost[e] as number));
    }
  }
  for (let v = 0; v < N; v++) {
    dL[v] = (dL[v] as number) - (piL[v] as number) + (piL[SINK] as number);
    dM[v] = (dM[v] as number) - (piM[v] as number) + (piM[SINK] as number);
  }
  return { levels: dL, metres: dM };
}
