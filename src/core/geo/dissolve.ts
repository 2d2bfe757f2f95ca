/**
 * Dissolving village polygons into larger units: kecamatan outlines (key = district_code) and the
 * regency outline (constant key).
 *
 * - `dissolveBy` computes real polygon unions with polygon-clipping (floating point: about ten times faster
 *   than turf.union's polyclip-ts, which counts in arbitrary precision — the load's largest task on the page's
 *   thread). On the rare input it cannot complete it throws; that key's union is then turf.union's.
 * - `boundaryLines` is the cheap O(n) alternative for drawing outlines only: it relies on neighbouring
 *   polygons sharing identical edges (true for the reference file, which was cleaned with mapshaper,
 *   and for Voronoi cells) and returns the edges that separate different keys plus the outer edge.
 */
import { featureCollection, union } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import polygonClipping, { type Polygon as Part, type MultiPolygon as Parts } from 'polygon-clipping';

export type AreaFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygon | MultiPolygon, P>;

type Features<P extends GeoJsonProperties> =
  | FeatureCollection<Polygon | MultiPolygon, P>
  | readonly AreaFeature<P>[];

const listOf = <P extends GeoJsonProperties>(features: Features<P>): readonly AreaFeature<P>[] =>
  'features' in features ? features.features : features;

/** Groups features by key, keeping first-seen key order. */
function groupBy<P extends GeoJsonProperties>(
  features: readonly AreaFeature<P>[],
  keyFn: (f: AreaFeature<P>) => string,
): Map<string, AreaFeature<P>[]> {
  const groups = new Map<string, AreaFeature<P>[]>();
  for (const f of features) {
    if (!f.geometry) continue;
    const key = keyFn(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
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
  const out: AreaFeature<Q>[] = [];
  for (const [key, members] of groupBy(listOf(features), keyFn)) {
    const properties = propsFn(key, members);
    const merged = members.length === 1 && members[0] ? members[0].geometry : unionOf(members);
    if (merged) out.push({ type: 'Feature', properties, geometry: merged });
  }
  return featureCollection(out);
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

export interface BoundaryLineProperties {
  /** Key on the left/right of the edges; `null` for the outer edge. */
  keys: [string, string | null];
  /** True when the edge has a feature on one side only (outer edge of the whole set). */
  outer: boolean;
}

interface EdgeRecord {
  a: Position;
  b: Position;
  keys: string[];
  count: number;
}

export interface BoundaryLinesOptions {
  /** Decimal places used to match vertices of neighbouring polygons (default 6, ~0.1 m). */
  precision?: number;
}

/**
 * The edges between features of different keys, and the outer edge, as MultiLineStrings grouped by
 * the pair of keys on either side (`keys[1] === null` for the outer edge). Edges are matched by their
 * rounded endpoints and counted: an edge used by one feature is outer, an edge shared by two features
 * with the same key is interior and dropped. O(total vertices).
 */
export function boundaryLines<P extends GeoJsonProperties>(
  features: Features<P>,
  keyFn: (f: AreaFeature<P>) => string,
  options: BoundaryLinesOptions = {},
): FeatureCollection<MultiLineString, BoundaryLineProperties> {
  const factor = 10 ** (options.precision ?? 6);
  const round = (p: Position): Position => [
    Math.round((p[0] ?? 0) * factor) / factor,
    Math.round((p[1] ?? 0) * factor) / factor,
  ];
  const edges = new Map<string, EdgeRecord>();

  for (const f of listOf(features)) {
    if (!f.geometry) continue;
    const key = keyFn(f);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) {
          const a = round(ring[i - 1] as Position);
          const b = round(ring[i] as Position);
          const ka = `${a[0]},${a[1]}`;
          const kb = `${b[0]},${b[1]}`;
          if (ka === kb) continue;
          const id = ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
          const edge = edges.get(id);
          if (edge) {
            edge.count++;
            edge.keys.push(key);
          } else {
            edges.set(id, { a, b, keys: [key], count: 1 });
          }
        }
      }
    }
  }

  const groups = new Map<string, { keys: [string, string | null]; lines: Position[][] }>();
  for (const edge of edges.values()) {
    const distinct = [...new Set(edge.keys)].sort();
    let keys: [string, string | null];
    if (edge.count === 1) keys = [distinct[0] as string, null];
    else if (distinct.length >= 2) keys = [distinct[0] as string, distinct[1] as string];
    else continue; // interior edge of one key
    const id = `${keys[0]}|${keys[1] ?? ''}`;
    const group = groups.get(id) ?? { keys, lines: [] };
    group.lines.push([edge.a, edge.b]);
    groups.set(id, group);
  }

  return featureCollection(
    [...groups.values()].map((g) => ({
      type: 'Feature' as const,
      properties: { keys: g.keys, outer: g.keys[1] === null },
      geometry: { type: 'MultiLineString' as const, coordinates: mergeSegments(g.lines) },
    })),
  );
}

/** Chains two-point segments that share endpoints into longer lines (fewer, smoother paths to draw). */
function mergeSegments(segments: Position[][]): Position[][] {
  const k = (p: Position): string => `${p[0]},${p[1]}`;
  const byPoint = new Map<string, number[]>();
  segments.forEach((s, i) => {
    for (const p of s) {
      const list = byPoint.get(k(p));
      if (list) list.push(i);
      else byPoint.set(k(p), [i]);
    }
  });
  const used = new Uint8Array(segments.length);
  const next = (p: Position): number | undefined => {
    const list = byPoint.get(k(p));
    // Only walk through simple junctions (degree 2) so that lines stop at triple points.
    if (list?.length !== 2) return undefined;
    return list.find((i) => !used[i]);
  };
  const lines: Position[][] = [];
  segments.forEach((seg, i) => {
    if (used[i]) return;
    used[i] = 1;
    const line = [...seg];
    for (let j = next(line[line.length - 1] as Position); j !== undefined; ) {
      used[j] = 1;
      const s = segments[j] as Position[];
      const tail = line[line.length - 1] as Position;
      const other = k(s[0] as Position) === k(tail) ? s[1] : s[0];
      if (!other) break;
      line.push(other);
      j = next(other);
    }
    const head: Position[] = [];
    for (let j = next(line[0] as Position); j !== undefined; ) {
      used[j] = 1;
      const s = segments[j] as Position[];
      const first = head[head.length - 1] ?? (line[0] as Position);
      const other = k(s[0] as Position) === k(first) ? s[1] : s[0];
      if (!other) break;
      head.push(other);
      j = next(other);
    }
    lines.push(head.length > 0 ? [...head.reverse(), ...line] : line);
  });
  return lines;
}
