import { isCalendarDate } from '../domain/calendar';
import { fetchJsonIfPresent } from './fetch-bytes';
import { DATA_TABLES, type DataTable } from './table-status';

/** An online basemap the user chose to configure (the default map needs no network). */
export interface BasemapConfig {
  /** XYZ raster tile URL templates, e.g. `https://tile.example.org/{z}/{x}/{y}.png`. */
  tiles: string[];
  attribution: string;
  tileSize?: number;
}

/**
 * The office's shared dataset, published on the same server as the app: every user loads it instead of the
 * demo (their own import still overrides it in their browser). File URLs are relative to the app.
 */
export interface PublishedDatasetConfig {
  /** Shown in the header with the date (an aggregate dataset's manifest names itself when this is left out). */
  name: string | null;
  /** `YYYY-MM-DD`: the date of the data (not of publishing); optional like `name` for aggregates. */
  date: string | null;
  /** Household level: CSV or Parquet per table; a table left out is "not loaded" (figures needing it say so). */
  files: Partial<Record<DataTable, string>>;
  /** Aggregate only: the manifest `aggregates.json` of `npm run publish:aggregates` (its files beside it). */
  aggregates: string | null;
}

/** Deployment settings read from `config.json` beside the app (data/config.json in the repo). */
export interface AppConfig {
  /** URL of the official village boundary GeoJSON; null = `boundaries/villages.geojson` if present. */
  boundariesUrl: string | null;
  basemap: BasemapConfig | null;
  dataset: PublishedDatasetConfig | null;
  /** What is wrong with config.json's `dataset` entry: shown when that dataset is needed (an import is not held up). */
  datasetError: ConfigError | null;
}

/** A `config.json` entry that cannot be used: names the key and what is wrong (shown to the user). */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly problem: 'notObject' | 'name' | 'date' | 'noFiles' | 'fileUrl' | 'fileType' | 'bothLevels',
    readonly value: string,
  ) {
    super(`config.json: ${key} ${problem}${value ? ` (${value})` : ''}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_CONFIG: AppConfig = {
  boundariesUrl: null,
  basemap: null,
  dataset: null,
  datasetError: null,
};
const DATA_FILE = /\.(csv|parquet)$/i;
const MANIFEST_FILE = /\.json$/i;

/** A published file must come from the app's own server (so it is governed like the app, and never sent elsewhere). */
function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** `config.json`'s `dataset` entry checked; throws ConfigError naming what is wrong. */
export function parsePublishedDataset(raw: unknown, base: string): PublishedDatasetConfig | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('dataset', 'notObject', '');
  const entry = raw as Record<string, unknown>;
  const fileUrl = (key: string, type: RegExp): string | null => {
    const url = entry[key];
    if (url === undefined || url === null) return null;
    if (typeof url !== 'string' || !sameOrigin(url, base)) {
      throw new ConfigError(`dataset.${key}`, 'fileUrl', String(url));
    }
    if (!type.test(url.split(/[?#]/)[0] ?? '')) throw new ConfigError(`dataset.${key}`, 'fileType', url);
    return url;
  };
  const files: PublishedDatasetConfig['files'] = {};
  for (const table of DATA_TABLES) {
    const url = fileUrl(table, DATA_FILE);
    if (url) files[table] = url;
  }
  const aggregates = fileUrl('aggregates', MANIFEST_FILE);
  const hasFiles = Object.keys(files).length > 0;
  if (!hasFiles && !aggregates) throw new ConfigError('dataset', 'noFiles', '');
  if (hasFiles && aggregates) throw new ConfigError('dataset.aggregates', 'bothLevels', aggregates);
  // Household files carry no name or date of their own; an aggregate manifest does.
  const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : null;
  if (!name && !aggregates) throw new ConfigError('dataset.name', 'name', '');
  const date = entry.date === undefined && aggregates ? null : String(entry.date ?? '');
  if (date !== null && !isCalendarDate(date)) {
    throw new ConfigError('dataset.date', 'date', date);
  }
  return { name, date, files, aggregates };
}

/** Parses config.json's content; `base` is the app's URL (published files must share its origin). */
export function parseAppConfig(raw: unknown, base: string): AppConfig {
  const entries = raw && typeof raw === 'object' ? (raw as Partial<Record<keyof AppConfig, unknown>>) : {};
  const config: AppConfig = {
    ...DEFAULT_CONFIG,
    ...(entries as Partial<AppConfig>),
    dataset: null,
    datasetError: null,
  };
  try {
    config.dataset = parsePublishedDataset(entries.dataset, base);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    config.datasetError = error;
  }
  return config;
}

/** config.json, or the defaults when there is none; a request that fails or stalls is a load failure. */
export async function loadAppConfig(): Promise<AppConfig> {
  const raw = await fetchJsonIfPresent('config.json', 'config');
  return parseAppConfig(raw, globalThis.location?.href ?? 'http://localhost/');
}
