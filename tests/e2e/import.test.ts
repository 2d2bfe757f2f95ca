import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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

const REAL_BOUNDARIES = path.resolve(process.cwd(), '../shared/data/bengkulu-selatan-villages.geojson');
const XSS = '<img src=x onerror=alert(1)>';

/**
 * A P3KE-shaped household file (a title line above the header, semicolons, decimal commas, 10-digit codes)
 * with three bad rows, and an agents file; names carry markup that must be shown as text, never run.
 */
async function writeFixtures(dir: string): Promise<{ households: string; agents: string; valid: number }> {
  const villages = (await readGazetteer()).slice(0, 40);
  const agentRows = ['id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat'];
  const householdRows = [
    'DATA KELUARGA P3KE KABUPATEN BENGKULU SELATAN;;;;;;;;;',
    'id_keluarga_p3ke;kode_kemendagri;lon;lat;nama_kepala_keluarga;nik;desil_kesejahteraan;id_agen;rtlh;kesehatan',
  ];
  let n = 0;
  villages.forEach((v, i) => {
    const agent = `AGX${String(i).padStart(3, '0')}`;
    agentRows.push(`${agent},${XSS},asn,${v.village_code},${v.label_lon},${v.label_lat}`);
    for (let k = 0; k < 10; k++) {
      const lon = (v.label_lon + (k - 5) * 0.0004).toFixed(6).replace('.', ',');
      const lat = (v.label_lat + (k % 3) * 0.0003).toFixed(6).replace('.', ',');
      const code = v.village_code.replace(/\./g, '');
      householdRows.push(
        `HH${i}-${k};${code};${lon};${lat};${XSS};1701011110776526;${(k % 10) + 1};${agent};${k % 2};${k % 3 === 0 ? 'ya' : 'tidak'}`,
      );
      n++;
    }
  });
  const v0 = villages[0];
  if (!v0) throw new Error('gazetteer is empty');
  householdRows.push(`BAD-SWAP;${v0.village_code};${v0.label_lat};${v0.label_lon};x;;3;;0;0`); // lat/lon swapped
  householdRows.push(`BAD-VILLAGE;17.01.99.9999;${v0.label_lon};${v0.label_lat};x;;3;;0;0`); // unknown village
  // A duplicate id: both rows that share it are rejected, since neither can be trusted to be the household.
  householdRows.push(`HH0-0;${v0.village_code};${v0.label_lon};${v0.label_lat};x;;3;;0;0`);
  const households = path.join(dir, 'p3ke-keluarga.csv');
  const agents = path.join(dir, 'agen.csv');
  await writeFile(households, `${householdRows.join('\n')}\n`);
  await writeFile(agents, `${agentRows.join('\n')}\n`);
  return { households, agents, valid: n - 1 };
}

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

