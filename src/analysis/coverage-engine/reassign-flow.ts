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
 *
 * Warm start (when the candidate graph grows): a row that gets new arcs is first REMOVED — its unit is
 * cancelled along the cheapest residual path from the sink to it (Dijkstra backwards from the row), which
 * keeps the flow optimal for the remaining rows (the same successive-shortest-path argument, run in
 * reverse) — then its arcs are added (it has no incoming residual arc, so its potential can be set to
 * make them all non-negative) and it is inserted again like any row.
 */

import { type ArcsIn, type FlowGraph, transpose } from './reassign-graph';
import { PairHeap } from './reassign-heap';

export type { ArcsIn, FlowGraph } from './reassign-graph';

const LEVEL1 = 2 ** 32;
export const TIER1_COST = 1;
export const UNRESOLVED_COST = LEVEL1;

/** Cost differences within this many metres count as equal (sums of distances carry ~1e-7 m of rounding). */
export const METRES_TOLERANCE = 1e-5;

const UNRESOLVED = -1;
/** predArc of the sink when reached through a row's unresolved arc. */
const VIA_UNRESOLVED = -2;

/** An optimal flow on a graph (rows inserted so far), with the potentials that prove it. */
export class FlowState {
  g: FlowGraph;
  readonly R: number;
  readonly A: number;
  readonly SINK: number;
  /** Arc used by each row; −1 = unresolved (or not inserted). */
  readonly rowEdge: Int32Array;
  /** Tier-0 and tier-1 slots used per agent. */
  readonly used0: Int32Array;
  readonly used1: Int32Array;
  /** Node potentials (rows 0…R−1, agents R…R+A−1, sink R+A): packed integer levels, and metres. */
  readonly piL: Float64Array;
  readonly piM: Float64Array;
  /** Rows whose unit is not in the flow (before insert, after remove). */
  private readonly out: Uint8Array;
  private readonly rowSlot: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotCount: Int32Array;
  /** Distances of the last search (valid where seen = stamp). */
  readonly distL: Float64Array;
  readonly distM: Float64Array;
  readonly seen: Int32Array;
  stamp = 0;
  private readonly done: Int32Array;
  private readonly pred: Int32Array;
  /** Agent node: the row arc used to reach it. Row: −1 (reverse arc). Sink: tier 0/1 or VIA_UNRESOLVED. */
  private readonly predArc: Int32Array;
  private readonly settled: number[] = [];
  private readonly heap = new PairHeap();
  private target = -1;
  /** Arcs into each agent (CSR over agents, arc ids), for the backward search; built on demand. */
  private transposed: ArcsIn | null = null;

  constructor(g: FlowGraph) {
    this.g = g;
    const R = g.rows;
    const A = g.agents;
    const N = R + A + 1;
    this.R = R;
    this.A = A;
    this.SINK = R + A;
    this.rowEdge = new Int32Array(R).fill(UNRESOLVED);
    this.out = new Uint8Array(R).fill(1);
    this.rowSlot = new Int32Array(R);
    this.slotStart = new Int32Array(A + 1);
    for (let k = 0; k < A; k++)
      this.slotStart[k + 1] = (this.slotStart[k] as number) + (g.cap0[k] as number) + (g.cap1[k] as number);
    this.slots = new Int32Array(this.slotStart[A] as number);
    this.slotCount = new Int32Array(A);
    this.used0 = new Int32Array(A);
    this.used1 = new Int32Array(A);
    this.piL = new Float64Array(N);
    this.piM = new Float64Array(N);
    this.distL = new Float64Array(N);
    this.distM = new Float64Array(N);
    this.seen = new Int32Array(N);
    this.done = new Int32Array(N);
    this.pred = new Int32Array(N);
    this.predArc = new Int32Array(N);
  }

  /** Moves to `g2`, whose arcs of each row begin with that row's arcs in the current graph. */
  rebind(g2: FlowGraph): void {
    const old = this.g.rowStart;
    for (let r = 0; r < this.R; r++) {
      const e = this.rowEdge[r] as number;
      if (e >= 0) this.rowEdge[r] = (g2.rowStart[r] as number) + e - (old[r] as number);
    }
    this.g = g2;
    this.transposed = null;
  }

