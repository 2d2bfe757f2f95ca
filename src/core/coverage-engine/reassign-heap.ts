/**
 * Four-ary min-heap of graph nodes keyed by a pair (levels, metres), compared lexicographically. Lazy
 * deletion: a node may be pushed again with a smaller key; callers skip the stale entries.
 */
export class PairHeap {
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
      const p = (i - 1) >> 2;
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
      const first = 4 * i + 1;
      if (first >= last) break;
      // The smallest of up to four children.
      let c = first;
      let ca = k1[c] as number;
      let cb = k2[c] as number;
      const end = Math.min(first + 4, last);
      for (let j = first + 1; j < end; j++) {
        const ja = k1[j] as number;
        if (ja < ca || (ja === ca && (k2[j] as number) < cb)) {
          c = j;
          ca = ja;
          cb = k2[j] as number;
        }
      }
      if (ca > a || (ca === a && cb >= b)) break;
      k1[i] = ca;
      k2[i] = cb;
      nodes[i] = nodes[c] as number;
      i = c;
    }
    k1[i] = a;
    k2[i] = b;
    nodes[i] = node;
  }
}
