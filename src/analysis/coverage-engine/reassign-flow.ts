/**
 * Exact min-cost flow for the reassignment proposal (a transportation problem with two slot tiers).
 *
 * Network: row (household) → agent (one arc per candidate pair, cost = distance), agent → sink through
 * cap0[k] "tier 0" slots (the places below its minimum of families) and cap1[k] "tier 1" slots, and each
 * row → sink "unresolved". Costs are LEXICOGRAPHIC triples (unresolved, tier-1 slots, metres):
 *   row → agent (0, 0, d);  agent → sink (0, 0, 0) tier 0, (0, 1, 0) tier 1;  row → sink (1, 0, 0),
 * so a min-cost flow places as many rows as possible, then fills as many tier-0 slots as possible, then
 * minimises the total distance, with no big-M constant that could let one objective leak into another.
 * The two integer levels are packed exactly into one double, level1·2³² + level2 (both stay far below 2³¹
 * in magnitude: a node's potential is bounded by path sums of at most rows + agents arcs).
 *
 * Algorithm — successive shortest paths, one row at a time (the Hungarian method for transportation):
 * Dijkstra with node potentials (reduced costs ≥ 0) finds the cheapest augmenting path to the sink — a
 * free slot, a chain that shifts placed rows, or "unresolved", possibly displacing a costlier row — and
 * stops when the sink is settled; only settled nodes' potentials change. Every prefix is optimal, so the
 * final flow is optimal on the given arcs. Searches stay local (within the limit's reach of the row) except
 * for rows that end in a tier-1 slot or unresolved, which must first rule out every cheaper path.
 */

const LEVEL1 = 2 ** 32;
const TIER1_COST = 1;
export const UNRESOLVED_COST = LEVEL1;

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
  /** Tier-0 and tier-1 slots used per agent. */
  used0: Int32Array;
  used1: Int32Array;
  /** Node potentials (rows 0…R−1, agents R…R+A−1, sink R+A): packed integer levels, and metres. */
  piLevels: Float64Array;
  piMetres: Float64Array;
}

/** Binary min-heap of nodes keyed by (levels, metres), lexicographically, with lazy deletion. */
class PairHeap {
  k1 = new Float64Array(1024);
  k2 = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;
  private grow(): void {
    const n = this.size * 2;
    const k1 = new Float64Array(n);
    k1.set(this.k1);
    this.k1 = k1;
    const k2 = new Float64Array(n);
    k2.set(this.k2);
    this.k2 = k2;
    const nodes = new Int32Array(n);
    nodes.set(this.nodes);
    this.nodes = nodes;
  }
  push(a: number, b: number, node: number): void {
    if (this.size === this.k1.length) this.grow();
    const { k1, k2, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = k1[p] as number;
      if (pa < a || (pa === a && (k2[p] as number) <= b)) break;
      k1[i] = pa;
      k2[i] = k2[p] as number;
      nodes[i] = nodes[p] as number;
      i = p;
    }
    k1[i] = a;
    k2[i] = b;
    nodes[i] = node;
  }
  topA = 0;
  topB = 0;
  topNode = 0;
  /** Removes the minimum into topA / topB / topNode. */
  pop(): void {
    const { k1, k2, nodes } = this;
    this.topA = k1[0] as number;
    this.topB = k2[0] as number;
    this.topNode = nodes[0] as number;
    const last = --this.size;
    if (last === 0) return;
    const a = k1[last] as number;
    const b = k2[last] as number;
    const node = nodes[last] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const c2 = c + 1;
      if (
        c2 < last &&
        ((k1[c2] as number) < (k1[c] as number) ||
          ((k1[c2] as number) === (k1[c] as number) && (k2[c2] as number) < (k2[c] as number)))
      )
        c = c2;
      const ca = k1[c] as number;
      if (ca > a || (ca === a && (k2[c] as number) >= b)) break;
      k1[i] = ca;
      k2[i] = k2[c] as number;
      nodes[i] = nodes[c] as number;
      i = c;
    }
    k1[i] = a;
    k2[i] = b;
    nodes[i] = node;
  }
}

const UNRESOLVED = -1;
/** predArc of the sink when reached through a row's unresolved arc. */
const VIA_UNRESOLVED = -2;

