import { useEffect, useState } from 'react';
import { type AppConfig, loadAppConfig } from '../data/app-config';
import { demoSource } from '../data/dataset-source';
import { startDuckDb } from '../data/duckdb-browser';
import type { SqlClient } from '../data/sql-client';
import { type LoadedDataset, type LoadProgress, loadDataset } from './load-dataset';
import { loadBoundaries, type VillageBoundaries } from './load-boundaries';

export type DashboardState =
  | { status: 'loading'; progress: LoadProgress }
  | { status: 'error'; message: string }
  | {
      status: 'loaded';
      client: SqlClient;
      config: AppConfig;
      dataset: LoadedDataset;
      boundaries: VillageBoundaries;
    };

/** Publishes the load state on <html data-state> — the automation hook documented in the README. */
export function setDocumentState(state: 'loading' | 'ready' | 'error'): void {
  document.documentElement.dataset.state = state;
}

/** Starts DuckDB, loads the demo dataset and the boundaries, once. */
export function useDashboard(): DashboardState {
  const [state, setState] = useState<DashboardState>({ status: 'loading', progress: { step: 'duckdb' } });
  useEffect(() => {
    let cancelled = false;
    const progress = (p: LoadProgress) => {
      if (!cancelled) setState({ status: 'loading', progress: p });
    };
    (async () => {
      setDocumentState('loading');
      const t0 = performance.now();
      const [config, source, duck] = await Promise.all([loadAppConfig(), demoSource(), startDuckDb()]);
      const dataset = await loadDataset(duck.client, source, progress);
      dataset.timings.duckdb = duck.timings.instantiateMs;
      progress({ step: 'boundaries' });
      const tb = performance.now();
      const boundaries = await loadBoundaries(duck.client, config);
      dataset.timings.boundaries = performance.now() - tb;
      performance.mark('gancang:data-loaded', { detail: { sinceStartMs: performance.now() - t0 } });
      if (!cancelled) setState({ status: 'loaded', client: duck.client, config, dataset, boundaries });
    })().catch((error: unknown) => {
      console.error(error);
      setDocumentState('error');
      if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
