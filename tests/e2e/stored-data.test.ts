import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  afterDatasetLoad,
  type Dashboard,
  openDashboard,
  openLink,
  readGazetteer,
  screenshot,
  waitReady,
} from './harness';

const NAME = 'Keluarga saja';

/** A households file alone (with agent ids whose agents were never imported). */
async function householdsOnly(dir: string): Promise<{ file: string; rows: number }> {
  const villages = (await readGazetteer()).slice(0, 30);
  const rows = ['household_id,village_code,lon,lat,agent_id,welfare_decile,kesehatan'];
  villages.forEach((v, i) => {
    for (let k = 0; k < 10; k++)
      rows.push(
        `HO${i}-${k},${v.village_code},${(v.label_lon + (k - 5) * 0.0004).toFixed(6)},${v.label_lat.toFixed(6)},AG${i},${(k % 10) + 1},${k % 2}`,
      );
  });
  const file = path.join(dir, 'keluarga.csv');
  await writeFile(file, `${rows.join('\n')}\n`);
  return { file, rows: rows.length - 1 };
}

/** Keys and values in the app's IndexedDB store, changed in the page (as damage on disk would). */
const idb = {
  keys: (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('gancang-pikat');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('datasets').objectStore('datasets').getAllKeys();
            request.onsuccess = () => resolve(request.result.map(String));
          };
        }),
    ),
  /** Keeps the first half of a stored binary chunk. */
  truncate: (page: Page, key: string) =>
    page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gancang-pikat');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('datasets', 'readwrite').objectStore('datasets');
            const get = store.get(key);
            get.onsuccess = () => {
              const old = get.result as Uint8Array;
              const put = store.put(old.slice(0, old.length >> 1), key);
              put.onsuccess = () => resolve();
              put.onerror = () => reject(put.error);
            };
          };
        }),
      key,
    ),
};

const text = async (page: Page, id: string) =>
  ((await page.getByTestId(id).first().textContent()) ?? '').trim();

