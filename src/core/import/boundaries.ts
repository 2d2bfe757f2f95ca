/**
 * Village boundary GeoJSON, validated by analysis/boundary-match (already the app's rules) and reported in the
 * same ImportReport format as the tables. Row = feature index + 1.
 *
 * boundary-match keeps (and reports) two repairs, as data/README.md documents: swapped lon/lat in a polygon is
 * swapped back ('polygon_swapped_fixed') and features repeating a code are merged into the first
 * ('duplicate_polygon_merged'). Wrong winding (RFC 7946: exterior rings counter-clockwise, holes clockwise) is
 * reported as 'wrong_winding' and left as it is: the map and the area computations do not depend on it.
 */
import type { Position } from 'geojson';
import { normaliseHeader, normaliseVillageCode } from '../domain/schema';
import { type BoundaryIssueKind, type MatchedBoundary, matchBoundaries } from '../geo/boundary-match';
import { fail } from './read-context';
import { featuresOf, parseJsonBytes } from './read-geojson';
import { emptyReport, summariseIssues } from './report';
import { findCrossings, newBudget, type PairBudget } from './self-intersections';
import { type ImportIssue, type ImportReport, type IssueCode, MAX_BOUNDARY_VERTICES } from './types';

const ISSUE_OF: Record<BoundaryIssueKind, { code: IssueCode; column: string }> = {
  no_code: { code: 'required_missing', column: 'village_code' },
  unknown_code: { code: 'unknown_village', column: 'village_code' },
  duplicate_code: { code: 'duplicate_polygon_merged', column: 'village_code' },
  bad_geometry: { code: 'bad_geometry', column: 'geometry' },
  out_of_area: { code: 'outside_regency', column: 'geometry' },
  swapped_coordinates: { code: 'polygon_swapped_fixed', column: 'geometry' },
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Twice the signed area of a ring (lon/lat plane): > 0 counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

/** True when some ring of a (valid) Polygon/MultiPolygon geometry winds the wrong way. */
function wrongWinding(geometry: unknown): boolean {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return false;
  const polys = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as Position[][][];
  return polys.some(
    (poly) =>
      Array.isArray(poly) &&
      poly.some((ring, i) => Array.isArray(ring) && (i === 0 ? signedArea(ring) < 0 : signedArea(ring) > 0)),
  );
}

export interface BoundaryValidation {
  report: ImportReport;
  /** Accepted features, one per village code (see matchBoundaries). */
  features: MatchedBoundary[];
  /** Known village codes without a polygon. */
  missing: string[];
}

/** All rings of a Polygon/MultiPolygon geometry (anything else: none). */
function ringsOf(geometry: unknown): Position[][] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return [];
  const polys = (
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : []
  ) as unknown[];
  const rings: Position[][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly)) continue;
    for (const ring of poly) {
      if (
        Array.isArray(ring) &&
        ring.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
      )
        rings.push(ring as Position[]);
    }
  }
  return rings;
}

/** Positions in a file's features, counted without building anything (stops past `limit`). */
function countPositions(features: readonly unknown[], limit: number): number {
  let total = 0;
  const walk = (v: unknown, depth: number): void => {
    if (!Array.isArray(v) || total > limit) return;
    if (depth === 0 || typeof v[0] === 'number') {
      total++;
      return;
    }
    for (const item of v) walk(item, depth - 1);
  };
  for (const f of features) {
    const g = isRecord(f) ? f.geometry : null;
    if (isRecord(g)) walk(g.coordinates, 4);
    if (total > limit) break;
  }
  return total;
}

/**
 * Where a polygon's rings first cross themselves ("lon, lat"), 'unchecked' when the file's budget of edge tests
 * ran out first, or null.
 */
function firstCrossing(feature: unknown, budget: PairBudget): string | null | 'unchecked' {
  if (!isRecord(feature)) return null;
  const search = findCrossings(ringsOf(feature.geometry), 1, budget);
  const point = search.points[0];
  if (point) return `${point[0].toFixed(5)}, ${point[1].toFixed(5)}`;
  return search.complete ? null : 'unchecked';
}

/**
 * Validates a boundary file against `knownCodes` (canonical codes; null = no gazetteer loaded: any well-formed
 * code is accepted and 'unknown_village' is listed in skippedChecks). Throws FatalError for unreadable files.
 */
export function validateBoundaries(
  fileName: string,
  bytes: Uint8Array,
  knownCodes: ReadonlySet<string> | null,
): BoundaryValidation {
  const json = parseJsonBytes(bytes);
  const features = featuresOf(json);
  const vertices = countPositions(features, MAX_BOUNDARY_VERTICES);
  if (vertices > MAX_BOUNDARY_VERTICES) {
    fail('too_complex', `more than ${MAX_BOUNDARY_VERTICES} polygon vertices (simplify the boundaries)`);
  }
  let known = knownCodes;
  if (known === null) {
    const codes = new Set<string>();
    for (const f of features) {
      const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
      for (const [k, value] of Object.entries(props)) {
        if (
          ['village_code', 'kode_desa', 'kode_kemendagri', 'kode_wilayah', 'kode'].includes(
            normaliseHeader(k),
          )
        ) {
          const code = normaliseVillageCode(String(value));
          if (code) codes.add(code);
        }
      }
    }
    known = codes;
  }
  const result = matchBoundaries(json, known);
  if (result.fatal) fail('not_feature_collection', 'the JSON is not a GeoJSON FeatureCollection');
  const issues: ImportIssue[] = result.issues.map((i) => ({
    row: i.index + 1,
    column: ISSUE_OF[i.kind].column,
    code: ISSUE_OF[i.kind].code,
    value: i.code ?? null,
  }));
  // Winding is judged on features used as they are: not on rejected ones, nor on swapped ones (swapping x and y
  // reverses every ring, so the input's winding says nothing about the repaired polygon).
  const budget = newBudget();
  const skip = new Set(issues.filter((i) => i.code !== 'duplicate_polygon_merged').map((i) => i.row));
  features.forEach((f, index) => {
    if (!skip.has(index + 1) && isRecord(f) && wrongWinding(f.geometry)) {
      issues.push({ row: index + 1, column: 'geometry', code: 'wrong_winding', value: null });
    }
    const crossing = skip.has(index + 1) ? null : firstCrossing(f, budget);
    if (crossing === 'unchecked')
      issues.push({ row: index + 1, column: 'geometry', code: 'self_intersection_unchecked', value: null });
    else if (crossing)
      issues.push({ row: index + 1, column: 'geometry', code: 'self_intersecting', value: crossing });
  });
  const base = {
    ...emptyReport('boundaries', fileName, 'geojson'),
    totalRows: features.length,
    skippedChecks: knownCodes === null ? (['unknown_village'] as IssueCode[]) : [],
  };
  return { report: summariseIssues(base, issues), features: result.features, missing: result.missing };
}
