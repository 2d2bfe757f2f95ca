/**
 * Fewer points for a zoomed-out map, drawn the same: of the points of one colour that fall in one small square
 * of the screen, only the last (the one drawn on top) is kept.
 *
 * At the overview a village's households fall on the same few pixels, yet each point costs the renderer as
 * much as a visible one (on a phone without a fast graphics chip, and in software rendering, thousands of them
 * slow every redraw). The squares are `cellPx` pixels at the next whole zoom level up, so at the current zoom
 * they are never larger than `cellPx`: a dropped point lies within √2·cellPx pixels of a kept point of its
 * colour, less than the diameter of the points drawn at that zoom.
 */
import { keptFor } from './stable-layer-data';

/** Points (households) as binary attributes: positions [lon, lat] and RGBA colours (fast for a million). */
export interface PointCloud {
  length: number;
  positions: Float32Array;
  colors: Uint8Array;
}

/** Web Mercator world size in pixels at zoom 0 (deck.gl and MapLibre tiles). */
const TILE_PX = 256;

/** Above this many (square, colour) pairs the last point of each is looked up in a map, not a table. */
const TABLE_LIMIT = 1 << 22;

/**
 * For each point, its square (column, row) at `level`, `cellPx` pixels a side, and its colour as a small
 * number (in order of first use); the column is NaN for a point whose position is not finite.
 */
function squaresOf({ length, positions, colors }: PointCloud, level: number, cellPx: number) {
  const scale = (TILE_PX * 2 ** level) / cellPx;
  const column = new Float64Array(length);
  const row = new Float64Array(length);
  const colour = new Uint32Array(length);
  const colourIds = new Map<number, number>();
  // Neighbours in the list mostly share a colour: its number is looked up only when it changes.
  let lastRgba = -1;
  let lastId = 0;
  const box = { minColumn: Infinity, maxColumn: -Infinity, minRow: Infinity, maxRow: -Infinity };
  for (let i = 0; i < length; i++) {
    const lon = positions[2 * i] as number;
    const lat = positions[2 * i + 1] as number;
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) {
      column[i] = Number.NaN;
      continue;
    }
    const x = Math.floor(((lon + 180) / 360) * scale);
    const s = Math.sin((lat * Math.PI) / 180);
    const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale);
    column[i] = x;
    row[i] = y;
    box.minColumn = Math.min(box.minColumn, x);
    box.maxColumn = Math.max(box.maxColumn, x);
    box.minRow = Math.min(box.minRow, y);
    box.maxRow = Math.max(box.maxRow, y);
    const rgba =
      (colors[4 * i] as number) +
      (colors[4 * i + 1] as number) * 2 ** 8 +
      (colors[4 * i + 2] as number) * 2 ** 16 +
      (colors[4 * i + 3] as number) * 2 ** 24;
    if (rgba !== lastRgba) {
      lastRgba = rgba;
      lastId = colourIds.get(rgba) ?? colourIds.set(rgba, colourIds.size).size - 1;
    }
    colour[i] = lastId;
  }
  return { column, row, colour, colours: colourIds.size, ...box };
}

/** Where the last index of each key below `size` is noted: a table when that is small, else a map. */
function lastIndexStore(size: number): {
  get(key: number): number | undefined;
  set(key: number, index: number): unknown;
} {
  if (size > TABLE_LIMIT) return new Map<number, number>();
  const table = new Int32Array(size);
  return {
    get: (key) => table[key],
    set: (key, index) => {
      table[key] = index;
    },
  };
}

/**
 * The points with one per colour per square of `cellPx` pixels at zoom level `level` (the last of each,
 * in the original order). Points whose position is not finite are kept as they are. Each (square, colour)
 * is a number, so the work is a few passes over typed arrays (a million points in a fraction of a second);
 * where the squares spanned are too many to number exactly (far above the zooms that thin), nothing is dropped.
 */
export function thinPoints(points: PointCloud, level: number, cellPx: number): PointCloud {
  const { length, positions, colors } = points;
  const { column, row, colour, colours, minColumn, maxColumn, minRow, maxRow } = squaresOf(
    points,
    level,
    cellPx,
  );
  const width = maxColumn - minColumn + 1;
  const pairs = width * (maxRow - minRow + 1) * colours;
  if (length === 0 || !(pairs <= Number.MAX_SAFE_INTEGER)) return points;
  const key = (i: number) =>
    ((row[i] as number) - minRow) * width * colours +
    ((column[i] as number) - minColumn) * colours +
    (colour[i] as number);
  // The last point of each (square, colour), then each point kept when it is that last one.
  const last = lastIndexStore(pairs);
  for (let i = 0; i < length; i++) if (!Number.isNaN(column[i] as number)) last.set(key(i), i);
  const keep = new Uint8Array(length);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const kept = Number.isNaN(column[i] as number) || last.get(key(i)) === i;
    keep[i] = kept ? 1 : 0;
    if (kept) n++;
  }
  if (n === length) return points;
  const out: PointCloud = { length: n, positions: new Float32Array(2 * n), colors: new Uint8Array(4 * n) };
  let k = 0;
  for (let i = 0; i < length; i++) {
    if (!keep[i]) continue;
    out.positions[2 * k] = positions[2 * i] as number;
    out.positions[2 * k + 1] = positions[2 * i + 1] as number;
    for (let c = 0; c < 4; c++) out.colors[4 * k + c] = colors[4 * i + c] as number;
    k++;
  }
  return out;
}

const thinned = new WeakMap<PointCloud, Map<string, PointCloud>>();

/**
 * thinPoints for the map at `zoom` (squares at the next whole level up), kept per points and level: the same
 * object while the zoom stays between two whole levels, so the map does not upload the points again.
 */
export function pointsForZoom(points: PointCloud, zoom: number, cellPx: number): PointCloud {
  const level = Math.ceil(zoom);
  const key = `${level}:${cellPx}`;
  const byLevel = keptFor(thinned, points, () => new Map<string, PointCloud>());
  let out = byLevel.get(key);
  if (!out) {
    out = thinPoints(points, level, cellPx);
    byLevel.set(key, out);
  }
  return out;
}
