import { useEffect, useState, useSyncExternalStore } from 'react';
import { plannerCube } from '../core/cube/prepared';
import { lastVisitAnswers } from '../core/dataset/answer-store';
import { type AppConfig, pageConfig } from '../core/dataset/app-config';
import { takeCheckedImport } from '../core/dataset/checked-import';
import { endDataset } from '../core/dataset/dataset-lifetime';
import { type DatasetSource, importedSource, serverSource } from '../core/dataset/dataset-source';
import { dropAskedAhead } from '../core/dataset/fetch-bytes';
import {
  type BoundaryFiles,
  loadBoundaries,
  startBoundaryFiles,
  type VillageBoundaries,
} from '../core/dataset/load-boundaries';
import {
  type Downloads,
  type LoadedDataset,
  type LoadProgress,
  loadDataset,
  startDownloads,
} from '../core/dataset/load-dataset';
import { onLoadFailure } from '../core/dataset/load-guard';
import { activeDataset, DamagedDatasetError, loadImportedDataset } from '../core/dataset/local-store';
import { startMainDuckDb } from '../core/sql/duckdb-main';
import type { SqlClient } from '../core/sql/sql-client';
import { resetDocumentState, setDocumentState, whenDocumentState } from '../core/ui/document-state';
import { idle } from '../core/ui/idle';
import { answerCounts, datasetClient, keepAnswers } from './remembered-load';
import { answersToDrawFrom } from './shipped-answers';
import { readUrlState } from './url-state';

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
/** The page's current load, and which one it is (a dataset chosen in the running page is a new load). */
let loading: Promise<Loaded> | null = null;
let loadNumber = 0;
const reloadListeners = new Set<() => void>();
const loadNumberListeners = new Set<() => void>();
/** The dataset on screen: what the current load gave (null while it runs or when it failed). */
let shown: Loaded | null = null;

/** Counts a load of the page on `<html data-load>` (the automation hook) and tells the dataset menu. */
function countLoad(): void {
  loadNumber += 1;
  document.documentElement.dataset.load = String(loadNumber);
  for (const listener of loadNumberListeners) listener();
}

/** Makes `next` the page's current load; `shown` follows it. */
function startLoad(next: Promise<Loaded>): void {
  loading = next;
  shown = null;
  next.then(
    (loaded) => {
      if (loading !== next) return;
      shown = loaded;
      void keepAnswers(loaded.client, () => shown === loaded);
    },
    () => undefined,
  );
}

/**
 * The imported dataset when the user chose it and it is still stored (the one just kept, with the tables its
 * check built, when the import dialog handed it over); else the office's published dataset
 * when config.json names one; else the demo. A damaged import is an error (the way back is offered), and so
 * is a published dataset config.json names wrongly (never silently replaced by the demo).
 */
async function chooseSource(config: AppConfig): Promise<DatasetSource> {
  const handed = takeCheckedImport();
  if (activeDataset() === 'imported') {
    if (handed) return { ...importedSource(handed.dataset), checked: handed.tables };
    const stored = await loadImportedDataset().catch((error: unknown) => {
      if (error instanceof DamagedDatasetError) throw error;
      return null;
    });
    if (stored) return importedSource(stored);
  }
  return serverSource(config);
}

/**
 * The name of the dataset "back to the server's data" returns to: the published one ('' when config.json leaves
 * the name to an aggregate dataset's manifest), or null for the demo.
 */
export async function serverDatasetName(): Promise<string | null> {
  const config = await pageConfig().catch(() => null);
  return config?.dataset ? (config.dataset.name ?? '') : null;
}

/**
 * Loads the chosen dataset on a client of its own (its own tables and connection: every cache keyed by the
 * client starts afresh). The boundaries of the dataset before (`previous`) are kept when neither was imported
 * with its own: the map is then kept too.
 */
function load(previous: Loaded | null): Promise<Loaded> {
  // Whatever the page's boot asked ahead and this load did not take is not needed any more.
  return loadChosen(previous).finally(dropAskedAhead);
}

async function loadChosen(previous: Loaded | null): Promise<Loaded> {
  const progress = (p: LoadProgress) => {
    for (const listener of progressListeners) listener(p);
  };
  const t0 = performance.now();
  // The last visit's answers, read while the settings are. (DuckDB was started by the page's first script,
  // unless they are kept: then the dataset's client starts it, remembered-load.ts.)
  const lastAnswers = lastVisitAnswers();
  const config = await pageConfig();
  const source = await chooseSource(config);
  // Else, for the server's dataset's first load, the answers made ahead for it (shipped-answers.ts).
  const known = answersToDrawFrom(source, lastAnswers);
  // The server's files download while DuckDB starts (on a slow network they are most of the wait).
  const downloads = startDownloads(source);
  // The boundaries before are kept when neither they nor the dataset now loaded were imported with their own.
  const imported = source.stored?.files.find((f) => f.kind === 'boundaries');
  const kept = !imported && previous?.boundaries.kind !== 'imported' ? previous?.boundaries : undefined;
  const boundaries = { kept, imported, files: kept ? undefined : startBoundaryFiles(config, !imported) };
  // The dataset's own connection, answered from the last visit's answers where they are the same (it may
  // then be drawn before DuckDB has started).
  const client = await datasetClient(() => startMainDuckDb().then((duck) => duck.connect()), known);
  try {
    return await loadOn(client, { source, downloads, boundaries, config, progress, t0 });
  } catch (error) {
    // A load that failed leaves nothing behind (its tables, its connection).
    endDataset(client);
    throw error;
  }
}

