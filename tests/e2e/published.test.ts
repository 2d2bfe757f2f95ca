import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main as convert } from '../../scripts/convert-data';
import {
  afterDatasetLoad,
  configWith,
  type Dashboard,
  openDashboard,
  openLink,
  ROOT,
  readGazetteer,
  screenshot,
  waitReady,
} from './harness';

const DEMO = path.join(ROOT, 'data', 'demo');
const PARQUET = path.join(ROOT, 'tests', 'fixtures', 'import', 'hh-parquet.parquet');
const NAME = 'P3KE Kantor Bappeda';

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

// The office's shared dataset named in config.json: loaded instead of the demo, checked like an import.
describe('published dataset', () => {
  let dir: string;
  let households: string;
  let validHouseholds: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gancang-published-'));
    // The demo's households with two rows the checks reject (an unknown village, a duplicated id).
    const csv = (await readFile(path.join(DEMO, 'households.csv'), 'utf8')).trimEnd().split('\n');
    const header = csv[0] ?? '';
    const first = (csv[1] ?? '').split(',');
    const column = (name: string) => header.split(',').indexOf(name);
    const bad = [...first];
    bad[column('kode_kemendagri')] = '17.01.99.9999';
    bad[column('id_keluarga_p3ke')] = 'PUB-BAD-VILLAGE';
    validHouseholds = csv.length - 2; // every row but the header and the first (its duplicate rejects both)
    csv.push(bad.join(','), first.join(','));
    households = path.join(dir, 'keluarga.csv');
    await writeFile(households, `${csv.join('\n')}\n`);
  });

  describe('households, agents and cases on the server', () => {
    let dash: Dashboard;
    let page: Page;

    beforeAll(async () => {
      const config = await configWith(dir, {
        name: NAME,
        date: '2026-10-31',
        households: 'bersama/keluarga.csv',
        agents: 'bersama/agen.csv',
        cases: 'bersama/kasus.csv',
      });
      dash = await openDashboard({
        boundaries: 'none',
        files: {
          '/config.json': config,
          '/bersama/keluarga.csv': households,
          '/bersama/agen.csv': path.join(DEMO, 'agents.csv'),
          '/bersama/kasus.csv': path.join(DEMO, 'cases.csv'),
        },
      });
      page = dash.page;
      page.on('dialog', (dialog) => void dialog.accept());
      await waitReady(page);
    });

    // Each test starts on the planner, with no data dialog left open (they sit over every section).
    beforeEach(async () => {
      for (const id of ['import-close', 'reports-close']) {
        const close = page.getByTestId(id);
        if (await close.isVisible()) await close.click();
      }
      await openLink(page, '?section=planner');
    });

    afterAll(async () => {
      await dash?.close();
    });

    it('loads it instead of the demo, labelled with its name and date', async () => {
      const label = await text(page, 'dataset-name');
      expect(label).toContain(NAME);
      expect(label).toContain('31 Oktober 2026');
      expect(label).not.toContain('sintetis');
      expect(dash.server.requests).toContain('/bersama/keluarga.csv');
      for (const table of ['households', 'agents', 'cases']) {
        expect(await page.getByTestId(`dataset-table-${table}`).getAttribute('data-status')).toBe('loaded');
      }
      // Only the valid rows are counted.
      const shown = (await text(page, 'figure-households')).replace(/\D/g, '');
      expect(Number(shown)).toBe(validHouseholds);
      await screenshot(page, 'published-01-loaded');
    });

    it('shows the same check report as an import, naming the rejected rows', async () => {
      await page.getByTestId('reports-open').click();
      const dialog = page.getByTestId('reports-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(NAME);
      const report = dialog.getByTestId('report-households');
      expect(await report.getByTestId('report-summary').textContent()).toMatch(/3 ditolak/);
      const problems = (await report.getByTestId('report-problems').textContent()) ?? '';
      expect(problems).toContain('17.01.99.9999');
      expect(await dialog.getByTestId('report-agents').count()).toBe(1);
      expect(await dialog.locator('select').count()).toBe(0);
      await screenshot(page, 'published-02-report');
      await page.getByTestId('reports-close').click();
    });

    it('a user import overrides it in this browser; erasing local data returns to it', async () => {
      const v0 = (await readGazetteer())[0];
      if (!v0) throw new Error('gazetteer is empty');
      const mine = path.join(dir, 'milik-saya.csv');
      const rows = ['household_id,village_code,lon,lat'];
      for (let i = 0; i < 25; i++) rows.push(`MINE${i},${v0.village_code},${v0.label_lon},${v0.label_lat}`);
      await writeFile(mine, `${rows.join('\n')}\n`);
      await page.getByTestId('import-open').click();
      await page.getByTestId('file-households').setInputFiles(mine);
      await page.getByTestId('import-check').click();
      await page.getByTestId('report-households').waitFor({ timeout: 60_000 });
      // What it replaces is the shared dataset, not "the demo".
      expect(await text(page, 'import-replaces')).toContain(NAME);
      await page.getByTestId('dataset-name-input').fill('Data saya');
      await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
      expect(await text(page, 'dataset-name')).toContain('Data saya');
      expect(await text(page, 'figure-households')).toContain('25');
      const options = await page.getByTestId('dataset-switcher').locator('option').allTextContents();
      expect(options.join(' | ')).toContain(NAME);
      await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
      expect(await text(page, 'dataset-name')).toContain(NAME);
      expect(await page.getByTestId('dataset-switcher').count()).toBe(0);
    });

    it('made no request to another host and threw no page error', () => {
      expect(dash.foreignRequests).toEqual([]);
      expect(dash.pageErrors).toEqual([]);
    });
  });

  it('opens a dataset of households only, in Parquet, and says which tables are missing', async () => {
    const config = await configWith(dir, {
      name: NAME,
      date: '2026-09-30',
      households: 'bersama/keluarga.parquet',
    });
    const dash = await openDashboard({
      boundaries: 'none',
      query: 'lang=en',
      files: { '/config.json': config, '/bersama/keluarga.parquet': PARQUET },
    });
    try {
      await waitReady(dash.page);
      expect(await text(dash.page, 'dataset-name')).toContain('30 September 2026');
      expect(await dash.page.getByTestId('dataset-table-households').getAttribute('data-status')).toBe(
        'loaded',
      );
      expect(await dash.page.getByTestId('dataset-table-agents').getAttribute('data-status')).toBe('missing');
      await dash.page.getByTestId('reports-open').click();
      expect(await dash.page.getByTestId('report-summary').textContent()).toMatch(/2 of 4/);
    } finally {
      await dash.close();
    }
  });

  it('opens a dataset written by `npm run data:convert` (Arrow), with the figures of its CSV', async () => {
    // The office converts its files once; the app reads the columnar tables and checks them again.
    const out = path.join(dir, 'terbit');
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const code = await convert([
        '--households',
        households,
        '--agents',
        path.join(DEMO, 'agents.csv'),
        '--cases',
        path.join(DEMO, 'cases.csv'),
        '--out',
        out,
      ]);
      expect(code).toBe(1); // the rejected rows are left out of the written file
    } finally {
      quiet.mockRestore();
    }
    const config = await configWith(dir, {
      name: NAME,
      date: '2026-10-31',
      households: 'terbit/households.arrow',
      agents: 'terbit/agents.arrow',
      cases: 'terbit/cases.arrow',
    });
    const files: Record<string, string> = { '/config.json': config };
    for (const table of ['households', 'agents', 'cases'])
      files[`/terbit/${table}.arrow`] = path.join(out, `${table}.arrow`);
    const dash = await openDashboard({ boundaries: 'none', files });
    try {
      await waitReady(dash.page);
      expect(dash.server.requests).toContain('/terbit/households.arrow');
      for (const table of ['households', 'agents', 'cases']) {
        expect(await dash.page.getByTestId(`dataset-table-${table}`).getAttribute('data-status')).toBe(
          'loaded',
        );
      }
      const shown = (await text(dash.page, 'figure-households')).replace(/\D/g, '');
      expect(Number(shown)).toBe(validHouseholds);
      await dash.page.getByTestId('reports-open').click();
      const report = dash.page.getByTestId('report-households');
      expect(await report.getByTestId('report-summary').textContent()).toMatch(/0 ditolak/);
      await screenshot(dash.page, 'published-04-columnar');
      expect(dash.pageErrors).toEqual([]);
    } finally {
      await dash.close();
    }
  });

  it('a file behind a login that was cancelled or refused: says so and offers a retry', async () => {
    const config = await configWith(dir, {
      name: NAME,
      date: '2026-10-31',
      households: 'rahasia/keluarga.csv',
    });
    const dash = await openDashboard({
      boundaries: 'none',
      files: { '/config.json': config, '/rahasia/keluarga.csv': 401 },
    });
    try {
      await dash.page.waitForFunction(() => document.documentElement.dataset.state === 'error', undefined, {
        timeout: 60_000,
      });
      expect(await text(dash.page, 'error-what')).toContain('keluarga.csv');
      expect(await text(dash.page, 'error')).toMatch(/login/);
      await screenshot(dash.page, 'published-03-login');
    } finally {
      await dash.close();
    }
  });

  it('a wrong entry in the settings is named, never replaced by the demo in silence', async () => {
    const config = await configWith(dir, {
      name: NAME,
      date: '31/10/2026',
      households: 'bersama/keluarga.csv',
    });
    const dash = await openDashboard({ boundaries: 'none', files: { '/config.json': config } });
    try {
      await dash.page.waitForFunction(() => document.documentElement.dataset.state === 'error', undefined, {
        timeout: 60_000,
      });
      expect(await text(dash.page, 'error')).toContain('31/10/2026');
    } finally {
      await dash.close();
    }
  });
});
