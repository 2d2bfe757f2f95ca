/**
 * Geometry of the official map sheet: bounds of features, fitting a lon/lat box into a frame (equirectangular,
 * corrected for latitude), tracing polygons on a canvas, and a round scale-bar length.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const KM_PER_DEG_LAT = 110.6;

export function boundsOf(fc: FeatureCollection): Box {
  const box = { west: 180, south: 90, east: -180, north: -90 };
  const visit = (p: Position) => {
    const [x = 0, y = 0] = p;
    box.west = Math.min(box.west, x);
    box.east = Math.max(box.east, x);
    box.south = Math.min(box.south, y);
    box.north = Math.max(box.north, y);
  };
  for (const f of fc.features) forEachRing(f, (ring) => ring.forEach(visit));
  return box;
}

function forEachRing(f: Feature, fn: (ring: Position[]) => void): void {
  const g = f.geometry;
  if (!g) return;
  if (g.type === 'Polygon') {
    for (const ring of g.coordinates) fn(ring);
  } else if (g.type === 'MultiPolygon') {
    for (const poly of g.coordinates) for (const ring of poly) fn(ring);
  }
}

/** Equirectangular projection at the box's mean latitude, fitted into a frame. */
export function fitFrame(box: Box, frame: { x: number; y: number; w: number; h: number }) {
  const k0 = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
  const dx = (box.east - box.west) * k0;
  const dy = box.north - box.south;
  const k = Math.min(frame.w / dx, frame.h / dy);
  const ox = frame.x + (frame.w - dx * k) / 2;
  const oy = frame.y + (frame.h - dy * k) / 2;
  return {
    k,
    project: ([lon = 0, lat = 0]: Position): [number, number] => [
      ox + (lon - box.west) * k0 * k,
      oy + (box.north - lat) * k,
    ],
  };
}

export function tracePath(
  ctx: CanvasRenderingContext2D,
  f: Feature,
  project: (p: Position) => [number, number],
) {
  forEachRing(f, (ring) => {
    ring.forEach((p, i) => {
      const [x, y] = project(p);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.closePath();
  });
}

/** A round scale-bar length (km) close to `target`. */
export function niceKm(target: number): number {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100];
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), 1);
}
