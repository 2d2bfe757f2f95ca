/**
 * The reassignment flow solved by the primal network simplex method (a transportation problem with two slot
 * tiers, see reassign-flow.ts for the network and its lexicographic costs).
 *
 * The method keeps a spanning tree of the network (rows, agents and the sink; every agent also has an
 * artificial arc to the sink, which no optimum uses) and node potentials that make every tree arc's reduced
 * cost zero. Each pivot brings in an arc whose reduced cost says the flow can get cheaper (block search over
 * the arcs), pushes flow round the cycle it closes and drops the arc that blocks it. The tree is kept strongly
 * feasible (the blocking arc is the last one met round the cycle from its top), which rules out cycling
 * through degenerate pivots, so the method ends, and it ends at an optimum: no arc can lower the cost, and
 * the potentials prove it (LP duality). The cycle's top is found by depths; after a pivot, the subtree that
 * hangs from the new arc gets its depths and potentials again from its parents (sums along tree paths, so
 * rounding never builds up from pivot to pivot).
 *
 * A row's arcs (to agents, and unresolved) have no upper bound: its supply of one unit bounds them anyway,
 * and so the arc that carries the unit can stay in the tree. Moving a household to another agent is then
 * one pivot (the new arc enters, the old one leaves empty), where with unit bounds it took two, the first
 * of them degenerate (about half as many pivots, measured on the 45 k demo at 10 km).
 *
 * Warm start: when the candidate graph grows by arcs (each row's new arcs after its old ones), `grown` keeps
 * the tree, flows and potentials, and the new arcs enter as any other. Arc costs are pairs (packed integer
 * levels, metres), compared lexicographically; metres within METRES_TOLERANCE count as equal.
 */
import { FlowState, METRES_TOLERANCE, TIER1_COST, UNRESOLVED_COST } from './reassign-flow';
import type { FlowGraph } from './reassign-graph';
import { SpanningTree } from './reassign-tree';

/** Dearer than any path of real arcs (whose levels stay below 2³⁵): no optimum keeps flow on one. */
const ARTIFICIAL_COST = 2 ** 40;
const UNBOUNDED = 2 ** 30;
/** Arcs per block of the pivot search, times √arcs (fewer pivots against more arcs priced per pivot). */
const BLOCK_FACTOR = 0.3;
const LOWER = 1;
const TREE = 0;
const UPPER = -1;

/** An optimal flow of a FlowGraph with its spanning tree (warm-startable). */
export class TransportSimplex {
  readonly g: FlowGraph;
  /** Graph arcs, then tier-0, tier-1 (agent → sink), unresolved (row → sink), artificial (agent → sink). */
  private readonly arcs: number;
  private readonly searched: number;
  private readonly source: Int32Array;
  private readonly target: Int32Array;
  private readonly cap: Int32Array;
  private readonly costL: Float64Array;
  private readonly costM: Float64Array;
  private readonly flow: Int32Array;
  private readonly state: Int8Array;
  private readonly tree: SpanningTree;
  private readonly block: number;
  private next = 0;
  private pivots = 0;
  /**
   * Far above what any graph takes (about one pivot per arc); ends a run that went wrong instead of freezing
   * its thread.
   */
  private readonly pivotLimit: number;

  /**
   * Starts from `previous`'s optimum (a graph whose rows each had a prefix of this one's arcs), else from
   * `rowArc` (each row's arc, −1 = unresolved; at most an agent's places on its arcs), else with every
   * row unresolved.
   */
  constructor(g: FlowGraph, previous?: TransportSimplex, rowArc?: Int32Array) {
    this.g = g;
    const { rows: R, agents: A } = g;
    const E = g.edgeAgent.length;
    const N = R + A + 1;
    this.searched = E + 2 * A + R;
    this.arcs = this.searched + A;
    const M = this.arcs;
    this.source = new Int32Array(M);
    this.target = new Int32Array(M);
    this.cap = new Int32Array(M);
    this.costL = new Float64Array(M);
    this.costM = new Float64Array(M);
    this.flow = new Int32Array(M);
    this.state = new Int8Array(M).fill(LOWER);
    this.tree = new SpanningTree(N, this.source, this.costL, this.costM);
    this.block = Math.max(10, Math.ceil(BLOCK_FACTOR * Math.sqrt(this.searched)));
    this.pivotLimit = 100 * this.arcs + 100_000;
    this.buildArcs();
    if (previous) this.takeTree(previous);
    else this.startTree(rowArc ?? new Int32Array(g.rows).fill(-1));
  }