describe('stored data: partial imports and damaged copies', () => {
  let dash: Dashboard;
  let page: Page;
  let fixture: Awaited<ReturnType<typeof householdsOnly>>;

  /** Imports the households file alone under NAME, through the dialog, and waits for the reloaded page. */
  const importHouseholdsOnly = async () => {
    await page.getByTestId('import-open').click();
    await page.getByTestId('file-households').setInputFiles(fixture.file);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-households').waitFor({ timeout: 60_000 });
    await page.getByTestId('dataset-name-input').fill(NAME);
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
  };

  beforeAll(async () => {
    fixture = await householdsOnly(await mkdtemp(path.join(tmpdir(), 'gancang-stored-')));
    dash = await openDashboard({ boundaries: 'none' });
    page = dash.page;
    page.on('dialog', (dialog) => void dialog.accept());
    await waitReady(page);
  });

  // Each test starts on the planner, with no data dialog left open (they sit over every section).
  beforeEach(async () => {
    const close = page.getByTestId('import-close');
    if (await close.isVisible()) await close.click();
    await openLink(page, '?section=planner');
  });

  afterAll(async () => {
    await dash?.close();
  });

  // Import, reload and three sections: more than the default 180 s on a busy 2-core machine.
  it('a households file alone: the header says agents and cases are missing, figures say "tidak tersedia"', async () => {
    await importHouseholdsOnly();

    expect(await text(page, 'dataset-name')).toContain(NAME);
    const status = await page.evaluate(() =>
      ['households', 'agents', 'cases'].map(
        (t) =>
          document.querySelector(`[data-testid="dataset-table-${t}"]`)?.getAttribute('data-status') ?? null,
      ),
    );
    expect(status).toEqual(['loaded', 'missing', 'missing']);
    expect(await text(page, 'figure-households')).toContain(String(fixture.rows));
    expect(await text(page, 'planner-figure-coverage')).toContain('tidak tersedia — impor data agen');
    expect(await text(page, 'planner-figure-open')).toContain('tidak tersedia — impor data kasus');
    expect(await text(page, 'coverage-pct')).toContain('tidak tersedia — impor data agen');
    expect(await text(page, 'figure-cases')).toContain('tidak tersedia — impor data kasus');
    await screenshot(page, 'stored-01-planner-households-only');

    await page.getByTestId('nav-supervisor').click();
    await waitReady(page);
    const coverage = await text(page, 'supervisor-coverage');
    expect(coverage).toContain('tidak tersedia — impor data agen');
    expect(coverage).not.toMatch(/0,0\s*%/);
    expect(await text(page, 'kpi-no-agent')).toContain('tidak tersedia');
    expect(await text(page, 'missing-note-agents')).toMatch(/agen belum diimpor/);
    // No table of villages at 0 % and no layer of "uncovered" households.
    await expect(page.getByTestId('coverage-table').count()).resolves.toBe(0);
    await screenshot(page, 'stored-02-supervisor-households-only');

    await page.getByTestId('nav-innovation').click();
    await waitReady(page);
    await page.getByTestId('iid-tab-programme').click();
    const kpis = page.getByTestId('programme-kpis');
    await kpis.waitFor({ timeout: 30_000 });
    expect(await text(page, 'kpi-coverage')).toContain('tidak tersedia — impor data agen');
    expect(await text(page, 'kpi-reported')).toContain('tidak tersedia — impor data kasus');
    await screenshot(page, 'stored-03-innovation-households-only');
    await page.getByTestId('nav-planner').click();
    await waitReady(page);
  }, 420_000);

  // Imports NAME first unless an earlier test left it in use: more than the default 180 s on a busy machine.
  it('a truncated stored chunk: a plain message naming the dataset, then one click back to the demo', async () => {
    if (!(await text(page, 'dataset-name')).includes(NAME)) await importHouseholdsOnly();
    const chunks = (await idb.keys(page)).filter((k) => k.startsWith('chunk/'));
    expect(chunks.length).toBeGreaterThan(0);
    await idb.truncate(page, chunks[0] as string);
    await afterDatasetLoad(page, () => page.reload(), { state: 'error' });
    const message = await text(page, 'damaged-dataset');
    expect(message).toContain(`“${NAME}”`);
    expect(message).toMatch(/rusak atau tidak lengkap/);
    expect(message).not.toMatch(/does not exist|is not a function|checksum|chunk/i);
    await screenshot(page, 'stored-04-damaged');

    await afterDatasetLoad(page, () => page.getByTestId('back-to-demo').click());
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
    // The damaged copy is gone, so no switcher leads back into it; a reload stays on the demo (no loop).
    expect(await idb.keys(page)).toEqual([]);
    await expect(page.getByTestId('dataset-switcher').count()).resolves.toBe(0);
    await afterDatasetLoad(page, () => page.reload());
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
  }, 300_000);

  it('random bytes where the manifest should be: the same message, never a raw error', async () => {
    await page.evaluate(() => localStorage.setItem('gancang-pikat.dataset', 'imported'));
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gancang-pikat');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const put = open.result
              .transaction('datasets', 'readwrite')
              .objectStore('datasets')
              .put(crypto.getRandomValues(new Uint8Array(500)), 'manifest');
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error);
          };
        }),
    );
    await afterDatasetLoad(page, () => page.reload(), { state: 'error' });
    const message = await text(page, 'damaged-dataset');
    expect(message).toMatch(/rusak atau tidak lengkap/);
    expect(message).not.toMatch(/does not exist|is not a function/);
    await afterDatasetLoad(page, () => page.getByTestId('back-to-demo').click());
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
    expect(await idb.keys(page)).toEqual([]);
  });

  it('no room to keep the data: the dialog says why and what to do, the data on screen stays', async () => {
    // From the demo with nothing stored (an earlier test may have left an import in use).
    if ((await idb.keys(page)).length > 0)
      await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    // A nearly full disk, as the browser would report it (CDP's quota override does not reach estimate()).
    await page.evaluate(() => {
      navigator.storage.estimate = async () => ({ quota: 64 * 1024, usage: 16 * 1024 });
    });
    try {
      await page.getByTestId('import-open').click();
      await page.getByTestId('file-households').setInputFiles(fixture.file);
      await page.getByTestId('import-check').click();
      await page.getByTestId('report-households').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-use').click();
      const message = page.getByTestId('import-message');
      await message.waitFor({ timeout: 30_000 });
      expect(await message.textContent()).toMatch(
        /ruang penyimpanan peramban tidak cukup \(perlu [\d,]+ MB, tersedia 48 kB\)/,
      );
      await screenshot(page, 'stored-05-quota');
      await page.getByTestId('import-close').click();
      expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
      expect(await idb.keys(page)).toEqual([]);
    } finally {
      // The disk has room again for the tests after this one (the override lives until the next reload).
      await page.evaluate(() => {
        delete (navigator.storage as { estimate?: unknown }).estimate;
      });
    }
  });

  it('talked to no other host and threw nothing uncaught', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
