import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Dashboard,
  openDashboard,
  openLink,
  pngSize,
  ROOT,
  SCREENSHOT_DIR,
  screenshot,
  waitMapIdle,
  waitReady,
  waitStill,
} from './harness';
import { countColor } from './png-pixels';

/** "36,36" (Indonesian) → 36.36; "40.617" → 40617. */
const idNumber = (text: string | null): number =>
  Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'));
const OUT = path.join(ROOT, 'test-output');

const iid = async (page: Page, which: 'saved' | 'whatif' = 'saved') =>
  idNumber(await page.getByTestId(`${which}-iid`).first().textContent());

/** Where the assessments the user entered are kept in the browser. */
const ASSESSMENTS_KEY = 'gancang-pikat.innovation.assessments.v1';

// Bappeda's journey: read the index, enter levels, run a what-if, check the programme results,
// present them, and export the map PNG, a chart PNG and the PDF report.
describe('innovation (Inovasi)', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', query: 'section=innovation' });
    page = dash.page;
    await waitReady(page);
  });

  // Each task opens Inovasi afresh from its link, in Indonesian, on the example assessment (an earlier task may
  // have imported its own values or switched the language).
  beforeEach(async () => {
    await page.evaluate((key) => localStorage.removeItem(key), ASSESSMENTS_KEY);
    await openLink(page, '?section=innovation');
    await page.getByTestId('language').selectOption('id');
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('shows the index of the latest rubric year from the example, labelled as an example', async () => {
    await page.getByTestId('index-summary').waitFor();
    await expect(page.getByTestId('iid-year').inputValue()).resolves.toBe('2026');
    await expect(page.getByTestId('example-banner').textContent()).resolves.toMatch(/CONTOH/);
    expect(await iid(page)).toBeGreaterThan(0);
    await expect(page.getByTestId('saved-category').first().textContent()).resolves.toMatch(/Inovatif/);
    expect(idNumber(await page.getByTestId('families-reached').textContent())).toBeGreaterThan(10_000);
    await expect(page.getByTestId('beneficiaries-sql').textContent()).resolves.toContain('FROM households h');
    await expect(page.getByTestId('rubric-sources').textContent()).resolves.toContain('400.10.11/1887/BSKDN');
    await expect(page.locator('[data-testid="variable-table"] tbody tr').count()).resolves.toBe(8);
    await page.locator('[data-testid="history-chart"] .recharts-line-dot').first().waitFor();
    await screenshot(page, 'innovation-01-index');
  });

  it('enters levels and sees the index move, then switches to the 2023 rules', async () => {
    await page.getByTestId('iid-tab-assessment').click();
    const before = await iid(page);
    await page.getByTestId('level-spd-spd-01').selectOption('0');
    await page.getByTestId('level-spd-spd-02a').selectOption('0');
    const lowered = await iid(page);
    expect(lowered).toBeLessThan(before);
    // SPD indicators 1 and 2a weigh 1 each: from their example levels to 0 the index drops by (l1 + l2a) / 250 × 100.
    await page.getByTestId('level-spd-spd-01').selectOption('3');
    await page.getByTestId('level-spd-spd-02a').selectOption('3');
    expect(await iid(page)).toBeGreaterThanOrEqual(before);
    await screenshot(page, 'innovation-02-assessment');
    await page.getByTestId('iid-year').selectOption('2023');
    await expect.poll(() => new URL(page.url()).searchParams.get('tahun')).toBe('2023');
    await expect(page.getByTestId('editor-divisor').count()).resolves.toBe(0);
    await expect(page.getByTestId('index-summary').first().textContent()).resolves.toContain('MAKS(10, n)');
  });

  it('runs a what-if side by side with the saved state, then discards it', async () => {
    const saved = await iid(page);
    await page.getByTestId('whatif-start').click();
    await page.getByTestId('add-innovation').click();
    const added = page.getByTestId('innovation-item').last();
    await added.locator('input.innovation-name').fill('Simulasi: layanan baru');
    for (const id of ['sid-16', 'sid-17', 'sid-32', 'sid-33', 'sid-35']) {
      await page.locator(`[data-testid="level-INV-12-${id}"]`).selectOption('3');
    }
    const simulated = await iid(page, 'whatif');
    expect(simulated).not.toBe(saved);
    expect(await iid(page)).toBe(saved); // the saved state does not move
    await expect(page.getByTestId('whatif-delta').first().textContent()).resolves.toMatch(/Δ [+-]/);
    await screenshot(page, 'innovation-03-whatif');
    await page.getByTestId('iid-tab-index').click();
    // The chart draws its legend after the tab shows: counted once it has drawn (a third item would still count).
    await page.locator('[data-testid="variable-chart"] .recharts-legend-item').nth(1).waitFor();
    await expect(page.locator('[data-testid="variable-chart"] .recharts-legend-item').count()).resolves.toBe(
      2,
    );
    await page.getByTestId('whatif-discard').click();
    await expect(page.getByTestId('whatif').count()).resolves.toBe(0);
  });

  it('exports the assessment, rejects a broken file with row messages, and imports a good one', async () => {
    await page.getByTestId('iid-tab-assessment').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-assessment-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('penilaian-iid.csv');
    const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    // A block saying what the file holds, a blank line, then the table (which the import reads back below).
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Isi,Penilaian mandiri Indeks Inovasi Daerah/);
    expect(lines.find((l) => l.startsWith('Rubrik,'))).toMatch(
      /Indeks Inovasi Daerah 2026 \(belum diperiksa/,
    );
    expect(lines.find((l) => l.startsWith('Data,'))).toMatch(/nilai contoh \(sintetis\)/);
    expect(lines.find((l) => l.startsWith('Diekspor,'))).toBeDefined();
    expect(lines[lines.indexOf('') + 1]).toBe('tahun,inovasi_id,inovasi_nama,urusan,indikator,level,bukti');
    mkdirSync(OUT, { recursive: true });
    const bad = path.join(OUT, 'iid-bad.csv');
    await writeFile(
      bad,
      'tahun,inovasi_id,inovasi_nama,urusan,indikator,level,bukti\n2026,,,,spd-01,7,\n2030,,,,spd-01,1,\n',
    );
    await page.getByTestId('import-assessment').setInputFiles(bad);
    await page.getByTestId('import-issues').waitFor();
    const issues = await page.locator('[data-testid="import-issues"] li').allTextContents();
    expect(issues).toEqual([
      'Baris 2: level "7" harus bilangan bulat 0–3',
      'Baris 3: tidak ada rubrik untuk tahun 2030 (tersedia: 2023, 2026)',
    ]);
    await page.getByTestId('import-rejected').waitFor();
    const good = path.join(OUT, 'iid-good.csv');
    await writeFile(good, csv.replace('2026,,,,spd-01,3,', '2026,,,,spd-01,1,'));
    await page.getByTestId('import-assessment').setInputFiles(good);
    await expect(page.getByTestId('import-ok').textContent()).resolves.toContain('2023, 2026');
    await expect(page.getByTestId('example-banner').count()).resolves.toBe(0); // now the user's own values
    const stored = await page.evaluate((key) => localStorage.getItem(key), ASSESSMENTS_KEY);
    expect(JSON.parse(stored ?? '{}').origin).toBe('user');
  });

  it('shows programme results from the data, aggregates only, with the village map', async () => {
    await page.getByTestId('iid-tab-programme').click();
    expect(idNumber(await page.locator('[data-testid="kpi-agents"] .value').textContent())).toBeGreaterThan(
      1000,
    );
    await expect(page.locator('[data-testid="districts-table"] tbody tr').count()).resolves.toBe(11);
    await expect(page.locator('[data-testid="needs-table"] tbody tr').count()).resolves.toBe(6);
    await page.locator('[data-testid="trend-chart"] .recharts-line').first().waitFor();
    await waitStill(page);
    await screenshot(page, 'innovation-04-programme');
    await page.getByTestId('theme-hotspots').click();
    await waitMapIdle(page);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('trend-chart-png').click(),
    ]);
    const bytes = await readFile((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await copyFile((await png.path()) as string, path.join(SCREENSHOT_DIR, 'innovation-chart-trend.png'));
    // The needs chart's PNG carries its legend: both series' colours drawn in the band under the chart.
    const [needs] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('needs-chart-png').click(),
    ]);
    const needsPng = await readFile((await needs.path()) as string);
    await copyFile((await needs.path()) as string, path.join(SCREENSHOT_DIR, 'innovation-chart-needs.png'));
    const chartHeight = await page
      .locator('[data-testid="needs-chart"] svg.recharts-surface')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().height);
    // Scale 2: the title band is 44 px, the legend row starts 8 px under the chart and is 20 px high.
    const band = { top: (44 + chartHeight + 8) * 2, height: 40 };
    const counts = {
      reported: countColor(needsPng, [0xd9, 0x5f, 0x02], 11, band),
      resolved: countColor(needsPng, [0x1b, 0x9e, 0x77], 11, band),
    };
    expect(counts.reported).toBeGreaterThan(100);
    expect(counts.resolved).toBeGreaterThan(100);
  });

  it('exports the official map PNG at the chosen size', async () => {
    await page.getByTestId('open-map-export').click();
    await page.getByTestId('map-size').selectOption('a4');
    await page.getByTestId('map-dpi').selectOption('150');
    await expect(page.getByTestId('map-pixels').textContent()).resolves.toBe('1.754 × 1.240 piksel');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-map-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('peta-cakupan-1754x1240.png');
    const bytes = await readFile((await download.path()) as string);
    expect(pngSize(bytes)).toEqual({ width: 1754, height: 1240 });
    await copyFile(
      (await download.path()) as string,
      path.join(SCREENSHOT_DIR, 'innovation-06-map-export.png'),
    );
    await expect(page.getByTestId('map-export').count()).resolves.toBe(0);
  });

  it('exports the PDF report; every page is converted to an image to be looked at', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('export-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe('laporan-inovasi-2026.pdf');
    const file = path.join(OUT, 'laporan-inovasi-2026.pdf');
    await copyFile((await download.path()) as string, file);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Small enough for an e-mail: the map pages are compressed.
    expect(bytes.length).toBeLessThanOrEqual(3 * 1024 * 1024);
    const text = bytes.toString('latin1');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBe(5);
    if (existsSync('/usr/bin/pdftoppm')) {
      const prefix = path.join(SCREENSHOT_DIR, 'innovation-07-pdf');
      for (const old of readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('innovation-07-pdf')))
        rmSync(path.join(SCREENSHOT_DIR, old));
      execFileSync('/usr/bin/pdftoppm', ['-r', '60', '-png', file, prefix]);
      expect(readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('innovation-07-pdf')).length).toBe(5);
    }
  });

  it('switches to English and made no request off the machine', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('iid-tab-index').click();
    await expect(page.getByTestId('index-summary').first().textContent()).resolves.toContain(
      'Regional Innovation Index 2026',
    );
    await screenshot(page, 'innovation-08-english');
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
