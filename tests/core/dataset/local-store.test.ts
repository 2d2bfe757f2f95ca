import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { clear, createStore, delMany, get, keys, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  createDatasetStore,
  DamagedDatasetError,
  type KeyValueStore,
  StorageRefusedError,
  type StoredDataset,
  type StoredFile,
} from '../../../src/core/dataset/local-store';
import { sha256Hex } from '../../../src/core/dataset/stored-bytes';

let dbCount = 0;

/** Bytes a value takes: its binary length, or for a whole format-1 dataset the sum of its files' bytes. */
function valueBytes(v: unknown): number {
  if (v instanceof Uint8Array) return v.length;
  const files = (v as { files?: unknown } | null)?.files;
  return Array.isArray(files) ? files.reduce((n, f) => n + ((f as StoredFile).bytes?.length ?? 0), 0) : 0;
}

/**
 * IndexedDB (fake-indexeddb) with a per-value size limit like Chromium's (≈127 MB per value), scaled down
 * so tests prove the chunking without hundreds of megabytes: `limit` plays the browser's limit.
 */
function limitedIdb(limit = Number.POSITIVE_INFINITY): KeyValueStore {
  const raw = createStore(`test-${dbCount++}`, 'datasets');
  return {
    get: (key) => get(key, raw),
    set: async (key, value) => {
      if (valueBytes(value) > limit) throw new DOMException('The value is too large', 'DataError');
      await set(key, value, raw);
    },
    delMany: (list) => delMany(list, raw),
    keys: () => keys<string>(raw),
    clear: () => clear(raw),
  };
}

const csv = (rows: number) =>
  new TextEncoder().encode(
    `household_id,village_code,lon,lat\n${Array.from({ length: rows }, (_, i) => `H${i},17.01.01.2001,102.9,-4.4`).join('\n')}\n`,
  );

const dataset = (households: Uint8Array, extra: StoredDataset['files'] = []): StoredDataset => ({
  name: 'Data P3KE 2026',
  savedAt: '2026-11-29T10:00:00.000Z',
  files: [
    { kind: 'households', fileName: 'keluarga.csv', bytes: households, mapping: { household_id: 'id' } },
    ...extra,
  ],
});

const damagedName = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DamagedDatasetError);
  return (error as DamagedDatasetError).datasetName;
};

describe('saving in chunks', () => {
  it('keeps a file larger than the per-value limit, in chunks no larger than the chunk size', async () => {
    const limit = 256 * 1024; // plays IndexedDB's ≈127 MB per value
    const kv = limitedIdb(limit);
    // Random bytes do not compress: the stored data stays ≈ 16 × the limit (≈ a 2 GB file at real scale).
    const big = new Uint8Array(randomBytes(4 * 1024 * 1024));
    // The single-value layout of format 1 is refused by such a store, as the browser refused it.
    await expect(kv.set('imported', dataset(big))).rejects.toThrow(/too large/);

    const store = createDatasetStore(kv, { chunkBytes: 64 * 1024 });
    await store.save(dataset(big));
    const chunkKeys = (await kv.keys()).filter((k) => k.startsWith('chunk/'));
    expect(chunkKeys.length).toBeGreaterThan(64);
    for (const key of chunkKeys)
      expect(((await kv.get(key)) as Uint8Array).length).toBeLessThanOrEqual(64 * 1024);
    const back = await store.load();
    // Buffer.equals: vitest's deep equality is far too slow for megabytes.
    expect(Buffer.from(back?.files[0]?.bytes ?? []).equals(big)).toBe(true);
    expect(back?.name).toBe('Data P3KE 2026');
    expect(back?.files[0]?.mapping).toEqual({ household_id: 'id' });
  });

  it('compresses text: a CSV is kept in a fraction of its size', async () => {
    const store = createDatasetStore(limitedIdb(), { chunkBytes: 16 * 1024 });
    const bytes = csv(20_000);
    await store.save(dataset(bytes));
    const info = await store.info();
    expect(info?.byteLength).toBe(bytes.length);
    expect(info?.storedBytes).toBeLessThan(bytes.length / 5);
    expect(info?.kinds).toEqual(['households']);
  });

  it('round-trips any bytes at any chunk size, every file of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }),
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        async (households, agents, chunkBytes) => {
          const store = createDatasetStore(limitedIdb(chunkBytes), { chunkBytes });
          const input = dataset(households, [{ kind: 'agents', fileName: 'agen.xlsx', bytes: agents }]);
          await store.save(input);
          expect(await store.load()).toEqual(input);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps an aggregate-only dataset (three aggregate files, no households) and reads it back', async () => {
    const store = createDatasetStore(limitedIdb());
    const bytes = (text: string) => new TextEncoder().encode(text);
    const input: StoredDataset = {
      name: 'Angka desa 2026',
      savedAt: '2026-11-29T10:00:00.000Z',
      files: [
        { kind: 'aggregate_manifest', fileName: 'aggregates.json', bytes: bytes('{}') },
        { kind: 'aggregate_figures', fileName: 'angka-desa.csv', bytes: bytes('village_code\n') },
        { kind: 'aggregate_months', fileName: 'angka-bulan.csv', bytes: bytes('month\n') },
      ],
    };
    await store.save(input);
    expect(await store.load()).toEqual(input);
  });

  it('refuses a stored dataset with only some aggregate files, or with households and aggregates', async () => {
    const file = (kind: StoredFile['kind']) => ({ kind, fileName: kind, bytes: new Uint8Array([1]) });
    for (const files of [
      [file('aggregate_manifest'), file('aggregate_figures')],
      [file('households'), file('aggregate_manifest'), file('aggregate_figures'), file('aggregate_months')],
      [file('agents')],
    ]) {
      const store = createDatasetStore(limitedIdb());
      await store.save({ name: 'X', savedAt: '2026-11-29T10:00:00.000Z', files });
      expect(await damagedName(store.load())).toBe('X');
    }
  });

  it('a new save replaces the old one and leaves none of its chunks behind', async () => {
    const kv = limitedIdb();
    const store = createDatasetStore(kv, { chunkBytes: 1024 });
    await store.save(dataset(new Uint8Array(randomBytes(10_000))));
    const first = (await kv.keys()).filter((k) => k.startsWith('chunk/'));
    await store.save({ ...dataset(csv(10)), name: 'Kedua' });
    const second = (await kv.keys()).filter((k) => k.startsWith('chunk/'));
    expect(second.some((k) => first.includes(k))).toBe(false);
    expect((await store.load())?.name).toBe('Kedua');
    await store.erase();
    expect(await kv.keys()).toEqual([]);
    expect(await store.load()).toBeNull();
  });
});