/** Solves the flow on `g`, rows in `order` (any order gives an optimum; nearest-first is fastest). */
export function solveFlow(g: FlowGraph, order: ArrayLike<number>): FlowSolution {
  const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = g;
  const N = R + A + 1;
  const SINK = R + A;
  const rowEdge = new Int32Array(R).fill(UNRESOLVED);
  const rowSlot = new Int32Array(R);
  const slotStart = new Int32Array(A + 1);
  for (let k = 0; k < A; k++)
    slotStart[k + 1] = (slotStart[k] as number) + (cap0[k] as number) + (cap1[k] as number);
  const slots = new Int32Array(slotStart[A] as number);
  const slotCount = new Int32Array(A);
  const used0 = new Int32Array(A);
  const used1 = new Int32Array(A);
  const piL = new Float64Array(N);
  const piM = new Float64Array(N);
  const distL = new Float64Array(N);
  const distM = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const pred = new Int32Array(N);
  /** Agent node: the row arc used to reach it. Row: −1 (reverse arc). Sink: tier 0/1 or VIA_UNRESOLVED. */
  const predArc = new Int32Array(N);
  const settled: number[] = [];
  const heap = new PairHeap();
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
  /** Relaxes an arc into v with reduced cost (rl, rm); float noise below zero on the metres level is clamped. */
  const relax = (v: number, du: number, dm: number, rl: number, rm: number, from: number, arc: number) => {
    const nl = du + rl;
    const nm = dm + (rl === 0 && rm < 0 ? 0 : rm);
    if (seen[v] !== iter || nl < (distL[v] as number) || (nl === distL[v] && nm < (distM[v] as number))) {
      seen[v] = iter;
      distL[v] = nl;
      distM[v] = nm;
      pred[v] = from;
      predArc[v] = arc;
      heap.push(nl, nm, v);
    }
  };

  for (let o = 0; o < order.length; o++) {
    const r0 = order[o] as number;
    iter++;
    heap.size = 0;
    settled.length = 0;
    seen[r0] = iter;
    distL[r0] = 0;
    distM[r0] = 0;
    heap.push(0, 0, r0);
    let DL = Number.NaN;
    let DM = Number.NaN;
    while (heap.size > 0) {
      heap.pop();
      const u = heap.topNode;
      const dl = heap.topA;
      const dm = heap.topB;
      if (done[u] === iter || dl !== distL[u] || dm !== distM[u]) continue;
      done[u] = iter;
      settled.push(u);
      if (u === SINK) {
        DL = dl;
        DM = dm;
        break;
      }
      const pl = piL[u] as number;
      const pm = piM[u] as number;
      if (u < R) {
        const own = rowEdge[u] as number;
        for (let e = rowStart[u] as number; e < (rowStart[u + 1] as number); e++) {
          if (e === own) continue;
          const v = R + (edgeAgent[e] as number);
          relax(v, dl, dm, pl - (piL[v] as number), (edgeCost[e] as number) + pm - (piM[v] as number), u, e);
        }
        if (own !== UNRESOLVED || u === r0)
          relax(
            SINK,
            dl,
            dm,
            UNRESOLVED_COST + pl - (piL[SINK] as number),
            pm - (piM[SINK] as number),
            u,
            VIA_UNRESOLVED,
          );
      } else {
        const k = u - R;
        if ((used0[k] as number) < (cap0[k] as number)) {
          relax(SINK, dl, dm, pl - (piL[SINK] as number), pm - (piM[SINK] as number), u, 0);
        } else if ((used1[k] as number) < (cap1[k] as number)) {
          relax(SINK, dl, dm, TIER1_COST + pl - (piL[SINK] as number), pm - (piM[SINK] as number), u, 1);
        }
        const base = slotStart[k] as number;
        const cnt = slotCount[k] as number;
        for (let s = 0; s < cnt; s++) {
          const r = slots[base + s] as number;
          const e = rowEdge[r] as number;
          relax(
            r,
            dl,
            dm,
            pl - (piL[r] as number),
            -(edgeCost[e] as number) + pm - (piM[r] as number),
            u,
            -1,
          );
        }
      }
    }
    // Potentials: settled nodes closer than the sink move by (their distance − the sink's).
    for (const v of settled) {
      const vl = distL[v] as number;
      const vm = distM[v] as number;
      if (vl < DL || (vl === DL && vm < DM)) {
        piL[v] = (piL[v] as number) - (DL - vl);
        piM[v] = (piM[v] as number) - (DM - vm);
      }
    }
    // Augment, walking back from the sink.
    let u = pred[SINK] as number;
    const last = predArc[SINK] as number;
    if (last === VIA_UNRESOLVED) unplace(u);
    else if (last === 0) used0[u - R] = (used0[u - R] as number) + 1;
    else used1[u - R] = (used1[u - R] as number) + 1;
    let v = u;
    while (v !== r0) {
      u = pred[v] as number;
      // Agents are entered by forward row arcs; rows reached by reverse arcs are re-placed by their own.
      if (v >= R) place(u, predArc[v] as number);
      v = u;
    }
  }
  return { rowEdge, used0, used1, piLevels: piL, piMetres: piM };
}

/** Cost of the cheapest residual path from each node to the sink (packed levels, metres). */
export interface SinkDistances {
  levels: Float64Array;
  metres: Float64Array;
}

/**
 * Shortest residual path from every node to the sink: one Dijkstra from the sink over the residual arcs
 * reversed, with the solution's reduced costs (all ≥ 0), converted back to true costs.
 */
export function distancesToSink(g: FlowGraph, s: FlowSolution): SinkDistances {
  const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = g;
  const { rowEdge, used0, used1, piLevels: piL, piMetres: piM } = s;
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

/**
 * Whether the left-out arc row r → agent k (metres) could lower the flow's cost: d + δ(k) < δ(r), levels
 * first, metres beyond METRES_TOLERANCE. With potentials −δ every residual arc of an optimal flow has
 * reduced cost ≥ 0, so when no left-out arc improves, the flow is optimal on the graph with every arc
 * (linear-programming duality).
 */
export function arcImproves(d: SinkDistances, rows: number, r: number, k: number, metres: number): boolean {
  const v = rows + k;
  const kl = d.levels[v] as number;
  if (kl === Number.POSITIVE_INFINITY) return false;
  const rl = d.levels[r] as number;
  if (kl !== rl) return kl < rl;
  return metres + (d.metres[v] as number) < (d.metres[r] as number) - METRES_TOLERANCE;
}

/** Cost differences within this many metres count as equal (sums of distances carry ~1e-7 m of rounding). */
export const METRES_TOLERANCE = 1e-5;