interface LoadContext {
  source: DatasetSource;
  /** The server's files, requested when the source was chosen. */
  downloads: Downloads;
  /**
   * The boundaries of the dataset before when they are kept; else the file imported with the dataset, if any,
   * and the server's boundary files, requested when the source was chosen too.
   */
  boundaries: {
    kept: VillageBoundaries | undefined;
    imported: { fileName: string; bytes: Uint8Array } | undefined;
    files: BoundaryFiles | undefined;
  };
  config: AppConfig;
  progress: (p: LoadProgress) => void;
  /** When the load started (for the load's mark). */
  t0: number;
}

/** The dataset's tables and the boundaries, loaded through `client`. */
async function loadOn(
  client: SqlClient,
  { source, downloads, boundaries: b, config, progress, t0 }: LoadContext,
): Promise<Loaded> {
  // The boundaries need only the gazetteer: they are read and drawn up while the other tables load.
  const readBoundaries = async () => {
    const tb = performance.now();
    const boundaries = b.kept ?? (await loadBoundaries(client, config, b.imported, b.files));
    return { boundaries, ms: performance.now() - tb };
  };
  let boundariesLoad: ReturnType<typeof readBoundaries> | null = null;
  const startBoundaries = () => {
    boundariesLoad ??= readBoundaries();
    // Reported once, by the await below.
    boundariesLoad.catch(() => undefined);
    return boundariesLoad;
  };
  const dataset = await loadDataset(client, source, progress, startBoundaries, downloads);
  // The planner's first map waits for its cube: DuckDB makes it now, while the page draws up the sections.
  if (dataset.level === 'households' && readUrlState(window.location.search).section === 'planner') {
    // Reported by the planner, which awaits the same preparation.
    plannerCube(client).catch(() => undefined);
  }
  progress({ step: 'boundaries' });
  const { boundaries, ms } = await startBoundaries();
  dataset.timings.boundaries = ms;
  progress({ step: 'map' });
  performance.mark('gancang:data-loaded', {
    detail: {
      sinceStartMs: performance.now() - t0,
      ...dataset.timings,
      checkedTables: dataset.checkedTables,
      // How many of the load's statements were answered from the last visit's answers (remembered-load.ts).
      answers: answerCounts(client),
    },
  });
  return { client, config, dataset, boundaries };
}

const fromServer = (loaded: Loaded) => loaded.dataset.source.kind !== 'imported';
/** The server's dataset (published or the demo), kept loaded while an import is shown: going back is at once. */
let keptServer: Loaded | null = null;

/** Once the page has shown the dataset now loading (or failed to), in the next idle time. */
const afterShown = () => whenDocumentState(['ready', 'error']).then(idle);

/**
 * The dataset now chosen, after `previous`: the server's one already loaded — the one shown or the one kept —
 * is taken as it is; anything else is loaded. What is left behind ends (its tables, connection and workers),
 * except the server's dataset when an import replaces it.
 */
async function loadNext(previous: Loaded | null): Promise<Loaded> {
  const server = previous && fromServer(previous) ? previous : keptServer;
  if (activeDataset() !== 'imported' && server) {
    // The server's dataset is shown at once: the import left behind is dropped once it is on screen.
    if (previous && previous !== server) endDataset(previous.client, afterShown());
    keptServer = null;
    return server;
  }
  if (previous && fromServer(previous)) keptServer = previous;
  else if (previous) endDataset(previous.client);
  const loaded = await load(previous);
  // The import chosen was gone and the server's dataset loaded afresh: the kept copy is not needed.
  if (keptServer && fromServer(loaded)) {
    endDataset(keptServer.client, afterShown());
    keptServer = null;
  }
  return loaded;
}

/**
 * Loads the chosen dataset again in the running page — after another dataset is chosen or imported, or the
 * local data erased: the database, the app's code and the map stay; the sections open afresh on the new data.
 * When the server's dataset is on screen and stays chosen (an erase while it is shown), nothing is loaded and
 * the sections stay as they are; the dataset menu opens afresh either way. A failure ends in the error
 * screen, like the first load's.
 */
export function reloadDataset(): void {
  countLoad();
  if (shown && fromServer(shown) && activeDataset() !== 'imported') return;
  const previous = loading?.catch(() => null) ?? Promise.resolve(null);
  resetDocumentState();
  startLoad(previous.then(loadNext));
  for (const listener of reloadListeners) listener();
}

/** Which load of the page the dashboard shows (1 for the first; each `reloadDataset` adds one). */
export const useLoadNumber = (): number =>
  useSyncExternalStore(
    (listener) => {
      loadNumberListeners.add(listener);
      return () => loadNumberListeners.delete(listener);
    },
    () => loadNumber,
  );

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
    const follow = () => {
      if (loading === null) {
        countLoad();
        startLoad(load(null));
      }
      const current = loading as Promise<Loaded>;
      const isCurrent = () => mounted && current === loading;
      current.then(
        (loaded) => {
          if (isCurrent()) setState((s) => (s.status === 'error' ? s : { status: 'loaded', ...loaded }));
        },
        (error: unknown) => {
          if (isCurrent()) fail(error);
        },
      );
    };
    const onReload = () => {
      setState({ status: 'loading', progress: { step: 'duckdb' } });
      follow();
    };
    reloadListeners.add(onReload);
    follow();
    return () => {
      reloadListeners.delete(onReload);
      mounted = false;
      progressListeners.delete(onProgress);
      unsubscribe();
    };
  }, []);
  return state;
}
