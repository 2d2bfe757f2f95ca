import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  afterDatasetLoad,
  type Dashboard,
  DIST,
  openDashboard,
  openLink,
  ROOT,
  screenshot,
  waitReady,
  waitStill,
} from './harness';

const run = promisify(execFile);
const DEMO = path.join(ROOT, 'data', 'demo');
const NAME = 'Angka desa P3KE (uji)';
const text = async (page: Page, id: string) => (await page.getByTestId(id).first().textContent()) ?? '';

/** Each test starts on the planner, with no data dialog left open (they sit over every section). */
async function startOnPlanner(page: Page): Promise<void> {
  for (const id of ['import-close', 'reports-close']) {
    const close = page.getByTestId(id);
    if (await close.isVisible()) await close.click();
  }
  await openLink(page, '?section=planner');
}

/**
 * The demo with one village cut down to two households (a small group), published by the real command: the
 * aggregate dataset an office could put on a public server.
 */
async function publish(dir: string): Promise<{ out: string; small: string; households: number }> {
  const input = path.join(dir, 'masukan');
  const out = path.join(dir, 'publik');
  await mkdir(input, { recursive: true });
  const lines = (await readFile(path.join(DEMO, 'households.csv'), 'utf8')).trimEnd().split('\n');
  const header = lines[0] ?? '';
  const villageColumn = header.split(',').indexOf('kode_kemendagri');
  const small = (lines[1] ?? '').split(',')[villageColumn] ?? '';
  let kept = 0;
  const rows = lines.slice(1).filter((line) => {
    if (line.split(',')[villageColumn] !== small) return true;
    kept++;
    return kept <= 2;
  });
  await writeFile(path.join(input, 'households.csv'), `${[header, ...rows].join('\n')}\n`);
  await writeFile(path.join(input, 'agents.csv'), await readFile(path.join(DEMO, 'agents.csv')));
  await writeFile(path.join(input, 'cases.csv'), await readFile(path.join(DEMO, 'cases.csv')));
  const args = ['tsx', 'scripts/publish-aggregates.ts', '--in', input, '--out', out, '--name', NAME];
  // Cases of the removed households are rejected (exit 1): the figures are still written.
  await run('npx', [...args, '--date', '2026-10-31', '--synthetic'], { cwd: ROOT }).catch(
    (error: { code?: number }) => {
      if (error.code !== 1) throw error;
    },
  );
  return { out, small, households: rows.length };
}

// config.json names an aggregate-only dataset: maps and area figures from it; household features say why not.
describe('published aggregate-only dataset', () => {
  let dash: Dashboard;
  let page: Page;
  let published: Awaited<ReturnType<typeof publish>>;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gancang-aggregates-'));
    published = await publish(dir);
    const built = JSON.parse(await readFile(path.join(DIST, 'config.json'), 'utf8')) as object;
    const config = path.join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ ...built, dataset: { aggregates: 'publik/aggregates.json' } }));
    const files: Record<string, string> = { '/config.json': config };
    for (const name of ['aggregates.json', 'village-figures.csv', 'village-months.csv']) {
      files[`/publik/${name}`] = path.join(published.out, name);
    }
    dash = await openDashboard({ boundaries: 'none', files });
    page = dash.page;
    await waitReady(page);
  }, 180_000);

  beforeEach(() => startOnPlanner(page));

  afterAll(async () => {
    await dash?.close();
  });

  it('opens it, labelled with the name and date of its manifest, and synthetic as its source was', async () => {
    const label = await text(page, 'dataset-name');
    expect(label).toMatch(/sintetis/);
    expect(dash.server.requests).toContain('/publik/village-figures.csv');
    expect(await page.getByTestId('dataset-table-households').getAttribute('data-status')).toBe('aggregated');
  });

  it('the planner maps and counts from the village figures; household features say they need household data', async () => {
    // Households of the villages shown: all but the hidden ones (at least the small village).
    const shown = Number((await text(page, 'planner-figure-households')).replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(published.households - 2);
    expect(await text(page, 'planner-figure-reported')).toMatch(/data agregat/);
    expect(await text(page, 'planner-figure-coverage')).toMatch(/\d %/);
    expect(await page.getByTestId('layer-points').isDisabled()).toBe(true);
    expect(await page.getByTestId('layer-heatmap').isDisabled()).toBe(true);
    expect(await page.getByTestId('filter-decile-min').isDisabled()).toBe(true);
    expect(await page.getByTestId('filter-agent').isDisabled()).toBe(true);
    expect(await text(page, 'missing-note-aggregated')).toMatch(/angka per desa/);
    // The legend says villages are hidden and that kecamatan figures leave them out.
    expect(await page.locator('.planner-legend').textContent()).toMatch(/disembunyikan pada data agregat/);
    // Time: the slider runs over the published months.
    expect(await page.getByTestId('histogram').count()).toBe(1);
    await page.getByTestId('tab-profile').click();
    expect(await text(page, 'needs-households')).toMatch(/data tingkat keluarga/);
    await page.getByTestId('tab-sql').click();
    expect(await text(page, 'needs-households')).toMatch(/data tingkat keluarga/);
    await page.getByTestId('tab-table').click();
    await screenshot(page, 'aggregates-01-planner');
  });

  it('the check report lists the hidden villages', async () => {
    await page.getByTestId('reports-open').click();
    expect(await text(page, 'report-aggregates-hidden')).toMatch(/^[1-9]\d* desa/);
    await page.getByTestId('reports-close').click();
  });

  it('supervision says it needs household data; Inovasi shows households and coverage', async () => {
    await page.getByTestId('nav-supervisor').click();
    expect(await text(page, 'needs-households')).toMatch(/data tingkat keluarga/);
    await screenshot(page, 'aggregates-02-supervisor');
    await page.getByTestId('nav-innovation').click();
    await page.getByTestId('iid-tab-programme').click();
    await page.getByTestId('kpi-coverage').waitFor({ timeout: 60_000 });
    expect(await text(page, 'kpi-coverage')).toMatch(/\d %/);
    expect(await text(page, 'kpi-reported')).toMatch(/data agregat/);
    await screenshot(page, 'aggregates-03-innovation');
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});

/** The dataset switcher's chosen entry (the header shows only "synthetic" for synthetic data). */
const selectedDataset = (page: Page) =>
  page.getByTestId('dataset-switcher').evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.options[select.selectedIndex]?.textContent ?? '';
  });

