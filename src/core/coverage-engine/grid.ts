/**
 * A uniform grid over points of the local plane (CSR layout: points sorted by cell), for radius queries:
 * "which agents with spare capacity are within the threshold of this household" (reassignment) and
 * "which uncovered households are within the threshold of this village" (scaling-up). The nearest-agent
 * index (nearest.ts) sorts its agents into cells with the same bucketPoints and searches in rings.
 */

export interface PointGrid {
  x0: number;
  y0: number;
  cell: number;
  nx: number;
  ny: number;
  /** Points of cell c are entries cellStart[c] .. cellStart[c+1]-1. */
  cellStart: Int32Array;
  /** Point ids (as given) and their coordinates, in cell order. */
  ids: Int32Array;
  xs: Float64Array;
  ys: Float64Array;
}

/** Largest number of cells a grid may have. */
const MAX_CELLS = 1 << 22;

/**
 * Grid over the points `ids` (indices into x, y; non-finite points are left out) with square cells of
 * about `cellSize` metres (enlarged when the extent would need more than 4 M cells).
 */
export function buildPointGrid(
  x: Float64Array,
  y: Float64Array,
  ids: Int32Array,
  cellSize: number,
): PointGrid {
  let xMin = Number.POSITIVE_INFINITY;
  let yMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  const kept: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k] as number;
    const px = x[i] as number;
    const py = y[i] as number;
    if (!(Number.isFinite(px) && Number.isFinite(py))) continue;
    kept.push(i);
    if (px < xMin) xMin = px;
    if (px > xMax) xMax = px;
    if (py < yMin) yMin = py;
    if (py > yMax) yMax = py;
  }
  if (kept.length === 0) {
    return {
      x0: 0,
      y0: 0,
      cell: 1,
      nx: 1,
      ny: 1,
      cellStart: new Int32Array(2),
      ids: new Int32Array(0),
      xs: new Float64Array(0),
      ys: new Float64Array(0),
    };
  }
  let cell = Math.max(cellSize, 1e-3);
  const w = xMax - xMin;
  const h = yMax - yMin;
  while ((Math.floor(w / cell) + 1) * (Math.floor(h / cell) + 1) > MAX_CELLS) cell *= 2;
  const nx = Math.floor(w / cell) + 1;
  const ny = Math.floor(h / cell) + 1;
  return { x0: xMin, y0: yMin, cell, nx, ny, ...bucketPoints(x, y, kept, xMin, yMin, cell, nx, ny) };
}

/**
 * Sorts the points `members` (indices into x, y, all inside the grid) into the grid's cells: the CSR
 * arrays of a PointGrid. Within a cell, points keep their order in `members`.
 */
export function bucketPoints(
  x: Float64Array,
  y: Float64Array,
  members: ArrayLike<number>,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
): Pick<PointGrid, 'cellStart' | 'ids' | 'xs' | 'ys'> {
  const n = members.length;
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let k = 0; k < n; k++) {
    const i = members[k] as number;
    const cx = Math.min(nx - 1, Math.floor(((x[i] as number) - x0) / cell));
    const cy = Math.min(ny - 1, Math.floor(((y[i] as number) - y0) / cell));
    const c = cy * nx + cx;
    cellOf[k] = c;
    cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < nx * ny; c++)
    cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, nx * ny);
  const ids = new Int32Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = members[k] as number;
    const c = cellOf[k] as number;
    const at = fill[c] as number;
    fill[c] = at + 1;
    ids[at] = i;
    xs[at] = x[i] as number;
    ys[at] = y[i] as number;
  }
  return { cellStart, ids, xs, ys };
}

/**
 * Writes the ids of the points within `radius` (planar, inclusive) of (x, y) to `out` (cleared first) and
 * their squared planar distances to `outD2`; returns how many. `out`/`outD2` must hold grid.ids.length.
 */
export function pointsWithin(
  grid: PointGrid,
  x: number,
  y: number,
  radius: number,
  out: Int32Array,
  outD2: Float64Array,
): number {
  const { x0, y0, cell, nx, ny, cellStart, ids, xs, ys } = grid;
  if (ids.length === 0 || !(radius >= 0)) return 0;
  const cx0 = Math.max(0, Math.floor((x - radius - x0) / cell));
  const cx1 = Math.min(nx - 1, Math.floor((x + radius - x0) / cell));
  const cy0 = Math.max(0, Math.floor((y - radius - y0) / cell));
  const cy1 = Math.min(ny - 1, Math.floor((y + radius - y0) / cell));
  const r2 = radius * radius;
  let count = 0;
  for (let cy = cy0; cy <= cy1; cy++) {
    const row = cy * nx;
    const s = cellStart[row + cx0] as number;
    const e = cellStart[row + cx1 + 1] as number;
    for (let k = s; k < e; k++) {
      const dx = (xs[k] as number) - x;
      const dy = (ys[k] as number) - y;
      const d2 = dx * dx + dy * dy;
      if (d2 <= r2) {
        out[count] = ids[k] as number;
        outD2[count] = d2;
        count++;
      }
    }
  }
  return count;
}
