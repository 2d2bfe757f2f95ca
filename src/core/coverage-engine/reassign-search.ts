/**
 * Dijkstra for the reassignment flow (reassign-flow.ts) and its prices (reassign-dual.ts): on reduced
 * costs — lexicographic pairs (packed integer levels, metres), all ≥ 0 under the flow's potentials — from
 * one node, until a target is settled or over everything reachable; then, for successive shortest paths,
 * the potential update that keeps every reduced cost ≥ 0.
 */
import { PairHeap } from './reassign-heap';

/** Expands node u, settled at (dl, dm), by relaxing its residual arcs (FlowSearch.relax). */
export type Expand = (u: number, dl: number, dm: number) => void;

export class FlowSearch {
  readonly R: number;
  readonly A: number;
  readonly SINK: number;
  /** Node potentials (rows 0…R−1, agents R…R+A−1, sink R+A): packed integer levels, and metres. */
  readonly piL: Float64Array;
  readonly piM: Float64Array;
  /** Distances of the last search (valid where seen = stamp). */
  readonly distL: Float64Array;
  readonly distM: Float64Array;
  readonly seen: Int32Array;
  stamp = 0;
  protected readonly done: Int32Array;
  protected readonly pred: Int32Array;
  /** How each node was reached (the flow's arc codes). */
  protected readonly predArc: Int32Array;
  protected readonly settled: number[] = [];
  protected readonly heap = new PairHeap();

  constructor(rows: number, agents: number) {
    const N = rows + agents + 1;
    this.R = rows;
    this.A = agents;
    this.SINK = rows + agents;
    this.piL = new Float64Array(N);
    this.piM = new Float64Array(N);
    this.distL = new Float64Array(N);
    this.distM = new Float64Array(N);
    this.seen = new Int32Array(N);
    this.done = new Int32Array(N);
    this.pred = new Int32Array(N);
    this.predArc = new Int32Array(N);
  }

  /** Relaxes a residual arc between `from` (settled at du, dm) and v with reduced cost (rl, rm). */
  relax(v: number, du: number, dm: number, rl: number, rm: number, from: number, arc: number): void {
    const nl = du + rl;
    // Float noise below zero on the metres level is clamped.
    const nm = dm + (rl === 0 && rm < 0 ? 0 : rm);
    const { distL, distM } = this;
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
  search(start: number, target: number, expand: Expand): void {
    const { heap, settled, distL, distM, done } = this;
    this.stamp++;
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

  /** Shifts each settled node's potential by its distance gap to the target (sign −1 forward, +1 backward). */
  protected reprice(sign: number): void {
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
}
