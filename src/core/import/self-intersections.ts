/**
 * Where the rings of a polygon cross themselves or each other, found by a sweep over x: the edges are sorted by
 * their left end, and each edge is tested only against the edges whose x-range overlaps it (those still "open" on
 * the sweep line) and whose y-range overlaps it too. Two neighbouring edges of a ring (they share a vertex) are not
 * a crossing; touching, crossing and overlapping edges are.
 *
 * Bounded by design, unlike turf.kinks (every pair of edges, every crossing kept: O(n²) time, and an 8,001-vertex
 * star gives ≈ 32 M crossing points, which exhausts memory):
 * - the search stops after `maxCrossings` crossings;
 * - the number of edge pairs tested is limited by a budget shared by the calls of one file; when it runs out
 *   before a crossing is found, the answer is "not checked" (`complete: false`), never a guess.
 */
import type { Position } from 'geojson';

export interface CrossingSearch {
  /** Crossing points found (at most maxCrossings), in sweep order. */
  points: [number, number][];
  /** False when the budget ran out before the search ended: no crossing found, but not proven absent. */
  complete: boolean;
}

/** Edge pairs (both open on the sweep line) one file may look at in total (≈ 1 s in a browser). */
export const PAIR_TEST_BUDGET = 50_000_000;

/** A budget shared by the polygons of one file. */
export interface PairBudget {
  left: number;
}

export const newBudget = (pairs = PAIR_TEST_BUDGET): PairBudget => ({ left: pairs });

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};

/** c lies within the bounding box of a–b (for collinear points). */
const within = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** The point where segments p1–p2 and p3–p4 meet, or null when they do not. */
export function segmentMeet(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): [number, number] | null {
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const den = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
    const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / den;
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  }
  if (d1 === 0 && within(x3, y3, x4, y4, x1, y1)) return [x1, y1];
  if (d2 === 0 && within(x3, y3, x4, y4, x2, y2)) return [x2, y2];
  if (d3 === 0 && within(x1, y1, x2, y2, x3, y3)) return [x3, y3];
  if (d4 === 0 && within(x1, y1, x2, y2, x4, y4)) return [x4, y4];
  return null;
}

/** Number of edges of rings (each ring's positions, first = last when closed). */
export const edgeCount = (rings: readonly (readonly Position[])[]): number =>
  rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);

/**
 * Crossings between the edges of `rings` (all rings of one polygon or multipolygon, as turf.kinks reads them).
 */
export function findCrossings(
  rings: readonly (readonly Position[])[],
  maxCrossings: number,
  budget: PairBudget,
): CrossingSearch {
  const n = edgeCount(rings);
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const ring = new Int32Array(n);
  const pos = new Int32Array(n);
  const ringEdges: number[] = [];
  const ringClosed: boolean[] = [];
  let e = 0;
  rings.forEach((r, ri) => {
    const edges = Math.max(0, r.length - 1);
    const first = r[0];
    const last = r[r.length - 1];
    ringEdges.push(edges);
    ringClosed.push(!!first && !!last && first[0] === last[0] && first[1] === last[1]);
    for (let i = 0; i < edges; i++) {
      const p = r[i] as Position;
      const q = r[i + 1] as Position;
      ax[e] = p[0] as number;
      ay[e] = p[1] as number;
      bx[e] = q[0] as number;
      by[e] = q[1] as number;
      ring[e] = ri;
      pos[e] = i;
      e++;
    }
  });
  const minX = (k: number): number => Math.min(ax[k] as number, bx[k] as number);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const left = new Float64Array(n);
  for (let k = 0; k < n; k++) left[k] = minX(k);
  order.sort((p, q) => (left[p] as number) - (left[q] as number));

  /** Edges i and k of one ring share a vertex (neighbours, or the last and first of a closed ring). */
  const neighbours = (i: number, k: number): boolean => {
    if (ring[i] !== ring[k]) return false;
    const d = Math.abs((pos[i] as number) - (pos[k] as number));
    const edges = ringEdges[ring[i] as number] as number;
    return d === 1 || (d === edges - 1 && edges > 2 && ringClosed[ring[i] as number] === true);
  };

  const points: [number, number][] = [];
  let active = new Int32Array(64);
  let size = 0;
  for (let o = 0; o < n; o++) {
    const s = order[o] as number;
    const sx = left[s] as number;
    const sy0 = Math.min(ay[s] as number, by[s] as number);
    const sy1 = Math.max(ay[s] as number, by[s] as number);
    // Drop edges that end left of this one, testing the others.
    let kept = 0;
    for (let k = 0; k < size; k++) {
      const a = active[k] as number;
      if (Math.max(ax[a] as number, bx[a] as number) < sx) continue;
      active[kept++] = a;
      if (--budget.left < 0) return { points, complete: points.length > 0 };
      if (
        Math.max(ay[a] as number, by[a] as number) < sy0 ||
        Math.min(ay[a] as number, by[a] as number) > sy1
      )
        continue;
      if (neighbours(a, s)) continue;
      const p = segmentMeet(
        ax[a] as number,
        ay[a] as number,
        bx[a] as number,
        by[a] as number,
        ax[s] as number,
        ay[s] as number,
        bx[s] as number,
        by[s] as number,
      );
      if (p) {
        points.push(p);
        if (points.length >= maxCrossings) return { points, complete: true };
      }
    }
    size = kept;
    if (size === active.length) {
      const grown = new Int32Array(size * 2);
      grown.set(active);
      active = grown;
    }
    active[size++] = s;
  }
  return { points, complete: true };
}
