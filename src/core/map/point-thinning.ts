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

/** The square (column, row) of a lon/lat at `level`, `cellPx` pixels a side. */
function cellOf(lon: number, lat: number, level: number, cellPx: number): [number, number] {
  const scale = (TILE_PX * 2 ** level) / cellPx;
  const x = ((lon + 180) / 360) * scale;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
  return [Math.floor(x), Math.floor(y)];
}

/**
 * The points with one per colour per square of `cellPx` pixels at zoom level `level` (the last of each,
 * in the original order). Points whose position is not finite are kept as they are.
 */
export function thinPoints(points: PointCloud, level: number, cellPx: number): PointCloud {
  const { length, positions, colors } = points;
  const lastIn = new Map<string, number>();
  const keep = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const lon = positions[2 * i] as number;
    const lat = positions[2 * i + 1] as number;
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) {
      keep[i] = 1;
      continue;
    }
    const [cx, cy] = cellOf(lon, lat, level, cellPx);
    const key = `${cx},${cy},${colors[4 * i]},${colors[4 * i + 1]},${colors[4 * i + 2]},${colors[4 * i + 3]}`;
    const before = lastIn.get(key);
    if (before !== undefined) keep[before] = 0;
    lastIn.set(key, i);
    keep[i] = 1;
  }
  let n = 0;
  for (let i = 0; i < length; i++) n += keep[i] as number;
  if (n === length) return points;
  const out: PointCloud = { length: n, positions: new Float32Array(2 * n), colors: new Uint8Array(4 * n) };
  let k = 0;
  for (let i = 0; i < length; i++) {
    if (!keep[i]) continue;
    out.positions[2 * k] = positions[2 * i] as number;
    out.positions[2 * k + 1] = positions[2 * i + 1] as number;
    out.colors.set(colors.subarray(4 * i, 4 * i + 4), 4 * k);
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
