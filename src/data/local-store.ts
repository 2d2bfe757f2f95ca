import { clear, createStore, del, get, set } from 'idb-keyval';

/** Every key this app keeps in the browser starts with this (localStorage) or lives in this IndexedDB. */
export const LOCAL_PREFIX = 'gancang-pikat.';
const DB_NAME = 'gancang-pikat';

export type StoredKind = 'households' | 'agents' | 'cases' | 'boundaries';

/** An imported file as the user gave it, with the column mapping they confirmed. */
export interface StoredFile {
  kind: StoredKind;
  fileName: string;
  bytes: Uint8Array;
  mapping?: Record<string, string>;
}

export interface StoredDataset {
  name: string;
  savedAt: string;
  files: StoredFile[];
}

const ACTIVE_KEY = `${LOCAL_PREFIX}dataset`;
const DATASET_KEY = 'imported';

// Created lazily: IndexedDB does not exist in Node (unit tests import this module's types only).
let store: ReturnType<typeof createStore> | null = null;
const db = () => {
  store ??= createStore(DB_NAME, 'datasets');
  return store;
};

/** Imported data stays in this browser only (IndexedDB): it is never sent anywhere. */
export const saveImportedDataset = (dataset: StoredDataset): Promise<void> => set(DATASET_KEY, dataset, db());

export const loadImportedDataset = async (): Promise<StoredDataset | null> =>
  (await get<StoredDataset>(DATASET_KEY, db())) ?? null;

export type ActiveDataset = 'demo' | 'imported';

export function activeDataset(): ActiveDataset {
  return globalThis.localStorage?.getItem(ACTIVE_KEY) === 'imported' ? 'imported' : 'demo';
}

export function setActiveDataset(which: ActiveDataset): void {
  globalThis.localStorage?.setItem(ACTIVE_KEY, which);
}

/** "Hapus semua data lokal": the imported dataset, remembered mappings and every other local setting. */
export async function eraseAllLocalData(): Promise<void> {
  await del(DATASET_KEY, db());
  await clear(db());
  const storage = globalThis.localStorage;
  if (!storage) return;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(LOCAL_PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

/** Column mappings the user confirmed, remembered per kind and header set. */
export function rememberedMapping(kind: string, headers: readonly string[]): Record<string, string> | null {
  const raw = globalThis.localStorage?.getItem(`${LOCAL_PREFIX}mapping.${kind}.${headers.join('|')}`);
  return raw ? (JSON.parse(raw) as Record<string, string>) : null;
}

export function rememberMapping(
  kind: string,
  headers: readonly string[],
  mapping: Record<string, string>,
): void {
  globalThis.localStorage?.setItem(
    `${LOCAL_PREFIX}mapping.${kind}.${headers.join('|')}`,
    JSON.stringify(mapping),
  );
}