  private buildArcs(): void {
    const { rows: R, agents: A, rowStart, edgeAgent, edgeCost, cap0, cap1 } = this.g;
    const { source, target, cap, costL, costM } = this;
    const E = edgeAgent.length;
    const SINK = R + A;
    for (let r = 0; r < R; r++) {
      for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
        source[e] = r;
        target[e] = R + (edgeAgent[e] as number);
        cap[e] = UNBOUNDED;
        costM[e] = edgeCost[e] as number;
      }
      const u = E + 2 * A + r;
      source[u] = r;
      target[u] = SINK;
      cap[u] = UNBOUNDED;
      costL[u] = UNRESOLVED_COST;
    }
    for (let k = 0; k < A; k++) {
      source[E + k] = R + k;
      target[E + k] = SINK;
      cap[E + k] = cap0[k] as number;
      source[E + A + k] = R + k;
      target[E + A + k] = SINK;
      cap[E + A + k] = cap1[k] as number;
      costL[E + A + k] = TIER1_COST;
    }
    for (let k = 0; k < A; k++) {
      const a = this.searched + k;
      source[a] = R + k;
      target[a] = SINK;
      cap[a] = UNBOUNDED;
      costL[a] = ARTIFICIAL_COST;
    }
  }

  /**
   * The starting tree, rooted at the sink, for the flow that puts row r on arc rowArc[r] (−1: unresolved),
   * filling each agent's tier-0 places first. A row hangs by the arc that carries its unit (unbounded), an
   * agent from the sink by the first of its tier-0, tier-1 and artificial arcs with room left. Every tree arc
   * can take more flow towards the sink: the tree is strongly feasible.
   */
  private startTree(rowArc: Int32Array): void {
    const { rows: R, agents: A, edgeAgent, cap0, cap1 } = this.g;
    const { flow, state } = this;
    const E = edgeAgent.length;
    const SINK = R + A;
    const used0 = new Int32Array(A);
    const used1 = new Int32Array(A);
    const placed = new Int32Array(R);
    for (let r = 0; r < R; r++) {
      const e = rowArc[r] as number;
      placed[r] = e >= 0 ? e : E + 2 * A + r;
      flow[placed[r] as number] = 1;
      if (e < 0) continue;
      const k = edgeAgent[e] as number;
      if ((used0[k] as number) < (cap0[k] as number)) used0[k] = (used0[k] as number) + 1;
      else if ((used1[k] as number) < (cap1[k] as number)) used1[k] = (used1[k] as number) + 1;
      else throw new RangeError('simplex: a start with more rows than places');
    }
    for (let k = 0; k < A; k++) {
      const t0 = E + k;
      const t1 = E + A + k;
      flow[t0] = used0[k] as number;
      flow[t1] = used1[k] as number;
      state[t0] = flow[t0] === 0 ? LOWER : UPPER;
      state[t1] = flow[t1] === 0 ? LOWER : UPPER;
      if ((used0[k] as number) < (cap0[k] as number)) this.hang(R + k, t0, SINK);
      else if ((used1[k] as number) < (cap1[k] as number)) this.hang(R + k, t1, SINK);
      else this.hang(R + k, this.searched + k, SINK);
    }
    for (let r = 0; r < R; r++) this.hang(r, placed[r] as number, this.target[placed[r] as number] as number);
  }

  /** Hangs node u from p (the sink or an agent) by arc a, which goes from u to p and has room. */
  private hang(u: number, a: number, p: number): void {
    this.state[a] = TREE;
    this.tree.hang(u, a, p);
  }

  /** The tree, flows and potentials of `p`, whose graph's rows each have a prefix of this graph's arcs. */
  private takeTree(p: TransportSimplex): void {
    if (this.g.rows !== p.g.rows) throw new RangeError('simplex: the grown graph has other rows');
    const { rowStart } = this.g;
    const old = p.g.rowStart;
    const oldE = p.g.edgeAgent.length;
    const shift = this.g.edgeAgent.length - oldE;
    // A row's arcs keep their place after its start; the arcs after the graph's move by the arcs added.
    const map = (e: number): number => {
      if (e < 0) return e;
      if (e >= oldE) return e + shift;
      const r = p.source[e] as number;
      return (rowStart[r] as number) + e - (old[r] as number);
    };
    for (let e = 0; e < p.arcs; e++) {
      const to = map(e);
      this.flow[to] = p.flow[e] as number;
      this.state[to] = p.state[e] as number;
    }
    this.tree.copy(p.tree, map);
  }

  /** A simplex on `g2` (this graph with more arcs per row) that starts from this one's optimum. */
  grown(g2: FlowGraph): TransportSimplex {
    return new TransportSimplex(g2, this);
  }

  /**
   * Pivots until no arc can lower the cost (true), or until `budget` pivots are made (false: call again to
   * go on from there).
   */
  solve(budget = Number.POSITIVE_INFINITY): boolean {
    const limit = this.pivotLimit;
    for (let made = 0; made < budget; made++) {
      const e = this.entering();
      if (e < 0) {
        for (let a = this.searched; a < this.arcs; a++)
          if (this.flow[a] !== 0) throw new Error('simplex: no feasible flow');
        return true;
      }
      this.pivot(e);
      if (++this.pivots > limit) throw new Error('simplex: no optimum within the pivot limit');
    }
    return false;
  }

  /**
   * Block search: the most violating arc of the first block that has one, from where the last search
   * stopped; −1 when no arc violates (the flow is optimal). The search goes row by row through the arcs to
   * agents (a row's potential read once for its arcs), then through the arcs into the sink.
   */
  private entering(): number {
    const { state, source, target, costL, costM, block } = this;
    const { piL, piM } = this.tree;
    const { rows: R, agents: A, rowStart, edgeAgent } = this.g;
    const E = edgeAgent.length;
    const SINK = R + A;
    const sinkL = piL[SINK] as number;
    const sinkM = piM[SINK] as number;
    // Units: rows 0…R−1, then each arc into the sink (tier 0, tier 1, unresolved).
    const units = R + this.searched - E;
    let bestL = 0;
    let bestM = -METRES_TOLERANCE;
    let best = -1;
    let seen = 0;
    let u = this.next;
    for (let left = units; left > 0; left--) {
      if (u < R) {
        const pl = piL[u] as number;
        const pm = piM[u] as number;
        const end = rowStart[u + 1] as number;
        for (let e = rowStart[u] as number; e < end; e++) {
          // A row's arc is in the tree or empty (its unit bounds it far below its capacity).
          if (state[e] === TREE) continue;
          const t = target[e] as number;
          const vl = pl - (piL[t] as number);
          if (vl > bestL) continue;
          const vm = (costM[e] as number) + pm - (piM[t] as number);
          if (vl < bestL || vm < bestM) {
            bestL = vl;
            bestM = vm;
            best = e;
          }
        }
        seen += end - (rowStart[u] as number);
      } else {
        const e = E + u - R;
        const st = state[e] as number;
        if (st !== TREE) {
          const s = source[e] as number;
          const vl = st * ((costL[e] as number) + (piL[s] as number) - sinkL);
          const vm = st * ((costM[e] as number) + (piM[s] as number) - sinkM);
          if (vl < bestL || (vl === bestL && vm < bestM)) {
            bestL = vl;
            bestM = vm;
            best = e;
          }
        }
        seen++;
      }
      if (++u === units) u = 0;
      if (seen >= block) {
        seen = 0;
        if (best >= 0) break;
      }
    }
    this.next = u;
    return best;
  }

  private pivot(inArc: number): void {
    const { flow, cap, state } = this;
    const { parent, pred, up } = this.tree;
    const first = state[inArc] === LOWER ? (this.source[inArc] as number) : (this.target[inArc] as number);
    const second =
      first === this.source[inArc] ? (this.target[inArc] as number) : (this.source[inArc] as number);
    const join = this.tree.join(first, second);
    // The blocking arc: the last one met round the cycle from the join (strongly feasible tree).
    let delta = cap[inArc] as number;
    let side = 0;
    let uOut = -1;
    for (let u = first; u !== join; u = parent[u] as number) {
      const e = pred[u] as number;
      const d = up[u] === 1 ? (flow[e] as number) : (cap[e] as number) - (flow[e] as number);
      if (d < delta) {
        delta = d;
        uOut = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u] as number) {
      const e = pred[u] as number;
      const d = up[u] === 1 ? (cap[e] as number) - (flow[e] as number) : (flow[e] as number);
      if (d <= delta) {
        delta = d;
        uOut = u;
        side = 2;
      }
    }
    if (delta > 0) {
      const val = (state[inArc] as number) * delta;
      flow[inArc] = (flow[inArc] as number) + val;
      for (let u = this.source[inArc] as number; u !== join; u = parent[u] as number)
        flow[pred[u] as number] = (flow[pred[u] as number] as number) - (up[u] as number) * val;
      for (let u = this.target[inArc] as number; u !== join; u = parent[u] as number)
        flow[pred[u] as number] = (flow[pred[u] as number] as number) + (up[u] as number) * val;
    }
    if (side === 0) {
      state[inArc] = -(state[inArc] as number);
      return;
    }
    const outArc = pred[uOut] as number;
    state[inArc] = TREE;
    state[outArc] = flow[outArc] === 0 ? LOWER : UPPER;
    const uIn = side === 1 ? first : second;
    this.tree.rehang(uIn, side === 1 ? second : first, inArc, uOut);
  }

  /** The optimum as the flow the optimality check reads: each row's arc, slots used, the potentials. */
  result(): FlowState {
    const { rows: R, agents: A, rowStart } = this.g;
    const E = this.g.edgeAgent.length;
    const rowEdge = new Int32Array(R).fill(-1);
    for (let r = 0; r < R; r++)
      for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++)
        if (this.flow[e] === 1) rowEdge[r] = e;
    return new FlowState(
      this.g,
      rowEdge,
      this.flow.slice(E, E + A),
      this.flow.slice(E + A, E + 2 * A),
      this.tree.piL,
      this.tree.piM,
    );
  }
}
