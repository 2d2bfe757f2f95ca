import { isCalendarDate } from '../domain/calendar';
import { DEFAULT_CHANNELS } from '../domain/schema';
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
  /**
   * Household level: CSV, Parquet or Arrow (`npm run data:convert`) per table; a table left out is "not loaded"
   * (figures needing it say so).
   */
  files: Partial<Record<DataTable, string>>;
  /** Aggregate only: the manifest `aggregates.json` of `npm run publish:aggregates` (its files beside it). */
  aggregates: string | null;
  /**
   * Household level: the database's answers to a first visit of this dataset (`npm run data:answers`), drawn from
   * before DuckDB starts. In the households file's folder, so that it is served behind the same login.
   */
  answers: string | null;
}

/** A referral channel (kanal layanan) cases can carry: the regency's services agents connect families to. */
export interface ChannelConfig {
  /** The value in the cases' `channel` column (matched trimmed and case-insensitively, see channelKey). */
  code: string;
  /** Shown name; the code when config.json gives none. */
  name: string;
  description: string | null;
}

/** Deployment settings read from `config.json` beside the app (data/config.json in the repo). */
export interface AppConfig {
  /** URL of the official village boundary GeoJSON; null = `boundaries/villages.geojson` if present. */
  boundariesUrl: string | null;
  basemap: BasemapConfig | null;
  dataset: PublishedDatasetConfig | null;
  /** What is wrong with config.json's `dataset` entry: shown when that dataset is needed (an import is not held up). */
  datasetError: ConfigError | null;
  /** The referral channels in their display order (config.json's `channels`, else DEFAULT_CHANNEL_CONFIG). */
  channels: readonly ChannelConfig[];
  /** What is wrong with config.json's `channels` entry (the defaults are used meanwhile); null when fine. */
  channelsError: ConfigError | null;
}

/** A `config.json` entry that cannot be used: names the key and what is wrong (shown to the user). */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly problem:
      | 'notObject'
      | 'name'
      | 'date'
      | 'noFiles'
      | 'fileUrl'
      | 'fileType'
      | 'bothLevels'
      | 'answers'
      | 'channels',
    readonly value: string,
  ) {
    super(`config.json: ${key} ${problem}${value ? ` (${value})` : ''}`);
    this.name = 'ConfigError';
  }
}

/**
 * A channel value as compared: whitespace runs (including no-break spaces from spreadsheets) made one space,
 * trimmed, lower-case, so `"trc "`, `"TRC"` and `"Bujang  Dusun"` / `"bujang dusun"` are one channel each. The SQL
 * of channel-results.ts computes the same key (CHANNEL_KEY_SQL there).
 */
export const channelKey = (value: string): string =>
  value
    .replace(/[\t\n\v\f\r \u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** The channels when config.json names none: the ones the regency names today, the code as the name. */
export const DEFAULT_CHANNEL_CONFIG: readonly ChannelConfig[] = DEFAULT_CHANNELS.map((code) => ({
  code,
  name: code,
  description: null,
}));

export const DEFAULT_CONFIG: AppConfig = {
  boundariesUrl: null,
  basemap: null,
  dataset: null,
  datasetError: null,
  channels: DEFAULT_CHANNEL_CONFIG,
  channelsError: null,
};
const DATA_FILE = /\.(csv|parquet|arrow)$/i;
const MANIFEST_FILE = /\.json$/i;
const ANSWERS_FILE = /\.bin$/i;

/** The folder of `url` (resolved against `base`), with its trailing slash. */
const folderOf = (url: string, base: string): string => new URL('.', new URL(url, base)).href;

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
  const fileUrl = (
    key: string,
    type: RegExp,
    wrongType: ConfigError['problem'] = 'fileType',
  ): string | null => {
    const url = entry[key];
    if (url === undefined || url === null) return null;
    if (typeof url !== 'string' || !sameOrigin(url, base)) {
      throw new ConfigError(`dataset.${key}`, 'fileUrl', String(url));
    }
    if (!type.test(url.split(/[?#]/)[0] ?? '')) throw new ConfigError(`dataset.${key}`, wrongType, url);
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
  // The answers hold figures and rows of the households: only ever beside their file, behind the same login.
  const answers = fileUrl('answers', ANSWERS_FILE, 'answers');
  if (answers && (!files.households || folderOf(answers, base) !== folderOf(files.households, base)))
    throw new ConfigError('dataset.answers', 'answers', answers);
  // Household files carry no name or date of their own; an aggregate manifest does.
  const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : null;
  if (!name && !aggregates) throw new ConfigError('dataset.name', 'name', '');
  const date = entry.date === undefined && aggregates ? null : String(entry.date ?? '');
  if (date !== null && !isCalendarDate(date)) {
    throw new ConfigError('dataset.date', 'date', date);
  }
  return { name, date, files, aggregates, answers };
}

/** Display text of a config value: strings as they are, anything else as JSON (cut short). */
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * `config.json`'s `channels` entry checked: a list of `{ "code", "name"?, "description"? }`, codes unique by
 * channelKey. Absent or null: DEFAULT_CHANNEL_CONFIG. Throws ConfigError (problem `channels`, key naming the entry).
 */
export function parseChannels(raw: unknown): readonly ChannelConfig[] {
  if (raw === null || raw === undefined) return DEFAULT_CHANNEL_CONFIG;
  if (!Array.isArray(raw)) throw new ConfigError('channels', 'channels', shown(raw));
  const seen = new Set<string>();
  return raw.map((item: unknown, i): ChannelConfig => {
    const at = `channels[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ConfigError(at, 'channels', shown(item));
    }
    const entry = item as Record<string, unknown>;
    const code = typeof entry.code === 'string' ? entry.code.replace(/\s+/g, ' ').trim() : '';
    if (!code) throw new ConfigError(`${at}.code`, 'channels', shown(entry.code ?? ''));
    if (seen.has(channelKey(code))) throw new ConfigError(`${at}.code`, 'channels', code);
    seen.add(channelKey(code));
    const text = (key: 'name' | 'description'): string | null => {
      const value = entry[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string') throw new ConfigError(`${at}.${key}`, 'channels', shown(value));
      return value.trim() || null;
    };
    return { code, name: text('name') ?? code, description: text('description') };
  });
}

/** Parses config.json's content; `base` is the app's URL (published files must share its origin). */
export function parseAppConfig(raw: unknown, base: string): AppConfig {
  const entries = raw && typeof raw === 'object' ? (raw as Partial<Record<keyof AppConfig, unknown>>) : {};
  const config: AppConfig = {
    ...DEFAULT_CONFIG,
    ...(entries as Partial<AppConfig>),
    dataset: null,
    datasetError: null,
    channels: DEFAULT_CHANNEL_CONFIG,
    channelsError: null,
  };
  try {
    config.dataset = parsePublishedDataset(entries.dataset, base);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    config.datasetError = error;
  }
  // A wrong channel list must not stop the app: the defaults are used and the problem is kept to be shown.
  try {
    config.channels = parseChannels(entries.channels);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    config.channelsError = error;
  }
  return config;
}

/** config.json, or the defaults when there is none; a request that fails or stalls is a load failure. */
export async function loadAppConfig(): Promise<AppConfig> {
  const raw = await fetchJsonIfPresent('config.json', 'config');
  return parseAppConfig(raw, globalThis.location?.href ?? 'http://localhost/');
}

let pageConfigLoad: Promise<AppConfig> | null = null;
/** config.json once per page: the boot's data asked ahead, the loader and the error screens read the same. */
export const pageConfig = (): Promise<AppConfig> => (pageConfigLoad ??= loadAppConfig());