// Real data in through the UI: check, use, survive a reload, erase. Markup in names never runs.
describe('import through the UI', () => {
  let dash: Dashboard;
  let page: Page;
  let fixtures: Awaited<ReturnType<typeof writeFixtures>>;
  const alerts: string[] = [];

  /** Opens the import dialog on the fixtures (and the real boundaries when present) and checks them. */
  const checkFixtures = async () => {
    await page.getByTestId('import-open').click();
    await page.getByTestId('file-agents').setInputFiles(fixtures.agents);
    await page.getByTestId('file-households').setInputFiles(fixtures.households);
    if (existsSync(REAL_BOUNDARIES)) await page.getByTestId('file-boundaries').setInputFiles(REAL_BOUNDARIES);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-households').waitFor({ timeout: 60_000 });
  };
  /** The import "Uji impor P3KE" in use: imported here unless an earlier test left it in use. */
  const importUnlessInUse = async () => {
    if ((await text(page, 'dataset-name'))?.includes('Uji impor P3KE')) return;
    await checkFixtures();
    await page.getByTestId('dataset-name-input').fill('Uji impor P3KE');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
  };

  beforeAll(async () => {
    fixtures = await writeFixtures(await mkdtemp(path.join(tmpdir(), 'gancang-import-')));
    dash = await openDashboard({ boundaries: 'none' });
    page = dash.page;
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'confirm') void dialog.accept();
      else {
        alerts.push(dialog.message());
        void dialog.dismiss();
      }
    });
    await waitReady(page);
  });

  // Each test starts on the planner, with no import dialog left open (it sits over every section).
  beforeEach(async () => {
    const close = page.getByTestId('import-close');
    if (await close.isVisible()) await close.click();
    await openLink(page, '?section=planner');
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('checks in a worker: progress shows, the page stays responsive, cancel stops at once', async () => {
    await page.getByTestId('import-open').click();
    const v0 = (await readGazetteer())[0];
    if (!v0) throw new Error('gazetteer is empty');
    const rows = ['id_keluarga_p3ke,kode_kemendagri,lon,lat'];
    for (let i = 0; i < 300_000; i++) rows.push(`B${i},${v0.village_code},${v0.label_lon},${v0.label_lat}`);
    const big = path.join(await mkdtemp(path.join(tmpdir(), 'gancang-big-')), 'besar.csv');
    await writeFile(big, `${rows.join('\n')}\n`);
    await page.getByTestId('file-households').setInputFiles(big);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-cancel').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="import-progress"]')?.getAttribute('value') ?? 0) > 0,
      undefined,
      { timeout: 60_000 },
    );
    // The main thread answers while the file is being checked.
    expect(
      await page.evaluate(() => document.querySelector('[data-testid="import-progress-text"]') !== null),
    ).toBe(true);
    await screenshot(page, 'import-00-progress');
    await page.getByTestId('import-cancel').click();
    expect(await text(page, 'import-message')).toContain('dibatalkan');
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await page.getByTestId('report-households').count()).toBe(0);
    // Escape closes the dialog, as its close button does.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0);
  });

  it('checks the files and reports each rejected row with its reason', async () => {
    // What it replaces is the demo: no earlier import kept.
    if ((await page.getByTestId('dataset-switcher').count()) > 0)
      await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    await checkFixtures();
    const report = page.getByTestId('report-households');
    const summary = (await report.getByTestId('report-summary').textContent()) ?? '';
    expect(summary).toContain(`${fixtures.valid} dari ${fixtures.valid + 4} baris valid · 4 ditolak`);
    const problems = (await report.getByTestId('report-problems').textContent()) ?? '';
    expect(problems).toMatch(/tertukar/i);
    expect(problems).toContain('17.01.99.9999');
    expect(problems).toMatch(/BAD-SWAP|Baris/);
    // The title line above the header was recognised and skipped.
    expect(await report.getByTestId('report-header-row').textContent()).toContain('baris 2');
    // Every line of the file accounted for: title + header + rows.
    expect(await report.getByTestId('report-lines').textContent()).toContain(
      `${fixtures.valid + 6} baris dalam berkas: ${fixtures.valid} sah, 4 ditolak, 1 tajuk, 1 judul`,
    );
    // Before "Gunakan data ini": what is in use now, what this import holds, what it does not.
    const replaces = (await text(page, 'import-replaces')) ?? '';
    expect(replaces).toContain('data contoh (sintetis) (keluarga, agen, kasus)');
    expect(replaces).toContain(`keluarga (${fixtures.valid} baris sah)`);
    expect(await text(page, 'import-missing')).toContain('kasus');
    await screenshot(page, 'import-01-report');
  });

  it('maps columns under plain labels, and the boundaries slot names only the formats it takes', async () => {
    await checkFixtures();
    // The boundaries slot: GeoJSON in the text, its two endings in the file picker, nothing else.
    const formats = (await page.getByTestId('formats-boundaries').textContent())?.trim();
    expect(formats).toBe('Format: GeoJSON');
    expect(await page.getByTestId('file-boundaries').getAttribute('accept')).toBe('.geojson,.json');
    expect(await page.getByTestId('drop-boundaries').textContent()).not.toMatch(
      /CSV|XLSX|Parquet|\.(csv|txt|xlsx)\b/,
    );
    // The household slots still take every table format.
    expect(await page.getByTestId('file-households').getAttribute('accept')).toBe(
      '.csv,.tsv,.txt,.xlsx,.xlsm,.parquet,.pq,.arrow,.arrows,.ipc,.feather,.geojson,.json',
    );

    const report = page.getByTestId('report-households');
    await report.locator('details.mapping > summary').click();
    const labels = (await report.locator('.mapping-label').allInnerTexts()).map((l) => l.trim());
    for (const label of ['ID keluarga *', 'Kode desa *', 'Bujur *', 'Lintang *', 'Desil kesejahteraan']) {
      expect(labels).toContain(label);
    }
    expect(labels).toContain('Kebutuhan: Rumah tidak layak huni');
    for (const label of labels) expect(label).not.toMatch(/_/);
    expect(await report.getByTestId('map-field-households-village_code').textContent()).toContain(
      '10 digit kode Kemendagri',
    );
    // The user's own columns are offered as the file names them.
    expect(await report.getByTestId('map-households-household_id').inputValue()).toBe('id_keluarga_p3ke');
    expect(await report.getByTestId('map-households-village_code').inputValue()).toBe('kode_kemendagri');
    // Problems name the field in plain words, with the file's column.
    expect(await report.getByTestId('report-problems').textContent()).toContain(
      'Kode desa (kolom kode_kemendagri) tidak ada di daftar desa',
    );
    // No snake_case word anywhere in the dialog but the columns of the user's own files.
    const fileColumns = new Set(
      [
        ...((await readFile(fixtures.households, 'utf8')).split('\n')[1] ?? '').split(';'),
        ...((await readFile(fixtures.agents, 'utf8')).split('\n')[0] ?? '').split(','),
      ].map((c) => c.trim()),
    );
    // The words as laid out on screen (textContent would glue adjacent options into one word).
    // biome-ignore lint/performance/useDomNodeTextContent: what the user sees, word by word
    const shown = await page.getByTestId('import-dialog').innerText();
    const snake = [...new Set(shown.match(/\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b/g) ?? [])];
    expect(snake.filter((word) => !fileColumns.has(word))).toEqual([]);
    await report.locator('details.mapping').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-03-mapping');
  });

  it('uses the data, and it is still there after a reload', async () => {
    await checkFixtures();
    await page.getByTestId('dataset-name-input').fill('Uji impor P3KE');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
    expect(await text(page, 'dataset-name')).toContain('Uji impor P3KE');
    expect(await text(page, 'dataset-name')).not.toContain('sintetis');
    expect(await text(page, 'figure-households')).toContain(String(fixtures.valid));
    if (existsSync(REAL_BOUNDARIES)) {
      expect(await text(page, 'boundary-source')).toContain('bengkulu-selatan-villages.geojson');
    }
    // The legend keeps the data-quality counts of what the importer rejected.
    expect(await text(page, 'dq-unknownVillage')).toMatch(/: 1$/);
    expect(await text(page, 'dq-outsideRegency')).toMatch(/: 1$/);
    await afterDatasetLoad(page, () => page.reload());
    expect(await text(page, 'dataset-name')).toContain('Uji impor P3KE');
    expect(await text(page, 'figure-households')).toContain(String(fixtures.valid));
    await screenshot(page, 'import-02-after-reload');
  });

  it('switches back to the demo and to the import again', async () => {
    await importUnlessInUse();
    await afterDatasetLoad(page, () => page.getByTestId('dataset-switcher').selectOption('server'));
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
    await afterDatasetLoad(page, () => page.getByTestId('dataset-switcher').selectOption('imported'));
    expect(await text(page, 'dataset-name')).toContain('Uji impor P3KE');
  });

  it('erases all local data with one click', async () => {
    await importUnlessInUse();
    await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
    await expect(page.getByTestId('dataset-switcher').count()).resolves.toBe(0);
    const leftovers = await page.evaluate(async () => {
      const keys = Object.keys(localStorage).filter((k) => k.startsWith('gancang-pikat.'));
      const dbs = (await indexedDB.databases()).map((d) => d.name);
      return { keys, dbs };
    });
    expect(leftovers.keys).toEqual([]);
    // The database may exist, but it holds nothing after the erase.
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('gancang-pikat');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('datasets')) return resolve(0);
            const count = db.transaction('datasets').objectStore('datasets').count();
            count.onsuccess = () => resolve(count.result);
          };
          open.onerror = () => resolve(0);
        }),
    );
    expect(stored).toBe(0);
  });

  it('never ran markup from the files and talked to no other host', async () => {
    // The files' names at least once checked and in use, whatever ran before.
    await importUnlessInUse();
    expect(alerts).toEqual([]);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