describe('storage quota', () => {
  it('refuses before writing when the browser says there is not enough room, keeping the old dataset', async () => {
    const kv = limitedIdb();
    let persisted = 0;
    const quota = { free: Number.POSITIVE_INFINITY };
    const store = createDatasetStore(kv, {
      chunkBytes: 4096,
      quota: {
        estimate: async () => ({ quota: 1e9, usage: 1e9 - quota.free }),
        persist: async () => {
          persisted++;
          return true;
        },
      },
    });
    await store.save(dataset(csv(5)));
    expect(persisted).toBe(1);
    const keysBefore = await kv.keys();
    quota.free = 50_000; // less than the 200 kB of incompressible data below
    const error = await store.save(dataset(new Uint8Array(randomBytes(200_000)))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageRefusedError);
    expect((error as StorageRefusedError).reason).toBe('quota');
    expect((error as StorageRefusedError).neededBytes).toBeGreaterThan(200_000);
    expect((error as StorageRefusedError).availableBytes).toBe(50_000);
    expect(await kv.keys()).toEqual(keysBefore);
    expect((await store.load())?.files[0]?.bytes).toEqual(csv(5));
  });

  it('a quota error while writing is reported as such, and the half-written chunks are removed', async () => {
    const kv = limitedIdb();
    const store = createDatasetStore(kv, { chunkBytes: 1000 });
    await store.save(dataset(csv(3)));
    const keysBefore = await kv.keys();
    let writes = 0;
    const failing = createDatasetStore(
      {
        ...kv,
        set: async (key, value) => {
          if (++writes > 5) throw new DOMException('Quota exceeded', 'QuotaExceededError');
          await kv.set(key, value);
        },
      },
      { chunkBytes: 1000 },
    );
    const error = await failing.save(dataset(new Uint8Array(randomBytes(20_000)))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageRefusedError);
    expect((error as StorageRefusedError).reason).toBe('quota');
    expect((await kv.keys()).sort()).toEqual(keysBefore.sort());
    expect((await store.load())?.files[0]?.bytes).toEqual(csv(3));
  });

  it('another write failure is reported as a refusal to write', async () => {
    const kv = limitedIdb(10); // every chunk is larger than this
    const error = await createDatasetStore(kv, { chunkBytes: 1000 })
      .save(dataset(csv(100)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageRefusedError);
    expect((error as StorageRefusedError).reason).toBe('write');
    expect(await kv.keys()).toEqual([]);
  });
});

describe('damaged data is detected, never loaded', () => {
  async function saved(chunkBytes = 512) {
    const kv = limitedIdb();
    const store = createDatasetStore(kv, { chunkBytes });
    await store.save(dataset(csv(400), [{ kind: 'agents', fileName: 'agen.csv', bytes: csv(50) }]));
    const chunkKeys = (await kv.keys()).filter((k) => k.startsWith('chunk/')).sort();
    return { kv, store, chunkKeys, manifest: (await kv.get('manifest')) as Record<string, unknown> };
  }

  it('a truncated chunk', async () => {
    const { kv, store, chunkKeys } = await saved();
    const key = chunkKeys[0] as string;
    const chunk = (await kv.get(key)) as Uint8Array;
    await kv.set(key, chunk.slice(0, chunk.length >> 1));
    expect(await damagedName(store.load())).toBe('Data P3KE 2026');
  });

  it('a file cut short with its manifest rewritten to match (only the checksum can tell)', async () => {
    const { kv, store, manifest } = await saved(1 << 20);
    const files = manifest.files as { byteLength: number; chunks: number[] }[];
    const file = files[0] as { byteLength: number; chunks: number[]; sha256: string };
    const half = csv(200);
    const generation = manifest.generation as string;
    const { compressToChunks } = await import('../../../src/core/dataset/stored-bytes');
    const [chunk] = await compressToChunks(half, 1 << 20);
    await kv.set(`chunk/${generation}/0/0`, chunk);
    await kv.set('manifest', {
      ...manifest,
      files: [{ ...file, byteLength: half.length, chunks: [chunk?.length] }, files[1]],
    });
    await expect(store.load()).rejects.toThrow(/checksum/);
    expect(file.sha256).not.toBe(await sha256Hex(half));
  });

  it('a missing chunk, a flipped byte, a wrong length', async () => {
    for (const damage of ['missing', 'flip', 'length'] as const) {
      const { kv, store, chunkKeys, manifest } = await saved();
      const key = chunkKeys[1] as string;
      if (damage === 'missing') await kv.delMany([key]);
      if (damage === 'flip') {
        const chunk = ((await kv.get(key)) as Uint8Array).slice();
        const at = chunk.length >> 1;
        chunk[at] = (chunk[at] ?? 0) ^ 0xff;
        await kv.set(key, chunk);
      }
      if (damage === 'length') {
        const files = manifest.files as { byteLength: number }[];
        await kv.set('manifest', { ...manifest, files: [{ ...files[0], byteLength: 17 }, files[1]] });
      }
      expect(await damagedName(store.load()), damage).toBe('Data P3KE 2026');
    }
  });

  it('a manifest of random bytes or of the wrong shape', async () => {
    const shapes: unknown[] = [
      new Uint8Array(randomBytes(300)),
      'rubbish',
      42,
      null,
      [],
      { name: 'X', savedAt: 'y', files: 'not a list' }, // "files.find is not a function" before
      { format: 2, generation: 'g', name: 'X', savedAt: 'y', files: [{ kind: 'households' }] },
      { format: 3, generation: 'g', name: 'X', savedAt: 'y', files: [] },
    ];
    for (const shape of shapes) {
      const { kv, store } = await saved();
      await kv.set('manifest', shape);
      await damagedName(store.load());
      await damagedName(store.info());
    }
  });

  it('whatever the damage to any stored value, load returns the dataset unchanged or says it is damaged', async () => {
    const { kv, store } = await saved(256);
    const pristine = await store.load();
    const allKeys = await kv.keys();
    const snapshot = new Map(await Promise.all(allKeys.map(async (k) => [k, await kv.get(k)] as const)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...allKeys),
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((value) => ({ value })),
          fc.jsonValue().map((value) => ({ value })),
          fc.nat(600).map((truncateTo) => ({ truncateTo })),
        ),
        async (key, damage) => {
          for (const [k, v] of snapshot) await kv.set(k, v);
          const before = snapshot.get(key);
          const after =
            'value' in damage
              ? damage.value
              : before instanceof Uint8Array
                ? before.slice(0, damage.truncateTo)
                : damage.truncateTo;
          await kv.set(key, after);
          const result = await store.load().catch((e: unknown) => e);
          if (result instanceof Error) expect(result).toBeInstanceOf(DamagedDatasetError);
          else expect(result).toEqual(pristine);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the format-1 layout (one value)', () => {
  it('is still read, and rewritten in chunks', async () => {
    const kv = limitedIdb();
    const old = dataset(csv(30), [{ kind: 'cases', fileName: 'kasus.csv', bytes: csv(3) }]);
    await kv.set('imported', old);
    const store = createDatasetStore(kv, { chunkBytes: 200 });
    expect((await store.info())?.kinds).toEqual(['households', 'cases']);
    expect(await store.load()).toEqual(old);
    const after = await kv.keys();
    expect(after).toContain('manifest');
    expect(after).not.toContain('imported');
    expect(await store.load()).toEqual(old);
  });

  it('random bytes or a wrong shape under the old key are reported as damaged', async () => {
    for (const value of [
      new Uint8Array(randomBytes(100)),
      { name: 'Lama', savedAt: 'x', files: 'abc' },
      { name: 'Lama', savedAt: 'x', files: [{ kind: 'households', fileName: 'a.csv', bytes: 'text' }] },
    ]) {
      const kv = limitedIdb();
      await kv.set('imported', value);
      const store = createDatasetStore(kv);
      const name = await damagedName(store.load());
      expect(name).toBe(value instanceof Uint8Array ? null : 'Lama');
    }
  });
});
