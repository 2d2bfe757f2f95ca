/**
 * Prices for the optimality check of the reassignment flow: the cost of the cheapest residual path from
 * each node to the sink.
 */
import { type FlowState, TIER1_COST, UNRESOLVED_COST } from './reassign-flow';

/** Cost of the cheapest residual path from each node to the sink (packed levels, metres). */
export interface SinkDistances {
  levels: Float64Array;
  metres: Float64Array;
}

/**
 * Shortest residual path from every node to the sink: one Dijkstra from the sink over the residual arcs
 * reversed (FlowState.search, with the flow's reduced costs, all ≥ 0), converted back to true costs.
 * These are the prices of the optimality check (reassign-candidates.ts).
 */
export function distancesToSink(s: FlowState): SinkDistances {
  const { rows: R, agents: A, edgeAgent, edgeCost, cap0, cap1 } = s.g;
  const { rowEdge, used0, used1, piL, piM } = s;
  const N = R + A + 1;
  const SINK = R + A;
  const { inStart, inArc, arcRow } = s.arcsIn();
  /** Relaxes arc u → v (v settled at vl, vm) with cost (cl, cm), in reduced terms. */
  const relax = (u: number, v: number, vl: number, vm: number, cl: number, cm: number) =>
    s.relax(
      u,
      vl,
      vm,
      cl + (piL[u] as number) - (piL[v] as number),
      cm + (piM[u] as number) - (piM[v] as number),
    );
  s.search(SINK, (v, vl, vm) => {
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
  });
  const dL = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const dM = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  for (let v = 0; v < N; v++) {
    if (s.seen[v] !== s.stamp) continue;
    dL[v] = (s.distL[v] as number) - (piL[v] as number) + (piL[SINK] as number);
    dM[v] = (s.distM[v] as number) - (piM[v] as number) + (piM[SINK] as number);
  }
  return { levels: dL, metres: dM };
}
