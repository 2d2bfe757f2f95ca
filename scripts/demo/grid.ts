/**
 * A uniform grid over points (typed arrays) for nearest-neighbour search, sized to the point count.
 * Points can be removed (e.g. once assigned): each cell keeps its live points first, so searches
 * only ever look at live points.
 */
import { M_PER_DEG_LAT, M_PER_DEG_LON } from './geography.ts';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Sort keys pack distance (centimetres) and point index (< 2^25) into one exact double. */
const SLOT_BITS = 2 ** 25;

export class GridIndex {
  readonly cellDeg: number;
  readonly cols: number;
  readonly rows: number;
  /** Points of cell c are items[cellStart[c] .. cellStart[c+1]); the live ones come first, up to liveEnd[c]. */
  private readonly cellStart: Int32Array;
  private readonly liveEnd: Int32Array;
  private readonly items: Int32Array;
  /** Position of each point in `items`, -1 once removed. */
  private readonly pos: Int32Array;
  private readonly cellOf: Int32Array;
  private keys = new Float64Array(1024);
  private slots = new Int32Array(1024);

  constructor(
    private readonly lon: Float64Array,
    private readonly lat: Float64Array,
    private readonly bbox: Bbox,
    /** Aim for this many points per cell on average. */
    perCell = 16,
  ) {
    const n = lon.length;
    if (n >= SLOT_BITS) throw new Error('GridIndex: too many points');
    const area = (bbox.east - bbox.west) * (bbox.north - bbox.south);
    this.cellDeg = Math.min(0.01, Math.max(0.0015, Math.sqrt((area * perCell) / Math.max(1, n))));
    this.cols = Math.ceil((bbox.east - bbox.west) / this.cellDeg);
    this.rows = Math.ceil((bbox.north - bbox.south) / this.cellDeg);
    const cells = this.cols * this.rows;
    this.cellOf = new Int32Array(n);
    const start = new Int32Array(cells + 1);
    for (let i = 0; i < n; i++) {
      const c = this.cell(lon[i] ?? 0, lat[i] ?? 0);
      this.cellOf[i] = c;
      start[c + 1] = (start[c + 1] ?? 0) + 1;
    }
    for (let c = 1; c <= cells; c++) start[c] = (start[c] ?? 0) + (start[c - 1] ?? 0);
    this.cellStart = start;
    this.liveEnd = start.slice(1);
    this.items = new Int32Array(n);
    this.pos = new Int32Array(n);
    const fill = start.slice(0, -1);
    for (let i = 0; i < n; i++) {
      const c = this.cellOf[i] ?? 0;
      const p = fill[c] ?? 0;
      this.items[p] = i;
      this.pos[i] = p;
      fill[c] = p + 1;
    }
  }

  private col(lon: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.bbox.west) / this.cellDeg)));
  }

  private row(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.bbox.south) / this.cellDeg)));
  }

  private cell(lon: number, lat: number): number {
    return this.row(lat) * this.cols + this.col(lon);
  }

  isLive(i: number): boolean {
    return (this.pos[i] ?? -1) >= 0;
  }

  /** Takes point i out of all later searches. */
  remove(i: number): void {
    const p = this.pos[i] ?? -1;
    if (p < 0) return;
    const c = this.cellOf[i] ?? 0;
    const last = (this.liveEnd[c] ?? 0) - 1;
    const j = this.items[last] ?? 0;
    this.items[p] = j;
    this.pos[j] = p;
    this.items[last] = i;
    this.pos[i] = -1;
    this.liveEnd[c] = last;
  }

  /**
   * Up to `k` live points nearest to (lon, lat) within `radiusM` metres that pass `accept`, nearest
   * first (ties by index). Searches rings of cells outwards and stops once the k nearest are certain.
   */
  nearest(lon: number, lat: number, radiusM: number, k: number, accept?: (i: number) => boolean): Int32Array {
    const c0 = this.col(lon);
    const r0 = this.row(lat);
    const cellM = this.cellDeg * Math.min(M_PER_DEG_LON, M_PER_DEG_LAT);
    const maxRing = Math.ceil(radiusM / cellM) + 1;
    let count = 0;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const step = r === r0 - ring || r === r0 + ring || ring === 0 ? 1 : 2 * ring;
        for (let c = c0 - ring; c <= c0 + ring; c += step) {
          if (c < 0 || c >= this.cols) continue;
          const cell = r * this.cols + c;
          const end = this.liveEnd[cell] ?? 0;
          for (let p = this.cellStart[cell] ?? 0; p < end; p++) {
            const i = this.items[p] ?? 0;
            const dx = ((this.lon[i] ?? 0) - lon) * M_PER_DEG_LON;
            const dy = ((this.lat[i] ?? 0) - lat) * M_PER_DEG_LAT;
            const d = Math.sqrt(dx * dx + dy * dy);
            if (d > radiusM || (accept && !accept(i))) continue;
            if (count === this.keys.length) this.grow();
            this.keys[count] = Math.round(d * 100);
            this.slots[count] = i;
            count++;
          }
        }
      }
      // Everything within `ring * cellM` of the query point has now been seen.
      const safe = ring * cellM * 100;
      if (safe >= radiusM * 100) break;
      if (count >= k) {
        let within = 0;
        for (let j = 0; j < count; j++) if ((this.keys[j] ?? 0) <= safe) within++;
        if (within >= k) break;
      }
    }
    // Order by (distance, point index), packed into one exact double key; only the k smallest are sorted.
    const sortKeys = new Float64Array(count);
    for (let j = 0; j < count; j++) sortKeys[j] = (this.keys[j] ?? 0) * SLOT_BITS + (this.slots[j] ?? 0);
    const take = Math.min(k, count);
    if (take < count) selectSmallest(sortKeys, take);
    const head = sortKeys.subarray(0, take).sort();
    const out = new Int32Array(take);
    for (let j = 0; j < take; j++) out[j] = (head[j] ?? 0) % SLOT_BITS;
    return out;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const slots = new Int32Array(this.slots.length * 2);
    slots.set(this.slots);
    this.slots = slots;
  }
}

/** Rearranges `a` so that its k smallest values come first, in any order (quickselect). */
export function selectSmallest(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[hi] ?? 0;
    // Median of three.
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
