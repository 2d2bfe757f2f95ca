/**
 * The loaded dashboard — SQL client, deployment settings, dataset and village boundaries — for every section
 * and panel below the shell, without passing it down as props. The shell provides it once the load finished.
 */
import { createContext, useContext } from 'react';
import type { SqlClient } from '../sql/sql-client';
import type { AppConfig } from './app-config';
import type { VillageBoundaries } from './load-boundaries';
import type { LoadedDataset } from './load-dataset';

export interface LoadedData {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
}

export const LoadedDataContext = createContext<LoadedData | null>(null);

/** The loaded dashboard; only inside the shell's provider (a section is never drawn before the load). */
export function useLoadedData(): LoadedData {
  const loaded = useContext(LoadedDataContext);
  if (!loaded) throw new Error('useLoadedData: no loaded dataset above this component');
  return loaded;
}
