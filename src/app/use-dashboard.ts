import { useEffect, useState } from 'react';
import { type AppConfig, loadAppConfig } from '../core/dataset/app-config';
import {
  type DatasetSource,
  demoSource,
  importedSource,
  publishedSource,
} from '../core/dataset/dataset-source';
import { loadBoundaries, type VillageBoundaries } from '../core/dataset/load-boundaries';
import { type LoadedDataset, type LoadProgress, loadDataset } from '../core/dataset/load-dataset';
import { onLoadFailure } from '../core/dataset/load-guard';
import { activeDataset, DamagedDatasetError, loadImportedDataset } from '../core/dataset/local-store';
import { startMainDuckDb } from '../core/sql/duckdb-main';
import type { SqlClient } from '../core/sql/sql-client';
import { setDocumentState } from '../core/ui/document-state';

interface Loaded {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
}

export type DashboardState =
  | { status: 'loading'; progress: LoadProgress }
  /** `error` is a LoadStepError when a named step failed or stalled, else whatever was thrown. */
  | { status: 'error'; error: unknown }
  | ({ status: 'loaded' } & Loaded);

const progressListeners = new Set<(p: LoadProgress) => void>();
let loading: Promise<Loaded> | null = null;

/**
 * The imported dataset when the user chose it and it is still stored; else the office's published dataset
 * when config.json names one; else the demo. A damaged import is an error (the way back is offered), and so
 * is a published dataset config.json names wrongly (never silently replaced by the demo).
 */
async function chooseSource(config: AppConfig): Promise<DatasetSource> {
  if (activeDataset() === 'imported') {
    const stored = await loadImportedDataset().catch((error: unknown) => {
      if (error instanceof DamagedDatasetError) throw error;
      return null;
    });
    if (stored) return importedSource(stored);
  }
  if (config.datasetError) throw config.datasetError;
  return config.dataset ? publishedSource(config.dataset) : demoSource();
}

/** The config, once per page: the error screens need it too (which dataset to go back to). */
let configLoad: Promise<AppConfig> | null = null;
const appConfig = () => (configLoad ??= loadAppConfig());

/**
 * The name of the dataset "back to the server's data" returns to: the published one ('' when config.json leaves
 * the name to an aggregate dataset's manifest), or null for the demo.
 */
export async function serverDatasetName(): Promise<string | null> {
  const config = await appConfig().catch(() => null);
  return config?.dataset ? (config.dataset.name ?? '') : null;
}

async function load(): Promise<Loaded> {
  const progress = (p: LoadProgress) => {
    for (const listener of progressListeners) listener(p);
  };
  const t0 = performance.now();
  const duckStart = startMainDuckDb();
  // An unhandled rejection here would be reported twice; the await below reports it once.
  duckStart.catch(() => undefined);
  const config = await appConfig();
  const [source, duck] = await Promise.all([chooseSource(config), duckStart]);
  // The boundaries need only the gazetteer: they are read and drawn up while the other tables load.
  const readBoundaries = async () => {
    const tb = performance.now();
    const imported = source.stored?.files.find((f) => f.kind === 'boundaries');
    const boundaries = await loadBoundaries(duck.client, config, imported);
    return { boundaries, ms: performance.now() - tb };
  };
  let boundariesLoad: ReturnType<typeof readBoundaries> | null = null;
  const startBoundaries = () => {
    boundariesLoad ??= readBoundaries();
    // Reported once, by the await below.
    boundariesLoad.catch(() => undefined);
    return boundariesLoad;
  };
  const dataset = await loadDataset(duck.client, source, progress, startBoundaries);
  progress({ step: 'boundaries' });
  const { boundaries, ms } = await startBoundaries();
  dataset.timings.duckdb = duck.timings.instantiateMs;
  dataset.timings.boundaries = ms;
  progress({ step: 'map' });
  performance.mark('gancang:data-loaded', {
    detail: { sinceStartMs: performance.now() - t0, ...dataset.timings },
  });
  return { client: duck.client, config, dataset, boundaries };
}

/** Starts DuckDB, loads the dataset and the boundaries — once per page, however often React mounts. */
export function useDashboard(): DashboardState {
  const [state, setState] = useState<DashboardState>({ status: 'loading', progress: { step: 'duckdb' } });
  useEffect(() => {
    let mounted = true;
    const onProgress = (progress: LoadProgress) => {
      if (mounted) setState({ status: 'loading', progress });
    };
    const fail = (error: unknown) => {
      console.error(error);
      setDocumentState('error');
      if (mounted) setState((s) => (s.status === 'error' ? s : { status: 'error', error }));
    };
    progressListeners.add(onProgress);
    // Steps after the data (the map, the coverage worker) report here.
    const unsubscribe = onLoadFailure(fail);
    loading ??= load();
    loading.then((loaded) => {
      if (mounted) setState((s) => (s.status === 'error' ? s : { status: 'loaded', ...loaded }));
    }, fail);
    return () => {
      mounted = false;
      progressListeners.delete(onProgress);
      unsubscribe();
    };
  }, []);
  return state;
}
