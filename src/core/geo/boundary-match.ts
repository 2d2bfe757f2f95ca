/**
 * Validation of an uploaded or configured village boundary GeoJSON against the gazetteer codes.
 * Pure: no I/O, no UI strings (the UI translates `fatal` and each issue `kind`).
 */
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { normaliseHeader, normaliseVillageCode, REGENCY_BBOX, TABLES } from '../domain/schema.ts';

export type BoundaryIssueKind =
  | 'no_code'
  | 'unknown_code'
  | 'duplicate_code'
  | 'bad_geometry'
  | 'out_of_area'
  | 'swapped_coordinates';

export interface BoundaryIssue {
  /** Index of the feature in the input `features` array. */
  index: number;
  /** Canonical code when it could be read, else the raw value when there was one. */
  code?: string;
  kind: BoundaryIssueKind;
}

export type MatchedBoundaryProperties = Record<string, unknown> & { village_code: string };
export type MatchedBoundary = Feature<Polygon | MultiPolygon, MatchedBoundaryProperties>;

export interface BoundaryMatchResult {
  /** Set when the input cannot be used at all; then `features` and `issues` are empty. */
  fatal: 'not_feature_collection' | null;
  /**
   * Accepted features, one per village code, in input order: original properties plus the canonical
   * `village_code`; positions reduced to [lon, lat], rings closed, swapped coordinates fixed.
   * Features with a duplicate code are merged into the first one (MultiPolygon).
   */
  features: MatchedBoundary[];
  /**
   * Problems per input feature. `swapped_coordinates` and `duplicate_code` features are still used;
   * the other kinds leave the feature out.
   */
  issues: BoundaryIssue[];
  /** Known codes without a polygon, sorted. */
  missing: string[];
}

/** Tolerance around REGENCY_BBOX (degrees, ~5.5 km) for a polygon to count as inside the regency. */
const AREA_TOLERANCE_DEG = 0.05;

/** Property names that may hold the village code, in order of preference (canonical name first). */
const CODE_PROPERTIES: readonly string[] = (() => {
  const spec = TABLES.villages.find((c) => c.name === 'village_code');
  return spec ? [spec.name, ...spec.aliases] : ['village_code'];
})();

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The raw code of a feature: value of the first matching property (names compared as headers). */
function rawCode(properties: Record<string, unknown>): string | null {
  const byNormal = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) {
    const normal = normaliseHeader(key);
    if (!byNormal.has(normal)) byNormal.set(normal, value);
  }
  for (const name of CODE_PROPERTIES) {
    const value = byNormal.get(name);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function readPosition(p: unknown): Position | null {
  if (!Array.isArray(p) || p.length < 2) return null;
  const [x, y] = p as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? [x, y]
    : null;
}

/** A ring of ≥ 3 distinct-ish positions, closed; null when malformed. */
function readRing(r: unknown): Position[] | null {
  if (!Array.isArray(r)) return null;
  const ring: Position[] = [];
  for (const p of r) {
    const pos = readPosition(p);
    if (!pos) return null;
    ring.push(pos);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    ring.push([first[0] ?? 0, first[1] ?? 0]);
  return ring.length >= 4 ? ring : null;
}

function readPolygon(rings: unknown): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) return null;
  const out: Position[][] = [];
  for (const r of rings) {
    const ring = readRing(r);
    if (!ring) return null;
    out.push(ring);
  }
  return out;
}

/** Polygon/MultiPolygon with well-formed coordinates, as a list of polygons; null otherwise. */
function readGeometry(geometry: unknown): Position[][][] | null {
  if (!isRecord(geometry)) return null;
  const { type, coordinates } = geometry;
  if (type === 'Polygon') {
    const poly = readPolygon(coordinates);
    return poly ? [poly] : null;
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
    const polys: Position[][][] = [];
    for (const c of coordinates) {
      const poly = readPolygon(c);
      if (!poly) return null;
      polys.push(poly);
    }
    return polys;
  }
  return null;
}

function isInsideRegency(polys: Position[][][], swapped: boolean): boolean {
  const w = REGENCY_BBOX.west - AREA_TOLERANCE_DEG;
  const e = REGENCY_BBOX.east + AREA_TOLERANCE_DEG;
  const s = REGENCY_BBOX.south - AREA_TOLERANCE_DEG;
  const n = REGENCY_BBOX.north + AREA_TOLERANCE_DEG;
  for (const poly of polys) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = (swapped ? p[1] : p[0]) ?? Number.NaN;
        const y = (swapped ? p[0] : p[1]) ?? Number.NaN;
        if (!(x >= w && x <= e && y >= s && y <= n)) return false;
      }
    }
  }
  return true;
}

const swap = (polys: Position[][][]): Position[][][] =>
  polys.map((poly) => poly.map((ring) => ring.map((p) => [p[1] ?? 0, p[0] ?? 0])));

const toGeometry = (polys: Position[][][]): Polygon | MultiPolygon =>
  polys.length === 1 && polys[0]
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };

/**
 * Validates `fc` (parsed JSON of unknown shape) as a village boundary FeatureCollection and matches
 * each feature to `knownCodes` (canonical `17.01.DD.NNNN` codes).
 */
export function matchBoundaries(fc: unknown, knownCodes: ReadonlySet<string>): BoundaryMatchResult {
  if (!isRecord(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { fatal: 'not_feature_collection', features: [], issues: [], missing: [...knownCodes].sort() };
  }

  const issues: BoundaryIssue[] = [];
  const accepted = new Map<string, { properties: Record<string, unknown>; polys: Position[][][] }>();

  for (const [index, feature] of (fc.features as unknown[]).entries()) {
    const properties: Record<string, unknown> =
      isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const raw = rawCode(properties);
    const code = raw === null ? null : normaliseVillageCode(raw);
    const reported = code ?? raw ?? undefined;
    const issue = (kind: BoundaryIssueKind): void => {
      issues.push(reported === undefined ? { index, kind } : { index, code: reported, kind });
    };

    let polys = isRecord(feature) && feature.type === 'Feature' ? readGeometry(feature.geometry) : null;
    if (!polys) {
      issue('bad_geometry');
      continue;
    }
    if (raw === null) {
      issue('no_code');
      continue;
    }
    if (code === null || !knownCodes.has(code)) {
      issue('unknown_code');
      continue;
    }

    if (!isInsideRegency(polys, false)) {
      if (!isInsideRegency(polys, true)) {
        issue('out_of_area');
        continue;
      }
      polys = swap(polys);
      issue('swapped_coordinates');
    }

    const previous = accepted.get(code);
    if (previous) {
      issue('duplicate_code');
      previous.polys.push(...polys);
      continue;
    }
    accepted.set(code, { properties, polys });
  }

  const features: MatchedBoundary[] = [...accepted].map(([code, { properties, polys }]) => ({
    type: 'Feature',
    properties: { ...(properties as GeoJsonProperties), village_code: code },
    geometry: toGeometry(polys),
  }));
  const missing = [...knownCodes].filter((c) => !accepted.has(c)).sort();
  return { fatal: null, features, issues, missing };
}
