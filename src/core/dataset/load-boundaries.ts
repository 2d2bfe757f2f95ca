import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { VillagePoint } from '../geo/approximate-boundaries';
import { type BoundaryIssue, matchBoundaries } from '../geo/boundary-match';
import { dissolveBy } from '../geo/dissolve';
import type { PlaceableLabel as LabelPoint } from '../geo/label-placement';
import { queryRows, type SqlClient } from '../sql/sql-client';
import type { AppConfig } from './app-config';
import { LAND_FILE, OFFICIAL_BOUNDARIES_FILE } from './boundary-file';
import { fetchJsonIfPresent, parseJsonBytes, requestedAhead } from './fetch-bytes';
import { LoadStepError } from './load-guard';

type Areas = FeatureCollection<Polygon | MultiPolygon>;

export interface VillageBoundaries {
  /**
   * `imported` (a file the user imported in this browser), `configured` (config.json),
   * `file` (boundaries/villages.geojson) or `approximate` (from the gazetteer).
   */
  kind: 'imported' | 'configured' | 'file' | 'approximate';
  sourceUrl: string | null;
  villages: Areas;
  districts: Areas;
  regency: Areas;
  land: Areas;
  issues: BoundaryIssue[];
  /** Gazetteer villages without a polygon in the file. */
  missing: string[];
  villageLabels: LabelPoint[];
  districtLabels: LabelPoint[];
}

/**
 * The default file is optional: a build without it has nothing to precache, so with the network off the
 * probe fails instead of answering 404. That means "no official file here", as a 404 does. A probe that
 * stalls is still an error (it names the file).
 */
function absentWhenUnreachable(error: unknown): null {
  if (error instanceof LoadStepError && error.reason === 'failed') return null;
  throw error;
}

/** boundaries/villages.geojson (the first look's boot may have asked for it already: fetch-bytes.ts takes that). */
const readOfficialFile = (): Promise<unknown> =>
  fetchJsonIfPresent(OFFICIAL_BOUNDARIES_FILE).catch(absentWhenUnreachable);

/** The server's boundary files loadBoundaries reads, each read at most once. */
export interface BoundaryFiles {
  /** The land the approximate boundaries are clipped to. */
  land: () => Promise<unknown>;
  /** config.json's official file. */
  configured: () => Promise<unknown>;
  /** boundaries/villages.geojson (null when absent or unreachable). */
  file: () => Promise<unknown>;
}

/**
 * The boundary files of `config`, the ones a load reads first requested now, so that they download while DuckDB
 * starts: the land and, with `official`, the first official file tried (config.json's, else
 * boundaries/villages.geojson). The others are requested only when read (the default file behind a configured
 * one, or any behind an imported file, only if that is needed). A failure is reported when the file is read.
 */
export function startBoundaryFiles(config: AppConfig, official = true): BoundaryFiles {
  const readAhead = (read: () => Promise<unknown>, now: boolean): (() => Promise<unknown>) => {
    if (!now) return read;
    const started = requestedAhead(read());
    return () => started;
  };
  const configured = config.boundariesUrl !== null;
  return {
    land: readAhead(() => fetchJsonIfPresent(LAND_FILE), true),
    configured: readAhead(() => fetchJsonIfPresent(config.boundariesUrl ?? ''), official && configured),
    file: readAhead(readOfficialFile, official && !configured),
  };
}

/**
 * Village polygons from the configured official file, else data/boundaries/villages.geojson,
 * else approximated from the gazetteer; kecamatan and regency outlines are dissolved from them.
 */
export async function loadBoundaries(
  client: SqlClient,
  config: AppConfig,
  imported?: { fileName: string; bytes: Uint8Array },
  files: BoundaryFiles = startBoundaryFiles(config, !imported),
): Promise<VillageBoundaries> {
  const gazetteer = await queryRows<VillagePoint & { population_2010: number | null }>(
    client,
    `SELECT village_code, village_name, district_code, district_name, label_lon, label_lat, population_2010
     FROM villages ORDER BY village_code`,
  );
  const known = new Set(gazetteer.map((v) => v.village_code));
  const land = ((await files.land()) as Areas | null) ?? {
    type: 'FeatureCollection',
    features: [],
  };

  let kind: VillageBoundaries['kind'] = 'approximate';
  let sourceUrl: string | null = null;
  let villages: Areas | null = null;
  let issues: BoundaryIssue[] = [];
  let missing: string[] = [];
  const candidates: [VillageBoundaries['kind'], string | null, () => Promise<unknown>][] = [
    ['imported', imported?.fileName ?? null, async () => (imported ? parseJsonBytes(imported.bytes) : null)],
    ['configured', config.boundariesUrl, files.configured],
    ['file', OFFICIAL_BOUNDARIES_FILE, files.file],
  ];
  for (const [candidateKind, name, read] of candidates) {
    if (!name) continue;
    const raw = await read();
    if (raw === null) continue;
    const match = matchBoundaries(raw, known);
    if (match.fatal || match.features.length === 0) continue;
    kind = candidateKind;
    sourceUrl = name;
    villages = { type: 'FeatureCollection', features: match.features };
    issues = match.issues;
    missing = match.missing;
    break;
  }
  // Fetched only when needed: the approximation's geometry code (buffers) is the first screen's largest import.
  villages ??= (await import('../geo/approximate-boundaries')).approximateVillagePolygons(gazetteer, land);

  const districtOf = new Map(gazetteer.map((v) => [v.village_code, v] as const));
  const districts = dissolveBy(
    villages,
    (f) => districtOf.get(String(f.properties?.village_code))?.district_code ?? 'unknown',
    (code) => ({
      district_code: code,
      district_name: gazetteer.find((v) => v.district_code === code)?.district_name ?? code,
    }),
  );
  const regency = dissolveBy(
    districts,
    () => '17.01',
    () => ({ regency_code: '17.01', name: 'Bengkulu Selatan' }),
  );
  return {
    kind,
    sourceUrl,
    villages,
    districts,
    regency,
    land,
    issues,
    missing,
    villageLabels: gazetteer.map((v) => ({
      position: [v.label_lon, v.label_lat],
      text: v.village_name,
      priority: v.population_2010 ?? 0,
    })),
    districtLabels: districts.features.map((f) => ({
      position: pointOnFeature(f).geometry.coordinates as [number, number],
      text: String(f.properties?.district_name ?? ''),
      // The more populous kecamatan keeps its name where names collide.
      priority: gazetteer
        .filter((v) => v.district_code === f.properties?.district_code)
        .reduce((sum, v) => sum + (v.population_2010 ?? 0), 0),
    })),
  };
}
