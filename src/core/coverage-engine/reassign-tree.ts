/**
 * The spanning tree of the reassignment network simplex (reassign-simplex.ts), rooted at the sink: each
 * node's parent and the arc to it, depths (to find a cycle's top), children (to walk a subtree) and the
 * node potentials the tree defines — every tree arc's reduced cost is zero, so a node's potential is its
 * parent's minus the cost of an arc going up, plus the cost of an arc coming down.
 */

export class SpanningTree {
  readonly parent: Int32Array;
  /** The arc joining each node to its parent (−1 at the root). */
  readonly pred: Int32Array;
  /** 1 when pred[u] goes from u to its parent, −1 when from the parent to u. */
  readonly up: Int8Array;
  readonly depth: Int32Array;
  readonly piL: Float64Array;
  readonly piM: Float64Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly prevSibling: Int32Array;
  private readonly stack: Int32Array;

  /** A tree of one root (the last node) over arcs with these sources and cost pairs; hang the others. */
  constructor(
    nodes: number,
    private readonly source: Int32Array,
    private readonly costL: Float64Array,
    private readonly costM: Float64Array,
  ) {
    this.parent = new Int32Array(nodes).fill(-1);
    this.pred = new Int32Array(nodes).fill(-1);
    this.up = new Int8Array(nodes);
    this.depth = new Int32Array(nodes);
    this.piL = new Float64Array(nodes);
    this.piM = new Float64Array(nodes);
    this.firstChild = new Int32Array(nodes).fill(-1);
    this.nextSibling = new Int32Array(nodes).fill(-1);
    this.prevSibling = new Int32Array(nodes).fill(-1);
    this.stack = new Int32Array(nodes);
  }

  /** Hangs node u from p (already in the tree) by arc a, which goes from u to p. */
  hang(u: number, a: number, p: number): void {
    this.parent[u] = p;
    this.pred[u] = a;
    this.up[u] = 1;
    this.depth[u] = (this.depth[p] as number) + 1;
    this.attach(u, p);
    this.piL[u] = (this.piL[p] as number) - (this.costL[a] as number);
    this.piM[u] = (this.piM[p] as number) - (this.costM[a] as number);
  }

  /** The same tree as `t`, with each arc id x renamed to arc(x). */
  copy(t: SpanningTree, arc: (x: number) => number): void {
    for (let u = 0; u < this.pred.length; u++) this.pred[u] = arc(t.pred[u] as number);
    this.parent.set(t.parent);
    this.up.set(t.up);
    this.depth.set(t.depth);
    this.piL.set(t.piL);
    this.piM.set(t.piM);
    this.firstChild.set(t.firstChild);
    this.nextSibling.set(t.nextSibling);
    this.prevSibling.set(t.prevSibling);
  }

  /** The top of the cycle that an arc between u and v closes. */
  join(u: number, v: number): number {
    const { parent, depth } = this;
    while (u !== v) {
      const du = depth[u] as number;
      const dv = depth[v] as number;
      if (du >= dv) u = parent[u] as number;
      if (dv >= du) v = parent[v] as number;
    }
    return u;
  }

  /**
   * Swaps tree arc pred[uOut] for arc `inArc` between uIn (in the subtree of uOut) and vIn (outside it):
   * the path uIn … uOut turns round and the subtree hangs from vIn; its depths and potentials follow.
   */
  rehang(uIn: number, vIn: number, inArc: number, uOut: number): void {
    const { parent, pred, up, source } = this;
    let w = uIn;
    let newParent = vIn;
    let newPred = inArc;
    for (;;) {
      const oldParent = parent[w] as number;
      const oldPred = pred[w] as number;
      this.detach(w);
      this.attach(w, newParent);
      parent[w] = newParent;
      pred[w] = newPred;
      up[w] = source[newPred] === w ? 1 : -1;
      if (w === uOut) break;
      newParent = w;
      newPred = oldPred;
      w = oldParent;
    }
    this.refresh(uIn);
  }

  /** Depths and potentials of the subtree of u, each from its parent's (no rounding carried over). */
  private refresh(u: number): void {
    const { parent, pred, up, depth, piL, piM, costL, costM, firstChild, nextSibling, stack } = this;
    let n = 0;
    stack[n++] = u;
    while (n > 0) {
      const v = stack[--n] as number;
      const p = parent[v] as number;
      const e = pred[v] as number;
      const sign = -(up[v] as number);
      depth[v] = (depth[p] as number) + 1;
      piL[v] = (piL[p] as number) + sign * (costL[e] as number);
      piM[v] = (piM[p] as number) + sign * (costM[e] as number);
      for (let c = firstChild[v] as number; c >= 0; c = nextSibling[c] as number) stack[n++] = c;
    }
  }

  private attach(u: number, p: number): void {
    const head = this.firstChild[p] as number;
    this.nextSibling[u] = head;
    this.prevSibling[u] = -1;
    if (head >= 0) this.prevSibling[head] = u;
    this.firstChild[p] = u;
  }

  private detach(u: number): void {
    const prev = this.prevSibling[u] as number;
    const next = this.nextSibling[u] as number;
    if (prev >= 0) this.nextSibling[prev] = next;
    else this.firstChild[this.parent[u] as number] = next;
    if (next >= 0) this.prevSibling[next] = prev;
  }
}
