/** The candidate graph of the reassignment flow (CSR over rows) and its transpose (arcs into each agent). */

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

/** The arcs into agent k are inArc[inStart[k]] … inArc[inStart[k+1]−1]; arcRow[e] = the row of arc e. */
export interface ArcsIn {
  inStart: Int32Array;
  inArc: Int32Array;
  arcRow: Int32Array;
}

/** The arcs into each agent of `g`. */
export function transpose(g: FlowGraph): ArcsIn {
  const { rows: R, agents: A, rowStart, edgeAgent } = g;
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
  return { inStart, inArc, arcRow };
}
