/**
 * Dissolving village polygons into larger units: kecamatan outlines (key = district_code) and the
 * regency outline (constant key).
 *
 * A boundary file cleaned for mapping (the reference file was cleaned with mapshaper; the approximate boundaries
 * are Voronoi cells) gives neighbours the very same vertices along their shared border. TopoJSON's topology
 * finds those shared borders and its merge drops the ones inside a key: a union in time linear in the vertices
 * (a few milliseconds for the regency, where a general union took the load's largest task on the page's thread).
 * A merge is taken only when it provably is the union: its area is its members' (a border the members draw
 * differently would leave a sliver inside, or overlap) and its separate parts do not overlap (members that touch
 * without sharing vertices would stay apart). Otherwise that key's union is a general one: polygon-clipping's
 * (floating point, about ten times faster than turf.union's polyclip-ts), or turf.union's on the rare input
 * polygon-clipping cannot complete.
 */
import { featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping, { type Polygon as Part, type MultiPolygon as Parts } from 'polygon-clipping';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type {
  GeometryObject,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';

export type AreaFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygon | MultiPolygon, P>;

type Features<P extends GeoJsonProperties> =
  | FeatureCollection<Polygon | MultiPolygon, P>
  | readonly AreaFeature<P>[];

const listOf = <P extends GeoJsonProperties>(features: Features<P>): readonly AreaFeature<P>[] =>
  'features' in features ? features.features : features;

/** Groups features by key, keeping first-seen key order, each with its index in `features`. */
function groupBy<P extends GeoJsonProperties>(
  features: readonly AreaFeature<P>[],
  keyFn: (f: AreaFeature<P>) => string,
): Map<string, { member: AreaFeature<P>; index: number }[]> {
  const groups = new Map<string, { member: AreaFeature<P>; index: number }[]>();
  features.forEach((member, index) => {
    const key = keyFn(member);
    const group = groups.get(key);
    if (group) group.push({ member, index });
    else groups.set(key, [{ member, index }]);
  });
  return groups;
}

/**
 * The union of the features of each key, one feature per key in first-seen order, with the
 * properties `propsFn(key, members)`. A key whose union is empty is left out.
 */
export function dissolveBy<P extends GeoJsonProperties, Q extends GeoJsonProperties>(
  features: Features<P>,
  keyFn: (f: AreaFeature<P>) => string,
  propsFn: (key: string, members: readonly AreaFeature<P>[]) => Q,
): FeatureCollection<Polygon | MultiPolygon, Q> {
  const list = listOf(features).filter((f) => f.geometry);
  const groups = groupBy(list, keyFn);
  // One topology for all keys, made only when some key has more than one member.
  let shared: { topo: Topology; geometries: GeometryObject[] } | null = null;
  const topologyOfAll = () => {
    if (!shared) {
      const topo = topology({ areas: featureCollection([...list]) });
      const areas = topo.objects.areas as { geometries?: GeometryObject[] };
      shared = { topo, geometries: areas.geometries ?? [] };
    }
    return shared;
  };
  const out: AreaFeature<Q>[] = [];
  for (const [key, group] of groups) {
    const members = group.map((g) => g.member);
    const properties = propsFn(key, members);
    let merged: Polygon | MultiPolygon | undefined;
    if (members.length === 1 && members[0]) merged = members[0].geometry;
    else {
      const { topo, geometries } = topologyOfAll();
      // The topology keeps each feature's geometry, polygonal as it came, at the feature's index.
      const parts = group.map((g) => geometries[g.index]) as (TopoPolygon | TopoMultiPolygon)[];
      merged = provenUnion(merge(topo, parts), members) ?? unionOf(members);
    }
    if (merged) out.push({ type: 'Feature', properties, geometry: merged });
  }
  return featureCollection(out);
}

/** Twice the signed area of a ring in the plane of its coordinates (relative to its first vertex: precise). */
function ringArea2(ring: readonly Position[]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let twice = 0;
  for (let i = 1; i < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i - 1] as Position;
    const [bx = 0, by = 0] = ring[i] as Position;
    twice += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return twice;
}

/** The planar area of polygons (holes taken out), whatever the rings' orientation. */
function planarArea(polygons: readonly Position[][][]): number {
  let area = 0;
  for (const [outer, ...holes] of polygons) {
    area += Math.abs(ringArea2(outer ?? []));
    for (const hole of holes) area -= Math.abs(ringArea2(hole));
  }
  return area / 2;
}

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

type Box = [west: number, south: number, east: number, north: number];

/** The box around a polygon's outer ring. */
function boxOf(polygon: readonly Position[][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of polygon[0] ?? []) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** Relative difference in area a union of the members may show (rounding only). */
const AREA_TOLERANCE = 1e-9;

/**
 * The merge of shared borders when it is the members' union: as large as they are together, and its separate
 * parts apart (their boxes do not overlap; parts whose boxes do are left to the general union). Null otherwise.
 */
function provenUnion(merged: MultiPolygon, members: readonly AreaFeature[]): Polygon | MultiPolygon | null {
  const polygons = merged.coordinates.filter((p) => p.length > 0);
  if (polygons.length === 0) return null;
  const expected = members.reduce((sum, m) => sum + planarArea(polygonsOf(m.geometry)), 0);
  if (Math.abs(planarArea(polygons) - expected) > AREA_TOLERANCE * expected) return null;
  const boxes = polygons.map(boxOf);
  const apart = (a: Box, b: Box) => a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
  if (boxes.some((a, i) => boxes.slice(i + 1).some((b) => !apart(a, b)))) return null;
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** The union of `members` (two or more): polygon-clipping's, or turf.union's when polygon-clipping fails. */
function unionOf(members: readonly AreaFeature[]): Polygon | MultiPolygon | undefined {
  const [first, ...rest] = members.map((f) => f.geometry.coordinates as Part | Parts);
  try {
    const parts = first ? polygonClipping.union(first, ...rest) : [];
    if (parts.length === 0) return undefined;
    return parts.length === 1 && parts[0]
      ? { type: 'Polygon', coordinates: parts[0] }
      : { type: 'MultiPolygon', coordinates: parts };
  } catch {
    return union(featureCollection(members as AreaFeature[]))?.geometry;
  }
}
