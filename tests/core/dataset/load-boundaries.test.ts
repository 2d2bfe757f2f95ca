/**
 * Where the village polygons come from when the official file cannot be fetched: the default file is
 * optional (a build may have none), so a network failure means "approximate"; a stall is still an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/dataset/app-config';
import { OFFICIAL_BOUNDARIES_FILE } from '../../../src/core/dataset/boundary-file';
import { askAhead, dropAskedAhead } from '../../../src/core/dataset/fetch-bytes';
import { loadBoundaries, startBoundaryFiles } from '../../../src/core/dataset/load-boundaries';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const GAZETTEER = readFileSync(path.join(__dirname, '../../../data/villages.csv'));
const OFFICIAL = path.join(__dirname, '../../../../shared/data/bengkulu-selatan-villages.geojson');

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
  await db.registerFile('villages.csv', new Uint8Array(GAZETTEER));
  await loadCsvTable(db, 'villages', 'villages.csv');
});

afterEach(() => {
  dropAskedAhead();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A fetch that answers 404 for everything but `file`, which gets `answer`. */
function stubFetch(file: string, answer: () => Promise<Response>): void {
  vi.stubGlobal('fetch', (url: string) =>
    url === file ? answer() : Promise.resolve(new Response('not found', { status: 404 })),
  );
}

/** A load whose official file stops answering: reported as stalled, naming the file, once the deadline passes. */
async function expectStalledFileReported(): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const outcome = loadBoundaries(db, DEFAULT_CONFIG).catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(await outcome).toMatchObject({ name: 'LoadStepError', file: 'villages.geojson', reason: 'stalled' });
}

describe('loadBoundaries', () => {
  it('uses approximate polygons when the default file answers 404', async () => {
    stubFetch('boundaries/villages.geojson', async () => new Response('not found', { status: 404 }));
    const boundaries = await loadBoundaries(db, DEFAULT_CONFIG);
    expect(boundaries.kind).toBe('approximate');
    expect(boundaries.villages.features.length).toBeGreaterThan(100);
  });

  it('uses approximate polygons when the default file cannot be reached (offline, no file in the build)', async () => {
    stubFetch('boundaries/villages.geojson', () => Promise.reject(new TypeError('Failed to fetch')));
    const boundaries = await loadBoundaries(db, DEFAULT_CONFIG);
    expect(boundaries.kind).toBe('approximate');
  });

  it('reports a default file that stops answering, naming it', async () => {
    stubFetch('boundaries/villages.geojson', () => new Promise<Response>(() => undefined));
    await expectStalledFileReported();
  });

  it.runIf(existsSync(OFFICIAL))('uses the default file when it is there', async () => {
    stubFetch('boundaries/villages.geojson', async () => new Response(readFileSync(OFFICIAL)));
    const boundaries = await loadBoundaries(db, DEFAULT_CONFIG);
    expect(boundaries.kind).toBe('file');
  });
});

describe('the boundary files requested ahead (while DuckDB starts)', () => {
  /** Records each URL fetched; everything answers 404. */
  function recordFetches(): string[] {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response('not found', { status: 404 }));
    });
    return fetched;
  }
  const configured = { ...DEFAULT_CONFIG, boundariesUrl: 'resmi/desa.geojson' };

  it('requests the land and the first official file tried now, the fallback only when it is read', async () => {
    const fetched = recordFetches();
    const files = startBoundaryFiles(configured);
    expect(fetched).toEqual(['land-clip.geojson', 'resmi/desa.geojson']);
    // Read twice, requested once.
    await files.configured();
    await files.configured();
    expect(fetched).toEqual(['land-clip.geojson', 'resmi/desa.geojson']);
    await files.file();
    expect(fetched).toEqual(['land-clip.geojson', 'resmi/desa.geojson', 'boundaries/villages.geojson']);
  });

  it('without a configured file, requests the default one now', () => {
    const fetched = recordFetches();
    startBoundaryFiles(DEFAULT_CONFIG);
    expect(fetched).toEqual(['land-clip.geojson', 'boundaries/villages.geojson']);
  });

  it('behind an imported file, requests no official file before it is needed', async () => {
    const fetched = recordFetches();
    const imported = { fileName: 'batas.geojson', bytes: new TextEncoder().encode('not json') };
    const loading = loadBoundaries(db, configured, imported);
    expect(fetched).toEqual(['land-clip.geojson']);
    // The imported file cannot be read: the configured one is tried next, and only then requested.
    expect((await loading).kind).toBe('approximate');
    expect(fetched).toEqual(['land-clip.geojson', 'resmi/desa.geojson', 'boundaries/villages.geojson']);
  });
});

describe("the official file as the first look's boot read it", () => {
  /** Records each URL fetched; `answer` answers the official file, everything else 404. */
  function recordFetches(answer: () => Promise<Response>): string[] {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return url === 'boundaries/villages.geojson'
        ? answer()
        : Promise.resolve(new Response('not found', { status: 404 }));
    });
    return fetched;
  }
  const official = (fetched: string[]) => fetched.filter((url) => url === 'boundaries/villages.geojson');

  const bootRead = () => askAhead(OFFICIAL_BOUNDARIES_FILE, true);

  it.runIf(existsSync(OFFICIAL))('is handed to the loader: downloaded once', async () => {
    const fetched = recordFetches(async () => new Response(readFileSync(OFFICIAL)));
    expect(await bootRead()).not.toBeNull();
    const boundaries = await loadBoundaries(db, DEFAULT_CONFIG);
    expect(boundaries.kind).toBe('file');
    expect(boundaries.villages.features).toHaveLength(158);
    expect(official(fetched)).toHaveLength(1);
    // Taken once: a later load (another dataset) asks the server again.
    await loadBoundaries(db, DEFAULT_CONFIG);
    expect(official(fetched)).toHaveLength(2);
  });

  it("is the loader's answer too: none found or unreachable is approximate, a stall is reported", async () => {
    const fetched = recordFetches(async () => new Response('<!doctype html>', { status: 200 }));
    expect(await bootRead()).toBeNull();
    expect((await loadBoundaries(db, DEFAULT_CONFIG)).kind).toBe('approximate');
    expect(official(fetched)).toHaveLength(1);

    recordFetches(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(bootRead()).rejects.toMatchObject({ name: 'LoadStepError', reason: 'failed' });
    expect((await loadBoundaries(db, DEFAULT_CONFIG)).kind).toBe('approximate');

    // The boot's read stalls: the loader, which takes it, reports the file once its deadline passes.
    recordFetches(() => new Promise<Response>(() => undefined));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    bootRead().catch(() => undefined);
    const outcome = loadBoundaries(db, DEFAULT_CONFIG).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await outcome).toMatchObject({
      name: 'LoadStepError',
      file: 'villages.geojson',
      reason: 'stalled',
    });
  });
});