// The same three files taken through the import dialog: checked, kept in this browser, opened on reload.
describe('aggregate-only dataset imported in the browser', () => {
  let dash: Dashboard;
  let page: Page;
  let published: Awaited<ReturnType<typeof publish>>;
  let damaged: string;
  const file = (name: string) => path.join(published.out, name);

  /** Opens the import dialog on the three files (`figures` for the village figures) and checks them. */
  const check = async (figures: string) => {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-mode-aggregates').check();
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    await page.getByTestId('file-aggregate_manifest').setInputFiles(file('aggregates.json'));
    await page.getByTestId('file-aggregate_figures').setInputFiles(figures);
    await page.getByTestId('file-aggregate_months').setInputFiles(file('village-months.csv'));
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-aggregates').waitFor({ timeout: 60_000 });
  };
  /** The dataset in use is the import "Angka desa impor": imported here unless an earlier test left it in use. */
  const importUnlessInUse = async () => {
    if (
      (await page.getByTestId('dataset-switcher').count()) > 0 &&
      (await selectedDataset(page)).includes('Angka desa impor')
    )
      return;
    await check(file('village-figures.csv'));
    await page.getByTestId('dataset-name-input').fill('Angka desa impor');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
  };

  beforeAll(async () => {
    published = await publish(await mkdtemp(path.join(tmpdir(), 'gancang-aggregates-import-')));
    damaged = path.join(path.dirname(published.out), 'rusak.csv');
    const lines = (await readFile(file('village-figures.csv'), 'utf8')).split('\n');
    await writeFile(
      damaged,
      [lines[0], ['17.01.99.9999', ...Array(16).fill('5')].join(','), ...lines.slice(1)].join('\n'),
    );
    dash = await openDashboard({ boundaries: 'none' });
    page = dash.page;
    // "Hapus semua data lokal" asks first.
    page.on('dialog', (dialog) => void dialog.accept());
    await waitReady(page);
  }, 180_000);

  beforeEach(() => startOnPlanner(page));

  afterAll(async () => {
    await dash?.close();
  });

  it('names a wrong row with its file and line, and keeps the valid rows usable', async () => {
    await check(damaged);
    const report = await text(page, 'report-aggregates');
    expect(report).toMatch(/rusak\.csv, baris 2: kode desa 17\.01\.99\.9999 tidak ada di daftar desa/);
    expect(await text(page, 'report-aggregates-figures')).toMatch(/· 1 ditolak/);
  });

  it('checks the published files, says what they replace, and opens them after the reload', async () => {
    // From the demo (no earlier import kept), with the damaged files checked first: a new file drops that report.
    if ((await page.getByTestId('dataset-switcher').count()) > 0)
      await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    await check(damaged);
    await page.getByTestId('file-aggregate_figures').setInputFiles(file('village-figures.csv'));
    expect(await page.getByTestId('report-aggregates').count()).toBe(0);
    await page.getByTestId('import-check').click();
    await page.getByTestId('report-aggregates').waitFor({ timeout: 60_000 });
    expect(await text(page, 'report-aggregates-figures')).toMatch(/· 0 ditolak/);
    expect(await text(page, 'report-aggregates-hidden')).toMatch(/^[1-9]\d* desa/);
    expect(await text(page, 'import-replaces')).toContain('data contoh (sintetis) (keluarga, agen, kasus)');
    expect(await text(page, 'import-missing')).toMatch(/Tanpa data keluarga/);
    await screenshot(page, 'aggregates-04-import');
    await page.getByTestId('dataset-name-input').fill('Angka desa impor');
    await afterDatasetLoad(page, () => page.getByTestId('import-use').click());
    expect(await selectedDataset(page)).toContain('Angka desa impor');
    // Labelled synthetic as the published files say, whatever the user called them.
    expect(await text(page, 'dataset-name')).toMatch(/sintetis/);
    expect(await page.getByTestId('dataset-table-households').getAttribute('data-status')).toBe('aggregated');
    const shown = Number((await text(page, 'planner-figure-households')).replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(published.households - 2);
    expect(await page.getByTestId('layer-points').isDisabled()).toBe(true);
    await page.getByTestId('nav-supervisor').click();
    expect(await text(page, 'needs-households')).toMatch(/data tingkat keluarga/);
  });

  it('the presentation runs from the village figures', async () => {
    await importUnlessInUse();
    await page.getByTestId('nav-innovation').click();
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    const slides: string[] = [];
    for (let i = 0; i < 8; i++) {
      const slide = (await page.getByTestId('presentation').getAttribute('data-slide')) ?? '';
      slides.push(slide);
      if (slide === 'coverage' || slide === 'figures' || slide === 'trend' || slide === 'next') {
        await waitStill(page);
        await screenshot(page, `aggregates-05-slide-${slide}`);
        expect(await text(page, 'presentation')).toMatch(/\d/);
      }
      await page.keyboard.press('ArrowRight');
    }
    expect(slides).toEqual([
      'title',
      'index',
      'hotspots',
      'coverage',
      'figures',
      'channels',
      'trend',
      'next',
    ]);
    // Village figures hold no case rows: the channel slide says what is missing instead of showing zeros.
    await page.getByTestId('close-presentation').click();
    await page.getByTestId('nav-planner').click();
  });

  it('is still there after a reload, and one click returns to the demo', async () => {
    await importUnlessInUse();
    await afterDatasetLoad(page, () => page.reload());
    expect(await selectedDataset(page)).toContain('Angka desa impor');
    expect(await page.getByTestId('dataset-table-households').getAttribute('data-status')).toBe('aggregated');
    await afterDatasetLoad(page, () => page.getByTestId('erase-local').click());
    expect(await text(page, 'dataset-name')).toContain('data contoh (sintetis)');
    expect(await page.getByTestId('dataset-switcher').count()).toBe(0);
    expect(await page.getByTestId('layer-points').isDisabled()).toBe(false);
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});

it('an aggregate dataset that cannot be opened is named with its problem, never replaced by the demo', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'gancang-aggregates-bad-'));
  const built = JSON.parse(await readFile(path.join(DIST, 'config.json'), 'utf8')) as object;
  const config = path.join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ ...built, dataset: { aggregates: 'publik/aggregates.json' } }));
  const manifest = path.join(dir, 'aggregates.json');
  await writeFile(manifest, JSON.stringify({ format: 'something-else', version: 1 }));
  const dash = await openDashboard({
    boundaries: 'none',
    files: { '/config.json': config, '/publik/aggregates.json': manifest },
  });
  try {
    await dash.page.waitForFunction(() => document.documentElement.dataset.state === 'error', undefined, {
      timeout: 60_000,
    });
    const shown = await text(dash.page, 'error-what');
    expect(shown).toMatch(/Dataset agregat di server tidak dapat dibuka/);
    expect(shown).toContain('aggregates.json');
  } finally {
    await dash.close();
  }
});