  /** Lowest potential that makes every arc out of row r (not in the flow) non-negative. */
  priceRow(r: number): void {
    const { rowStart, edgeAgent, edgeCost } = this.g;
    let bl = (this.piL[this.SINK] as number) - UNRESOLVED_COST;
    let bm = this.piM[this.SINK] as number;
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      const v = this.R + (edgeAgent[e] as number);
      const l = this.piL[v] as number;
      const m = (this.piM[v] as number) - (edgeCost[e] as number);
      if (l > bl || (l === bl && m > bm)) {
        bl = l;
        bm = m;
      }
    }
    this.piL[r] = bl;
    this.piM[r] = bm;
  }

  private unplace(r: number): void {
    const e = this.rowEdge[r] as number;
    if (e < 0) return;
    const k = this.g.edgeAgent[e] as number;
    const base = this.slotStart[k] as number;
    const last = (this.slotCount[k] as number) - 1;
    const moved = this.slots[base + last] as number;
    this.slots[base + (this.rowSlot[r] as number)] = moved;
    this.rowSlot[moved] = this.rowSlot[r] as number;
    this.slotCount[k] = last;
    this.rowEdge[r] = UNRESOLVED;
  }

  private place(r: number, e: number): void {
    this.unplace(r);
    const k = this.g.edgeAgent[e] as number;
    const pos = this.slotCount[k] as number;
    this.slots[(this.slotStart[k] as number) + pos] = r;
    this.rowSlot[r] = pos;
    this.slotCount[k] = pos + 1;
    this.rowEdge[r] = e;
  }

  /** Relaxes a residual arc between `from` (settled at du, dm) and v with reduced cost (rl, rm). */
  relax(v: number, du: number, dm: number, rl: number, rm: number, from: number, arc: number): void {
    const nl = du + rl;
    // Float noise below zero on the metres level is clamped.
    const nm = dm + (rl === 0 && rm < 0 ? 0 : rm);
    const { distL, distM } = this;
    // A label no better than the target's cannot lie on a cheaper path to it (reduced costs are ≥ 0).
    const t = this.target;
    if (t >= 0 && v !== t && this.seen[t] === this.stamp) {
      const tl = distL[t] as number;
      if (nl > tl || (nl === tl && nm >= (distM[t] as number))) return;
    }
    if (
      this.seen[v] !== this.stamp ||
      nl < (distL[v] as number) ||
      (nl === distL[v] && nm < (distM[v] as number))
    ) {
      this.seen[v] = this.stamp;
      distL[v] = nl;
      distM[v] = nm;
      this.pred[v] = from;
      this.predArc[v] = arc;
      this.heap.push(nl, nm, v);
    }
  }

  /**
   * Dijkstra on reduced costs from `start` until `target` is settled (its distance is then in the heap's
   * topA/topB), or over every node it reaches when target < 0; `expand` relaxes a settled node's arcs
   * (residual arcs out of it in a forward search, into it in a backward one).
   */
  search(start: number, target: number, expand: (u: number, dl: number, dm: number) => void): void {
    const { heap, settled, distL, distM, done } = this;
    this.stamp++;
    this.target = target;
    heap.size = 0;
    settled.length = 0;
    this.seen[start] = this.stamp;
    distL[start] = 0;
    distM[start] = 0;
    heap.push(0, 0, start);
    while (heap.size > 0) {
      heap.pop();
      const u = heap.topNode;
      const dl = heap.topA;
      const dm = heap.topB;
      if (done[u] === this.stamp || dl !== distL[u] || dm !== distM[u]) continue;
      done[u] = this.stamp;
      settled.push(u);
      if (u === target) return;
      expand(u, dl, dm);
    }
    if (target >= 0) throw new Error('flow: target unreachable');
  }

  /** Adds settled nodes' distance gaps to the target (sign −1: forward search, +1: backward). */
  private reprice(sign: number): void {
    const { distL, distM, piL, piM } = this;
    const DL = this.heap.topA;
    const DM = this.heap.topB;
    for (const v of this.settled) {
      const vl = distL[v] as number;
      const vm = distM[v] as number;
      if (vl < DL || (vl === DL && vm < DM)) {
        piL[v] = (piL[v] as number) + sign * (DL - vl);
        piM[v] = (piM[v] as number) + sign * (DM - vm);
      }
    }
  }

  /** Routes row r0's unit along the cheapest augmenting path (r0 must be out of the flow, and priced). */
  insert(r0: number): void {
    const { R, SINK, piL, piM, rowEdge, used0, used1 } = this;
    const { rowStart, edgeAgent, edgeCost, cap0, cap1 } = this.g;
    this.out[r0] = 0;
    this.search(r0, SINK, (u, dl, dm) => {
      const pl = piL[u] as number;
      const pm = piM[u] as number;
      if (u < R) {
        const own = rowEdge[u] as number;
        for (let e = rowStart[u] as number; e < (rowStart[u + 1] as number); e++) {
          if (e === own) continue;
          const v = R + (edgeAgent[e] as number);
          this.relax(
            v,
            dl,
            dm,
            pl - (piL[v] as number),
            (edgeCost[e] as number) + pm - (piM[v] as number),
            u,
            e,
          );
        }
        if (own !== UNRESOLVED || u === r0) {
          const rl = UNRESOLVED_COST + pl - (piL[SINK] as number);
          this.relax(SINK, dl, dm, rl, pm - (piM[SINK] as number), u, VIA_UNRESOLVED);
        }
        return;
      }
      const k = u - R;
      if ((used0[k] as number) < (cap0[k] as number)) {
        this.relax(SINK, dl, dm, pl - (piL[SINK] as number), pm - (piM[SINK] as number), u, 0);
      } else if ((used1[k] as number) < (cap1[k] as number)) {
        this.relax(SINK, dl, dm, TIER1_COST + pl - (piL[SINK] as number), pm - (piM[SINK] as number), u, 1);
      }
      const base = this.slotStart[k] as number;
      const cnt = this.slotCount[k] as number;
      for (let s = 0; s < cnt; s++) {
        const r = this.slots[base + s] as number;
        const e = rowEdge[r] as number;
        this.relax(
          r,
          dl,
          dm,
          pl - (piL[r] as number),
          -(edgeCost[e] as number) + pm - (piM[r] as number),
          u,
          -1,
        );
      }
    });
    this.reprice(-1);
    // Augment, walking back from the sink.
    let u = this.pred[SINK] as number;
    const last = this.predArc[SINK] as number;
    if (last === VIA_UNRESOLVED) this.unplace(u);
    else if (last === 0) used0[u - R] = (used0[u - R] as number) + 1;
    else used1[u - R] = (used1[u - R] as number) + 1;
    let v = u;
    while (v !== r0) {
      u = this.pred[v] as number;
      // Agents are entered by forward row arcs; rows reached by reverse arcs are re-placed by their own.
      if (v >= R) this.place(u, this.predArc[v] as number);
      v = u;
    }
  }

  /**
   * Takes row r's unit out of the flow along the cheapest residual path from the sink to r (searched
   * backwards from r), so that the flow stays optimal for the rows left in it.
   */
  remove(r: number): void {
    const { R, SINK, piL, piM, rowEdge, used0, used1, out } = this;
    const { edgeAgent, edgeCost } = this.g;
    const { inStart, inArc, arcRow } = this.arcsIn();
    // Backward: at v, relax every residual arc u → v into u (pred = the next node towards r).
    this.search(r, SINK, (v, dl, dm) => {
      const pv = piL[v] as number;
      const qv = piM[v] as number;
      if (v < R) {
        if (out[v]) return;
        const e = rowEdge[v] as number;
        if (e >= 0) {
          const u = R + (edgeAgent[e] as number);
          this.relax(
            u,
            dl,
            dm,
            (piL[u] as number) - pv,
            -(edgeCost[e] as number) + (piM[u] as number) - qv,
            v,
            -1,
          );
        } else {
          this.relax(
            SINK,
            dl,
            dm,
            -UNRESOLVED_COST + (piL[SINK] as number) - pv,
            (piM[SINK] as number) - qv,
            v,
            VIA_UNRESOLVED,
          );
        }
        return;
      }
      const k = v - R;
      for (let j = inStart[k] as number; j < (inStart[k + 1] as number); j++) {
        const e = inArc[j] as number;
        const u = arcRow[e] as number;
        if (rowEdge[u] === e || out[u]) continue;
        this.relax(
          u,
          dl,
          dm,
          (piL[u] as number) - pv,
          (edgeCost[e] as number) + (piM[u] as number) - qv,
          v,
          e,
        );
      }
      const tier = (used1[k] as number) > 0 ? 1 : (used0[k] as number) > 0 ? 0 : -1;
      if (tier >= 0) {
        const rl = -(tier === 1 ? TIER1_COST : 0) + (piL[SINK] as number) - pv;
        this.relax(SINK, dl, dm, rl, (piM[SINK] as number) - qv, v, tier);
      }
    });
    this.reprice(1);
    // Augment: r leaves first, then each row on the way joins the agent after it (nearest r first, so no
    // agent holds more rows than places at any moment).
    const first = this.pred[SINK] as number;
    const tier = this.predArc[SINK] as number;
    if (first >= R) {
      if (tier === 1) used1[first - R] = (used1[first - R] as number) - 1;
      else used0[first - R] = (used0[first - R] as number) - 1;
    }
    const path: number[] = [];
    for (let u = first; u !== r; u = this.pred[u] as number) if (u < R) path.push(u);
    this.unplace(r);
    for (let j = path.length - 1; j >= 0; j--) {
      const u = path[j] as number;
      this.place(u, this.predArc[u] as number);
    }
    out[r] = 1;
  }

  /** The arcs into each agent (built once per graph). */
  arcsIn(): ArcsIn {
    this.transposed ??= transpose(this.g);
    return this.transposed;
  }
}
