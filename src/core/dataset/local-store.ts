import { clear, createStore, delMany, get, keys, set } from 'idb-keyval';
import { eraseAnswers } from './answer-store';
import { LOCAL_PREFIX } from './local-store-keys';
import { compressToChunks, decompressChunks, sha256Hex } from './stored-bytes';
import {
  DamagedDatasetError,
  type DatasetManifest,
  MANIFEST_FORMAT,
  parseLegacy,
  parseManifest,
  type StoredFileEntry,
  type StoredKind,
} from './stored-manifest';
import { DATA_CACHE } from './sw-routes';

export { type ActiveDataset, activeDataset, LOCAL_PREFIX, setActiveDataset } from './local-store-keys';
export { DamagedDatasetError, type StoredKind } from './stored-manifest';

const DB_NAME = 'gancang-pikat';

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

/** What the manifest says about the stored dataset, without reading its data. */
export interface StoredDatasetInfo {
  name: string;
  savedAt: string;
  kinds: StoredKind[];
  /** Bytes of the files as given, and as kept (compressed); equal for the old uncompressed layout. */
  byteLength: number;
  storedBytes: number;
}

/** The dataset could not be kept: no room (quota) or the browser refused to write it. */
export class StorageRefusedError extends Error {
  override readonly name = 'StorageRefusedError';
  constructor(
    readonly reason: 'quota' | 'write',
    /** Bytes the save needed, and those free before it (null when the browser does not say). */
    readonly neededBytes: number,
    readonly availableBytes: number | null,
    cause?: unknown,
  ) {
    super(`dataset not saved (${reason}): needs ${neededBytes} bytes, ${availableBytes ?? '?'} free`, {
      cause,
    });
  }
}

/** The key-value operations the store needs (IndexedDB through idb-keyval in the app). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  keys(): Promise<string[]>;
  clear(): Promise<void>;
}

/** The browser's StorageManager, as far as it is used here. */
export interface QuotaSource {
  estimate(): Promise<{ quota?: number; usage?: number }>;
  persist?(): Promise<boolean>;
}

export interface DatasetStoreOptions {
  /** Largest stored value; IndexedDB refuses single values from ≈127 MB, so stay far below. */
  chunkBytes?: number;
  quota?: QuotaSource | null;
}

const MANIFEST_KEY = 'manifest';
/** Format 1 kept the whole dataset under this key. */
const LEGACY_KEY = 'imported';
const CHUNK_PREFIX = 'chunk/';
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
/** Room kept free beyond the data itself (manifest, IndexedDB's own overhead). */
const QUOTA_MARGIN = 1.05;
const QUOTA_SLACK_BYTES = 1024 * 1024;

const chunkKey = (generation: string, file: number, chunk: number) =>
  `${CHUNK_PREFIX}${generation}/${file}/${chunk}`;

const isQuotaError = (e: unknown) =>
  e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));

