/**
 * Builds data/land-clip.geojson: the Natural Earth 1:10m land polygons (npm `world-atlas`,
 * `land-10m.json`, public domain) that intersect a box around the regency, clipped to that box.
 * Used to clip the approximate village polygons (src/core/geo/approximate-boundaries.ts) to the coast.
 *
 * Usage: npx tsx scripts/build-land-clip.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, bboxClip, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { REGENCY_BBOX } from '../src/core/domain/schema.ts';

const LAND_SOURCE = 'Natural Earth 1:10m land via world-atlas 2.0.2, public domain';
/** Margin around REGENCY_BBOX, in degrees. */
const PAD_DEG = 0.6;
const PRECISION = 1e5;

const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.resolve(here, '../data/land-clip.geojson');

const round = (v: number): number => Math.round(v * PRECISION) / PRECISION;

const box: BBox = [
  round(REGENCY_BBOX.west - PAD_DEG),
  round(REGENCY_BBOX.south - PAD_DEG),
  round(REGENCY_BBOX.east + PAD_DEG),
  round(REGENCY_BBOX.north + PAD_DEG),
];

/** Rounds a ring and drops the consecutive duplicates the rounding may create. */
function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const p: Position = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function ringBBox(ring: Position[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

const overlaps = (a: BBox, b: BBox): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function main(): void {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8'),
  ) as Topology<{
    land: GeometryObject;
  }>;
  const land = feature(topology, topology.objects.land) as unknown as
    | FeatureCollection<Polygon | MultiPolygon>
    | Feature<Polygon | MultiPolygon>;
  const landFeatures = land.type === 'FeatureCollection' ? land.features : [land];

  const boxPoly = turfPolygon([
    [
      [box[0], box[1]],
      [box[2], box[1]],
      [box[2], box[3]],
      [box[0], box[3]],
      [box[0], box[1]],
    ],
  ]);
  const parts: Position[][][] = [];
  for (const f of landFeatures) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      const outer = poly[0];
      if (!outer || !overlaps(ringBBox(outer), box)) continue;
      // Sutherland–Hodgman (bboxClip) is exact for a convex clip window but can leave zero-width
      // spurs along the box edge; intersecting with the box polygon afterwards cleans them up.
      const clipped = bboxClip(turfPolygon(poly), box);
      const clean = intersect(featureCollection([clipped as Feature<Polygon>, boxPoly]));
      if (!clean) continue;
      const cleanPolys =
        clean.geometry.type === 'Polygon' ? [clean.geometry.coordinates] : clean.geometry.coordinates;
      for (const p of cleanPolys) {
        const rings = p.map(roundRing).filter((r) => r.length >= 4);
        if (rings.length > 0 && rings[0]) parts.push(rings);
      }
    }
  }
  if (parts.length === 0) throw new Error('no land found in the clip box');

  const geometry: Polygon | MultiPolygon =
    parts.length === 1 && parts[0]
      ? { type: 'Polygon', coordinates: parts[0] }
      : { type: 'MultiPolygon', coordinates: parts };
  const out: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { source: LAND_SOURCE, clip_bbox: box }, geometry }],
  };
  writeFileSync(outFile, `${JSON.stringify(out)}\n`);
  const vertices = parts.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  const km2 = area(out) / 1e6;
  console.log(
    `wrote ${path.relative(process.cwd(), outFile)}: ${parts.length} polygon(s), ${vertices} vertices, ` +
      `${km2.toFixed(1)} km² of land in [${box.join(', ')}]`,
  );
}

main();
