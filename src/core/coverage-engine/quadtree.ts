/**
 * Quadtree of precomputed candidate lists: the fast path of nearestAgents for many queries (≥ 100 per agent,
 * e.g. a million households), built lazily by nearest.ts and kept on the index.
 *
 * Each leaf is a square of the local plane holding the list of agents that can be the nearest agent of SOME
 * point in that square; a query jumps through a 256 × 256 lookup table, descends the last few levels to its
 * leaf, takes the planar-nearest candidate and settles the answer with haversine. A leaf holds ≈5
 * candidates, so a query costs a few planar distances and (almost always) one haversine — independent of
 * how far the nearest agent is (the grid scans ring after empty ring in the uplands): ≈80 ns per household
 * against ≈180 ns for the grid, for a build of ≈80 ms at 7,200 agents.
 *
 * Why a leaf's list is complete. Let U be the smallest, over the parent's candidates, of the farthest
 * distance from an agent to the square: every point of the square has an agent within U, so its planar-
 * nearest agent is within U, and (projection.ts, distortionRatio) its geodesically nearest agent within
 * ratio·U. Agents whose nearest distance to the square exceeds ratio·U can never win there. A child's
 * candidates are a subset of its parent's (the child lies inside the parent), so the tree is built top-down
 * by filtering lists: the root starts with every indexed agent, in ascending order, which lists keep.
 */
import { haversineToAgent, tieTolerance } from './projection';

/** What the tree needs from the agent index (nearest.ts). */
export interface TreeAgents {
  readonly indexed: Int32Array;
  readonly agentX: Float64Array;
  readonly agentY: Float64Array;
  readonly agentLon: Float64Array;
  readonly agentLat: Float64Array;
  readonly agentCos: Float64Array;
  readonly agentSin: Float64Array;
  readonly plane: { lon0: number; lat0: number; kx: number; ky: number };
}

export interface QuadTree {
  /** Root square (plane metres): centre and half side. */
  readonly rootX: number;
  readonly rootY: number;
  readonly rootHalf: number;
  /** Distortion ratio valid for every pair of points in the root square's latitude band. */
  readonly ratio: number;
  /** Per node: first of 4 children (> 0), or 0 for a leaf. Children are ordered (x ≥ cx) + 2·(y ≥ cy). */
  readonly child: Int32Array;
  /** Per node: the leaf's candidate range [candStart, candEnd) in the cand* arrays. */
  readonly candStart: Int32Array;
  readonly candEnd: Int32Array;
  readonly candAgent: Int32Array;
  readonly candX: Float64Array;
  readonly candY: Float64Array;
  /** Node at depth lutBits (or the leaf above it) for each cell of a 2^lutBits grid over the root square. */
  readonly lutBits: number;
  readonly lutNode: Int32Array;
  readonly stats: {
    nodes: number;
    leaves: number;
    maxLeafSize: number;
    meanLeafSize: number;
    depth: number;
    buildMs: number;
  };
}

const MAX_DEPTH = 24;
/** Leaves are not split below this half-size (metres): only exact duplicates stay together longer. */
const MIN_HALF_M = 0.05;
/** Splitting stops after this many levels without a shorter list (Voronoi vertices, duplicates). */
const STALL_LEVELS = 3;

/**
 * (ratio·d + 1e-7 m)² for a squared planar distance d²: the planar radius within which every agent whose
 * geodesic distance is within the tie tolerance of the best one must lie.
 */
export function padded2(d2: number, ratio: number): number {
  const r = Math.sqrt(d2) * ratio + 1e-7;
  return r * r;
}