/** Saving, reading, verifying and erasing the imported dataset in one key-value store. */
export function createDatasetStore(kv: KeyValueStore, options: DatasetStoreOptions = {}) {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const quota = options.quota ?? null;

  async function freeBytes(): Promise<number | null> {
    const estimate = await quota?.estimate().catch(() => null);
    if (!estimate || estimate.quota === undefined) return null;
    return Math.max(0, estimate.quota - (estimate.usage ?? 0));
  }

  async function dropChunks(keep: string | null): Promise<void> {
    const stale = (await kv.keys()).filter(
      (k) => k.startsWith(CHUNK_PREFIX) && (keep === null || !k.startsWith(`${CHUNK_PREFIX}${keep}/`)),
    );
    await kv.delMany(stale);
  }

  /**
   * Keeps `dataset` in place of the stored one, compressed and chunked. Checks the free space first and
   * throws StorageRefusedError (leaving the previous dataset as it was) when it cannot be kept.
   */
  async function save(dataset: StoredDataset): Promise<void> {
    const prepared = await Promise.all(
      dataset.files.map(async (file) => {
        const [sha256, chunks] = await Promise.all([
          sha256Hex(file.bytes),
          compressToChunks(file.bytes, chunkBytes),
        ]);
        return { file, sha256, chunks };
      }),
    );
    const storedBytes = prepared.reduce((n, p) => n + p.chunks.reduce((m, c) => m + c.length, 0), 0);
    const needed = Math.ceil(storedBytes * QUOTA_MARGIN) + QUOTA_SLACK_BYTES;
    const available = await freeBytes();
    if (available !== null && needed > available) throw new StorageRefusedError('quota', needed, available);
    // Asks the browser not to evict the data under storage pressure; a refusal changes nothing here.
    await quota?.persist?.().catch(() => false);

    const generation = crypto.randomUUID();
    const written: string[] = [];
    try {
      const files: StoredFileEntry[] = [];
      for (const [i, { file, sha256, chunks }] of prepared.entries()) {
        for (const [c, chunk] of chunks.entries()) {
          const key = chunkKey(generation, i, c);
          await kv.set(key, chunk);
          written.push(key);
        }
        files.push({
          kind: file.kind,
          fileName: file.fileName,
          ...(file.mapping ? { mapping: file.mapping } : {}),
          byteLength: file.bytes.length,
          sha256,
          encoding: 'gzip',
          chunks: chunks.map((c) => c.length),
        });
      }
      const manifest: DatasetManifest = {
        format: MANIFEST_FORMAT,
        generation,
        name: dataset.name,
        savedAt: dataset.savedAt,
        files,
      };
      await kv.set(MANIFEST_KEY, manifest);
    } catch (error) {
      await kv.delMany(written).catch(() => undefined);
      throw new StorageRefusedError(isQuotaError(error) ? 'quota' : 'write', needed, available, error);
    }
    // The new manifest is in place: the previous dataset's chunks (and a format-1 value) can go.
    await dropChunks(generation);
    await kv.delMany([LEGACY_KEY]);
  }

  async function readFile(manifest: DatasetManifest, index: number): Promise<StoredFile> {
    const entry = manifest.files[index] as StoredFileEntry;
    const damaged = (detail: string) =>
      new DamagedDatasetError(manifest.name, `${entry.kind} (${entry.fileName}): ${detail}`);
    const chunks: Uint8Array[] = [];
    for (const [c, length] of entry.chunks.entries()) {
      const chunk = await kv.get(chunkKey(manifest.generation, index, c));
      if (!(chunk instanceof Uint8Array)) throw damaged(`chunk ${c} is missing`);
      if (chunk.length !== length) throw damaged(`chunk ${c} has ${chunk.length} bytes, not ${length}`);
      chunks.push(chunk);
    }
    let bytes: Uint8Array;
    try {
      bytes = await decompressChunks(chunks, entry.byteLength);
    } catch (error) {
      throw damaged(error instanceof Error ? error.message : String(error));
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) throw damaged('checksum does not match');
    return {
      kind: entry.kind,
      fileName: entry.fileName,
      bytes,
      ...(entry.mapping ? { mapping: entry.mapping } : {}),
    };
  }

  /**
   * The stored dataset, verified byte for byte against its manifest; null when none is stored. Throws
   * DamagedDatasetError when anything does not match. A format-1 dataset is rewritten in the new layout.
   */
  async function load(): Promise<StoredDataset | null> {
    const raw = await kv.get(MANIFEST_KEY);
    if (raw === undefined) {
      const legacy = await kv.get(LEGACY_KEY);
      if (legacy === undefined) return null;
      const dataset = parseLegacy(legacy);
      // Best effort: when it cannot be rewritten (no room), the old value stays readable.
      await save(dataset).catch((error: unknown) => console.warn('stored dataset not migrated', error));
      return dataset;
    }
    const manifest = parseManifest(raw);
    const files: StoredFile[] = [];
    for (let i = 0; i < manifest.files.length; i++) files.push(await readFile(manifest, i));
    return { name: manifest.name, savedAt: manifest.savedAt, files };
  }

  /** Name, tables and sizes of the stored dataset from its manifest alone; null when none is stored. */
  async function info(): Promise<StoredDatasetInfo | null> {
    const raw = await kv.get(MANIFEST_KEY);
    if (raw === undefined) {
      const legacy = await kv.get(LEGACY_KEY);
      if (legacy === undefined) return null;
      const dataset = parseLegacy(legacy);
      const byteLength = dataset.files.reduce((n, f) => n + f.bytes.length, 0);
      return {
        name: dataset.name,
        savedAt: dataset.savedAt,
        kinds: dataset.files.map((f) => f.kind),
        byteLength,
        storedBytes: byteLength,
      };
    }
    const manifest = parseManifest(raw);
    return {
      name: manifest.name,
      savedAt: manifest.savedAt,
      kinds: manifest.files.map((f) => f.kind),
      byteLength: manifest.files.reduce((n, f) => n + f.byteLength, 0),
      storedBytes: manifest.files.reduce((n, f) => n + f.chunks.reduce((m, c) => m + c, 0), 0),
    };
  }

  /** Removes the imported dataset (manifest, chunks and any format-1 value). */
  async function erase(): Promise<void> {
    await kv.delMany([MANIFEST_KEY, LEGACY_KEY]);
    await dropChunks(null);
  }

  return { save, load, info, erase, clear: () => kv.clear() };
}

export type DatasetStore = ReturnType<typeof createDatasetStore>;

/** The app's store: IndexedDB via idb-keyval, created lazily (IndexedDB does not exist in Node). */
let browserStore: DatasetStore | null = null;
function datasetStore(): DatasetStore {
  if (!browserStore) {
    const idb = createStore(DB_NAME, 'datasets');
    browserStore = createDatasetStore(
      {
        get: (key) => get(key, idb),
        set: (key, value) => set(key, value, idb),
        delMany: (list) => delMany(list, idb),
        keys: () => keys<string>(idb),
        clear: () => clear(idb),
      },
      { quota: globalThis.navigator?.storage ?? null },
    );
  }
  return browserStore;
}

/** Imported data stays in this browser only (IndexedDB): it is never sent anywhere. */
export const saveImportedDataset = (dataset: StoredDataset): Promise<void> => datasetStore().save(dataset);
export const loadImportedDataset = (): Promise<StoredDataset | null> => datasetStore().load();
export const importedDatasetInfo = (): Promise<StoredDatasetInfo | null> => datasetStore().info();
export const eraseImportedDataset = (): Promise<void> => datasetStore().erase();

/**
 * "Hapus semua data lokal": the imported dataset, remembered mappings, every other local setting, the
 * offline copies of data files downloaded from the server (a published dataset may hold personal data) and
 * the database's answers kept for the next visit. The app itself stays available offline.
 */
export async function eraseAllLocalData(): Promise<void> {
  await eraseAnswers();
  await datasetStore().clear();
  await globalThis.caches?.delete(DATA_CACHE);
  const storage = globalThis.localStorage;
  if (!storage) return;
  const found: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(LOCAL_PREFIX)) found.push(key);
  }
  for (const key of found) storage.removeItem(key);
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
