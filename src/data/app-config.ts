import { fetchJsonIfPresent } from './fetch-bytes';

/** An online basemap the user chose to configure (the default map needs no network). */
export interface BasemapConfig {
  /** XYZ raster tile URL templates, e.g. `https://tile.example.org/{z}/{x}/{y}.png`. */
  tiles: string[];
  attribution: string;
  tileSize?: number;
}

/** Deployment settings read from `config.json` beside the app (data/config.json in the repo). */
export interface AppConfig {
  /** URL of the official village boundary GeoJSON; null = `boundaries/villages.geojson` if present. */
  boundariesUrl: string | null;
  basemap: BasemapConfig | null;
}

const DEFAULT_CONFIG: AppConfig = { boundariesUrl: null, basemap: null };

/** config.json, or the defaults when there is none; a request that fails or stalls is a load failure. */
export async function loadAppConfig(): Promise<AppConfig> {
  const raw = (await fetchJsonIfPresent('config.json', 'config')) as Partial<AppConfig> | null;
  return { ...DEFAULT_CONFIG, ...(raw ?? {}) };
}