/** Growable typed-array buffer. */
class Buf<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Reserves n slots and returns the first. */
  reserve(n: number): number {
    while (this.length + n > this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const i32 = (n: number): Int32Array => new Int32Array(n);
const f64 = (n: number): Float64Array => new Float64Array(n);

/**
 * Builds the tree over the square centred at (rootX, rootY) with half side rootHalf, in which `ratio`
 * holds. Every indexed agent must lie inside the square.
 */
export function buildQuadTree(
  agents: TreeAgents,
  rootX: number,
  rootY: number,
  rootHalf: number,
  ratio: number,
  leafSizeOption = 8,
): QuadTree {
  const t0 = performance.now();
  const { indexed, agentX, agentY } = agents;
  const leafSize = Math.max(1, leafSizeOption);
  const child = new Buf(i32(1024), i32);
  const candStart = new Buf(i32(1024), i32);
  const candEnd = new Buf(i32(1024), i32);
  const candAgent = new Buf(i32(4096), i32);
  const candX = new Buf(f64(4096), f64);
  const candY = new Buf(f64(4096), f64);
  let leaves = 0;
  let maxLeaf = 0;
  let maxDepth = 0;

  const newNodes = (k: number): number => {
    const at = child.reserve(k);
    candStart.reserve(k);
    candEnd.reserve(k);
    for (let j = 0; j < k; j++) {
      child.data[at + j] = 0;
      candStart.data[at + j] = 0;
      candEnd.data[at + j] = 0;
    }
    return at;
  };

  const build = (
    node: number,
    cx: number,
    cy: number,
    half: number,
    listAt: number,
    listLength: number,
    depth: number,
    stall: number,
  ): void => {
    // Lists live on one stack shared by the depth-first recursion: this node reads its parent's list at
    // [listAt, listAt + listLength) and writes its own right above the top (no allocation per node).
    if (stackTop + listLength > stack.length) {
      const grown = new Int32Array(Math.max(stack.length * 2, stackTop + listLength));
      grown.set(stack);
      stack = grown;
    }
    const st = stack;
    const listEnd = listAt + listLength;
    // U² = min over candidates of the squared farthest distance to the square.
    let u2 = Number.POSITIVE_INFINITY;
    for (let k = listAt; k < listEnd; k++) {
      const a = st[k] as number;
      const dx = Math.abs((agentX[a] as number) - cx) + half;
      const dy = Math.abs((agentY[a] as number) - cy) + half;
      const d2 = dx * dx + dy * dy;
      if (d2 < u2) u2 = d2;
    }
    const limit = padded2(u2, ratio);
    const base = stackTop;
    let kept = 0;
    for (let k = listAt; k < listEnd; k++) {
      const a = st[k] as number;
      const dx = Math.max(0, Math.abs((agentX[a] as number) - cx) - half);
      const dy = Math.max(0, Math.abs((agentY[a] as number) - cy) - half);
      if (dx * dx + dy * dy <= limit) st[base + kept++] = a;
    }
    if (depth > maxDepth) maxDepth = depth;
    // Splitting stalls near points equidistant to more than leafSize agents (Voronoi vertices, duplicates):
    // stop after STALL_LEVELS levels without a shorter list.
    const stalled = kept === listLength ? stall + 1 : 0;
    if (kept <= leafSize || depth >= MAX_DEPTH || half < MIN_HALF_M || stalled >= STALL_LEVELS) {
      candStart.data[node] = candAgent.length;
      for (let k = 0; k < kept; k++) {
        const a = st[base + k] as number;
        candAgent.push(a);
        candX.push(agentX[a] as number);
        candY.push(agentY[a] as number);
      }
      candEnd.data[node] = candAgent.length;
      leaves++;
      if (kept > maxLeaf) maxLeaf = kept;
      return;
    }
    stackTop = base + kept;
    const first = newNodes(4);
    child.data[node] = first;
    const q = half / 2;
    build(first, cx - q, cy - q, q, base, kept, depth + 1, stalled);
    build(first + 1, cx + q, cy - q, q, base, kept, depth + 1, stalled);
    build(first + 2, cx - q, cy + q, q, base, kept, depth + 1, stalled);
    build(first + 3, cx + q, cy + q, q, base, kept, depth + 1, stalled);
    stackTop = base;
  };

  newNodes(1);
  let stack = new Int32Array(Math.max(1024, indexed.length * 8));
  stack.set(indexed);
  let stackTop = indexed.length;
  build(0, rootX, rootY, rootHalf, 0, indexed.length, 0, 0);

  const nodes = child.length;
  const childArr = child.done();
  const lutNode = buildLut(childArr, rootX, rootY, rootHalf);
  return {
    rootX,
    rootY,
    rootHalf,
    ratio,
    child: childArr,
    candStart: candStart.done(),
    candEnd: candEnd.done(),
    candAgent: candAgent.done(),
    candX: candX.done(),
    candY: candY.done(),
    lutBits: LUT_BITS,
    lutNode,
    stats: {
      nodes,
      leaves,
      maxLeafSize: maxLeaf,
      meanLeafSize: leaves > 0 ? candAgent.length / leaves : 0,
      depth: maxDepth,
      buildMs: performance.now() - t0,
    },
  };
}

/**
 * Nearest agent of every point of lon/lat through the tree; a point outside the root square (or
 * without coordinates) is left to `other(i)`.
 */
export function quadTreeNearestInto(
  tree: QuadTree,
  agents: TreeAgents,
  lon: Float64Array,
  lat: Float64Array,
  outAgent: Int32Array,
  outDist: Float64Array,
  other: (i: number) => void,
): void {
  const { child, candStart, candEnd, candAgent, candX, candY, lutNode, lutBits, ratio } = tree;
  const { agentLon, agentLat, agentCos, agentSin } = agents;
  const { lon0, lat0, kx, ky } = agents.plane;
  const rootHalf = tree.rootHalf;
  const x0 = tree.rootX - rootHalf;
  const y0 = tree.rootY - rootHalf;
  const side = 1 << lutBits;
  const lutCell = (2 * rootHalf) / side;
  const lutScale = side / (2 * rootHalf);
  const gs = new Float64Array(Math.max(1, tree.stats.maxLeafSize));
  const n = lon.length;
  for (let i = 0; i < n; i++) {
    const lo = lon[i] as number;
    const la = lat[i] as number;
    const x = (lo - lon0) * kx;
    const y = (la - lat0) * ky;
    const fx = (x - x0) * lutScale;
    const fy = (y - y0) * lutScale;
    // Also false for NaN.
    if (!(fx >= 0 && fx <= side && fy >= 0 && fy <= side)) {
      other(i);
      continue;
    }
    // Jump to depth lutBits, then descend.
    const ix = fx < side ? Math.floor(fx) : side - 1;
    const iy = fy < side ? Math.floor(fy) : side - 1;
    const cell = iy * side + ix;
    let node = lutNode[cell] as number;
    let c = child[node] as number;
    if (c > 0) {
      let h = lutCell * 0.5;
      let cx = x0 + (ix + 0.5) * lutCell;
      let cy = y0 + (iy + 0.5) * lutCell;
      while (c > 0) {
        h *= 0.5;
        let q = 0;
        if (x >= cx) {
          cx += h;
          q = 1;
        } else cx -= h;
        if (y >= cy) {
          cy += h;
          q += 2;
        } else cy -= h;
        node = c + q;
        c = child[node] as number;
      }
    }
    const s = candStart[node] as number;
    const e = candEnd[node] as number;
    let best2 = Number.POSITIVE_INFINITY;
    let bestK = s;
    for (let k = s; k < e; k++) {
      const dx = (candX[k] as number) - x;
      const dy = (candY[k] as number) - y;
      const d2 = dx * dx + dy * dy;
      if (d2 < best2) {
        best2 = d2;
        bestK = k;
      }
    }
    const limit = padded2(best2, ratio);
    let inReach = 0;
    let minG = Number.POSITIVE_INFINITY;
    for (let k = s; k < e; k++) {
      if (k !== bestK) {
        const dx = (candX[k] as number) - x;
        const dy = (candY[k] as number) - y;
        if (dx * dx + dy * dy > limit) {
          gs[k - s] = Number.POSITIVE_INFINITY;
          continue;
        }
      }
      const a = candAgent[k] as number;
      const g = haversineToAgent(
        lo,
        la,
        agentLon[a] as number,
        agentLat[a] as number,
        agentCos[a] as number,
        agentSin[a] as number,
      );
      gs[k - s] = g;
      inReach++;
      if (g < minG) minG = g;
    }
    // Lists are in ascending agent order: the first within the tie tolerance is the lowest index.
    let pick = bestK;
    if (inReach > 1) {
      const tie = minG + tieTolerance(minG);
      for (let k = s; k < e; k++) {
        if ((gs[k - s] as number) <= tie) {
          pick = k;
          break;
        }
      }
    }
    outAgent[i] = candAgent[pick] as number;
    outDist[i] = gs[pick - s] as number;
  }
}

const LUT_BITS = 8;

/** Node at depth LUT_BITS (or the leaf above it) for every cell of a 2^LUT_BITS grid over the root square. */
function buildLut(child: Int32Array, rootX: number, rootY: number, rootHalf: number): Int32Array {
  const side = 1 << LUT_BITS;
  const node = new Int32Array(side * side);
  const cell = (2 * rootHalf) / side;
  for (let iy = 0; iy < side; iy++) {
    for (let ix = 0; ix < side; ix++) {
      // Descend with the cell's centre, the same comparisons a query makes.
      const x = rootX - rootHalf + (ix + 0.5) * cell;
      const y = rootY - rootHalf + (iy + 0.5) * cell;
      let nd = 0;
      let cx = rootX;
      let cy = rootY;
      let h = rootHalf;
      let d = 0;
      let c = child[0] as number;
      while (c > 0 && d < LUT_BITS) {
        h *= 0.5;
        let q = 0;
        if (x >= cx) {
          cx += h;
          q = 1;
        } else cx -= h;
        if (y >= cy) {
          cy += h;
          q += 2;
        } else cy -= h;
        nd = c + q;
        c = child[nd] as number;
        d++;
      }
      node[iy * side + ix] = nd;
    }
  }
  return node;
}
