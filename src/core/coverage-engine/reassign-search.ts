/**
 * Dijkstra for the prices of the reassignment flow's optimality check (reassign-dual.ts): on reduced
 * costs — lexicographic pairs (packed integer levels, metres), all ≥ 0 under the flow's potentials — from
 * one node over everything it reaches.
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
  private readonly done: Int32Array;
  private readonly heap = new PairHeap();

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
  }

  /** Relaxes a residual arc into v from a node settled at (du, dm), with reduced cost (rl, rm). */
  relax(v: number, du: number, dm: number, rl: number, rm: number): void {
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
      this.heap.push(nl, nm, v);
    }
  }

  /** Dijkstra on reduced costs from `start` over every node it reaches; `expand` relaxes a settled node's arcs. */
  search(start: number, expand: Expand): void {
    const { heap, distL, distM, done } = this;
    this.stamp++;
    heap.size = 0;
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
      expand(u, dl, dm);
    }
  }
}
