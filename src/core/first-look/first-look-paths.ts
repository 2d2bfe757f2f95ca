/**
 * The areas of a map as SVG paths, for the first look (first-look.ts): Web Mercator, as the map draws them,
 * scaled to a view box 1,000 units wide; coordinates rounded to a tenth of a unit (≈ 6 m across the regency),
 * repeated points after rounding dropped. Holes and islands are rings of one path, drawn with `evenodd`.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export const VIEW_WIDTH = 1000;

export interface AreaPath {
  code: string;
  d: string;
}

export interface AreaPaths {
  /** Height of the view box (its width is VIEW_WIDTH). */
  height: number;
  paths: AreaPath[];
}

const DEG = Math.PI / 180;
const mercatorX = (lon: number) => lon * DEG;
const mercatorY = (lat: number) => -Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2));

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** One path per feature with a code (`codeOf`); features without one, or without a ring, are left out. */
export function areaPaths(
  features: readonly Feature<Polygon | MultiPolygon>[],
  codeOf: (feature: Feature<Polygon | MultiPolygon>) => string | undefined,
): AreaPaths {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          const x = mercatorX(lon as number);
          const y = mercatorY(lat as number);
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
  }
  if (!(x1 > x0) || !(y1 >= y0)) return { height: 0, paths: [] };
  const scale = VIEW_WIDTH / (x1 - x0);
  const round = (v: number) => Math.round(v * 10) / 10;
  const paths: AreaPath[] = [];
  for (const feature of features) {
    const code = codeOf(feature);
    if (!code) continue;
    const parts: string[] = [];
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        const points: string[] = [];
        let last = '';
        for (const [lon, lat] of ring) {
          const x = mercatorX(lon as number);
          const y = mercatorY(lat as number);
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          const point = `${round((x - x0) * scale)} ${round((y - y0) * scale)}`;
          if (point !== last) points.push(point);
          last = point;
        }
        if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
      }
    }
    if (parts.length) paths.push({ code, d: parts.join('') });
  }
  return { height: round((y1 - y0) * scale), paths };
}
