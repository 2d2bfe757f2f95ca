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
import { FlowSearch } from './reassign-search';

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
export class FlowState extends FlowSearch {
  g: FlowGraph;
  /** Arc used by each row; −1 = unresolved (or not inserted). */
  readonly rowEdge: Int32Array;
  /** Tier-0 and tier-1 slots used per agent. */
  readonly used0: Int32Array;
  readonly used1: Int32Array;
  /** Rows whose unit is not in the flow (before insert, after remove). */
  private readonly out: Uint8Array;
  private readonly rowSlot: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotCount: Int32Array;
  /** Arcs into each agent (CSR over agents, arc ids), for the backward search; built on demand. */
  private transposed: ArcsIn | null = null;

  constructor(g: FlowGraph) {
    super(g.rows, g.agents);
    this.g = g;
    const R = g.rows;
    const A = g.agents;
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
  }

  /** Moves to `g2`, where each row has at least its arcs in the current graph (in any order). */
  rebind(g2: FlowGraph): void {
    for (let r = 0; r < this.R; r++) {
      const e = this.rowEdge[r] as number;
      if (e < 0) continue;
      const k = this.g.edgeAgent[e] as number;
      let e2 = g2.rowStart[r] as number;
      const end = g2.rowStart[r + 1] as number;
      while (e2 < end && g2.edgeAgent[e2] !== k) e2++;
      if (e2 === end) throw new RangeError('flow graph: a row lost the arc it uses');
      this.rowEdge[r] = e2;
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
          const rm = (edgeCost[e] as number) + pm - (piM[v] as number);
          this.relax(v, dl, dm, pl - (piL[v] as number), rm, u, e);
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
