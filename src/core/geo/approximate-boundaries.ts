/**
 * APPROXIMATE village polygons for when no boundary file is available: Voronoi cells of the
 * gazetteer label points, clipped to land (Natural Earth, data/land-clip.geojson) and to the
 * regency's extent (convex hull of the label points plus a margin). Good enough to colour a
 * choropleth; never to be shown as official boundaries.
 */
import {
  booleanPointInPolygon,
  buffer,
  circle,
  convex,
  distance,
  featureCollection,
  intersect,
  point,
  union,
  voronoi,
} from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

/** A gazetteer row as far as the approximation needs it (data/villages.csv). */
export interface VillagePoint {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
  label_lon: number;
  label_lat: number;
}

export interface ApproximateVillageProperties {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
}

export type ApproximateVillageCollection = FeatureCollection<
  Polygon | MultiPolygon,
  ApproximateVillageProperties
>;

export interface ApproximateOptions {
  /** Margin added around the convex hull of the label points, in km (default 3). */
  extentBufferKm?: number;
  /**
   * Land is grown by this much, in km, before clipping (default 0.5): the 1:10m coastline is
   * generalised and some coastal label points fall a few hundred metres "in the sea".
   */
  coastToleranceKm?: number;
}

type Area = Feature<Polygon | MultiPolygon>;

const DEFAULT_EXTENT_BUFFER_KM = 3;
const DEFAULT_COAST_TOLERANCE_KM = 0.5;
/** Radius (degrees) of the wedges that split a cell shared by coincident label points. */
const WEDGE_RADIUS_DEG = 1;

function areaOf(parts: Area[]): Area | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return union(featureCollection(parts));
}

/** Distinct label positions, and for each the indices of the villages placed there. */
function distinctSites(villages: readonly VillagePoint[]): { sites: Position[]; members: number[][] } {
  const index = new Map<string, number>();
  const sites: Position[] = [];
  const members: number[][] = [];
  villages.forEach((v, i) => {
    const key = `${v.label_lon},${v.label_lat}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, sites.length);
      sites.push([v.label_lon, v.label_lat]);
      members.push([i]);
    } else members[at]?.push(i);
  });
  return { sites, members };
}

/** Wedge `j` of `k` around `p` (apex at `p`, reaching far beyond any cell). */
function wedge(p: Position, j: number, k: number): Feature<Polygon> {
  const [x = 0, y = 0] = p;
  const ring: Position[] = [[x, y]];
  const steps = 4;
  for (let s = 0; s <= steps; s++) {
    const a = ((j + s / steps) * 2 * Math.PI) / k;
    ring.push([x + WEDGE_RADIUS_DEG * Math.cos(a), y + WEDGE_RADIUS_DEG * Math.sin(a)]);
  }
  ring.push([x, y]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** Convex hull of the sites grown by `km`; degenerate hulls (1–2 points, collinear) fall back to buffers. */
function extentOf(sites: FeatureCollection<Point>, km: number): Area {
  const hull = convex(sites);
  const grown = hull ? buffer(hull, km, { units: 'kilometers' }) : undefined;
  if (grown) return grown as Area;
  const discs = sites.features.map((s) => circle(s, km, { units: 'kilometers', steps: 32 }));
  const merged = areaOf(discs);
  if (!merged) throw new Error('approximateVillagePolygons: no extent');
  return merged;
}

function bboxOf(f: Area, padDeg: number): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    for (const [x = 0, y = 0] of poly[0] ?? []) {
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    }
  }
  return [w - padDeg, s - padDeg, e + padDeg, n + padDeg];
}

/**
 * One approximate polygon per village (same order as `villages`), each containing its label point,
 * none overlapping another. `land` may be empty, in which case only the extent clips.
 */
export function approximateVillagePolygons(
  villages: readonly VillagePoint[],
  land: FeatureCollection<Polygon | MultiPolygon>,
  options: ApproximateOptions = {},
): ApproximateVillageCollection {
  const extentKm = options.extentBufferKm ?? DEFAULT_EXTENT_BUFFER_KM;
  const coastKm = options.coastToleranceKm ?? DEFAULT_COAST_TOLERANCE_KM;
  if (villages.length === 0) return featureCollection([]);

  const { sites: positions, members } = distinctSites(villages);
  const sites = featureCollection(positions.map((p) => point(p)));
  const extent = extentOf(sites, extentKm);

  let mask: Area | null = extent;
  if (land.features.length > 0) {
    const landParts = land.features
      .map((f) => (coastKm > 0 ? (buffer(f, coastKm, { units: 'kilometers' }) as Area | undefined) : f))
      .filter((f): f is Area => f !== undefined);
    const grownLand = areaOf(landParts);
    mask = grownLand ? intersect(featureCollection([extent, grownLand])) : null;
  }

  const cells = voronoi(sites, { bbox: bboxOf(extent, 0.01) }).features;
  const shapes: Area[] = new Array(villages.length);

  members.forEach((group, s) => {
    const site = sites.features[s] as Feature<Point>;
    const cell = cells[s] ?? circle(site, 0.2, { units: 'kilometers', steps: 16 });
    let shape: Area | null = mask ? intersect(featureCollection([cell, mask])) : null;
    if (!shape || !booleanPointInPolygon(site, shape)) {
      // Label point beyond the (grown) coast: keep the part of its own cell near the point.
      const reach = shape ? Math.max(1, nearestVertexKm(site, shape) + 0.25) : 1;
      const near = intersect(
        featureCollection([cell, circle(site, reach, { units: 'kilometers', steps: 32 })]),
      );
      shape = areaOf([shape, near].filter((f): f is Area => f !== null)) ?? cell;
    }
    if (group.length === 1) {
      shapes[group[0] as number] = shape;
      return;
    }
    // Villages sharing a label point split its cell into wedges meeting at that point.
    group.forEach((v, j) => {
      const w = wedge(site.geometry.coordinates, j, group.length);
      shapes[v] =
        intersect(featureCollection([shape as Area, w])) ?? (intersect(featureCollection([cell, w])) as Area);
    });
  });

  return featureCollection(
    villages.map(
      (v, i): Feature<Polygon | MultiPolygon, ApproximateVillageProperties> => ({
        type: 'Feature',
        properties: {
          village_code: v.village_code,
          village_name: v.village_name,
          district_code: v.district_code,
          district_name: v.district_name,
        },
        geometry: (shapes[i] as Area).geometry,
      }),
    ),
  );
}

function nearestVertexKm(site: Feature<Point>, f: Area): number {
  let best = Infinity;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    for (const p of poly[0] ?? []) best = Math.min(best, distance(site, p, { units: 'kilometers' }));
  }
  return Number.isFinite(best) ? best : 0;
}
