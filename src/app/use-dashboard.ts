import { useEffect, useState } from 'react';
import { type AppConfig, loadAppConfig } from '../data/app-config';
import { type DatasetSource, demoSource, importedSource } from '../data/dataset-source';
import { startDuckDb } from '../data/duckdb-browser';
import { activeDataset, loadImportedDataset } from '../data/local-store';
import type { SqlClient } from '../data/sql-client';
import { loadBoundaries, type VillageBoundaries } from './load-boundaries';
import { type LoadedDataset, type LoadProgress, loadDataset } from './load-dataset';

interface Loaded {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
}

export type DashboardState =
  | { status: 'loading'; progress: LoadProgress }
  | { status: 'error'; message: string }
  | ({ status: 'loaded' } & Loaded);

/** Publishes the load state on <html data-state> — the automation hook documented in the README. */
export function setDocumentState(state: 'loading' | 'ready' | 'error'): void {
  document.documentElement.dataset.state = state;
}

const progressListeners = new Set<(p: LoadProgress) => void>();
let loading: Promise<Loaded> | null = null;

/** The imported dataset when the user chose it and it is still stored, else the demo. */
async function chooseSource(): Promise<DatasetSource> {
  if (activeDataset() === 'imported') {
    const stored = await loadImportedDataset().catch(() => null);
    if (stored) return importedSource(stored);
  }
  return demoSource();
}

async function load(): Promise<Loaded> {
  const progress = (p: LoadProgress) => {
    for (const listener of progressListeners) listener(p);
  };
  const t0 = performance.now();
  const [config, source, duck] = await Promise.all([loadAppConfig(), chooseSource(), startDuckDb()]);
  const dataset = await loadDataset(duck.client, source, progress);
  dataset.timings.duckdb = duck.timings.instantiateMs;
  progress({ step: 'boundaries' });
  const tb = performance.now();
  const importedBoundaries = source.stored?.files.find((f) => f.kind === 'boundaries');
  const boundaries = await loadBoundaries(duck.client, config, importedBoundaries);
  dataset.timings.boundaries = performance.now() - tb;
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
    progressListeners.add(onProgress);
    loading ??= load();
    loading
      .then((loaded) => {
        if (mounted) setState({ status: 'loaded', ...loaded });
      })
      .catch((error: unknown) => {
        console.error(error);
        setDocumentState('error');
        if (mounted)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      mounted = false;
      progressListeners.delete(onProgress);
    };
  }, []);
  return state;
}
