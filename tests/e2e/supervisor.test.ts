import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Dashboard,
  openDashboard,
  openLink,
  screenshot,
  waitDrawn,
  waitMapIdle,
  waitReady,
} from './harness';

/** "36,8 %" (Indonesian) → 36.8; "1.170" → 1170. */
const idNumber = (text: string | null): number =>
  Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'));

const coverageColumn = async (page: Page): Promise<number[]> => {
  // Column 4 of the village table is coverage %.
  const cells = await page.locator('[data-testid="coverage-row"] td:nth-child(4)').allTextContents();
  return cells.filter((c) => c !== '–').map(idNumber);
};

// A supervisor's tasks: worst villages first, select one and see its lines, move the distance limit, run the
// reassignment proposal, export the action list, and rank sites for new agents. Each starts from its own link.
describe('supervisor (Pengawasan)', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', query: 'section=supervisor' });
    page = dash.page;
    await waitReady(page);
  });

  // Each task opens Pengawasan afresh from its link (the dataset stays loaded), not from the last one's screen.
  beforeEach(() => openLink(page, '?section=supervisor'));

  afterAll(async () => {
    await dash?.close();
  });

  it('opens with the coverage figures and villages worst first', async () => {
    await expect(page.getByTestId('supervisor-coverage').textContent()).resolves.toMatch(/\d+,\d %/);
    expect(idNumber(await page.getByTestId('kpi-no-agent').textContent())).toBeGreaterThan(0);
    const coverage = await coverageColumn(page);
    expect(coverage.length).toBeGreaterThan(100);
    expect(coverage).toEqual([...coverage].sort((a, b) => a - b));
    await waitMapIdle(page);
    await screenshot(page, 'supervisor-01-worst-first');
  });

  it('sorts by a column both ways and filters by kecamatan', async () => {
    await page.getByTestId('sort-coveragePct').click();
    const desc = await coverageColumn(page);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.getByTestId('sort-coveragePct').click();
    await page.getByTestId('district-filter').selectOption({ label: 'Ulu Manna' });
    const districts = await page.locator('[data-testid="coverage-row"] td:nth-child(2)').allTextContents();
    expect(districts.length).toBe(10);
    expect(new Set(districts)).toEqual(new Set(['Ulu Manna']));
    await page.getByTestId('level-district').click();
    await expect(page.getByTestId('coverage-row').count()).resolves.toBe(11);
    await page.getByTestId('level-village').click();
  });

  it('flies to the worst village and draws lines from its households to their agents', async () => {
    const first = page.getByTestId('coverage-row').first();
    const name = (await first.locator('td').first().textContent()) ?? '';
    const zoomBefore = await page.evaluate(() => window.__gancang?.map.getZoom() ?? 0);
    await first.click();
    await expect(page.getByTestId('selection').textContent()).resolves.toContain(name);
    await page.waitForFunction(() => !window.__gancang?.map.isMoving(), undefined, { timeout: 10_000 });
    await expect
      .poll(() => page.evaluate(() => window.__gancang?.map.getZoom() ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(zoomBefore + 1);
    await expect
      .poll(async () => Number(await page.getByTestId('selection').getAttribute('data-lines')))
      .toBeGreaterThan(0);
    await waitMapIdle(page);
    await screenshot(page, 'supervisor-02-village-lines');
  });

  it('recomputes everything when the distance limit moves', async () => {
    const before = idNumber(await page.getByTestId('supervisor-coverage').textContent());
    const slider = page.getByTestId('threshold');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('threshold-value').textContent()).resolves.toBe('2,0 km');
    await page.waitForFunction(
      (old) => {
        const text = document.querySelector('[data-testid="supervisor-coverage"]')?.textContent ?? '';
        return Number(text.replace(/[^\d,]/g, '').replace(',', '.')) > old;
      },
      before,
      { timeout: 20_000 },
    );
    await expect.poll(() => page.url()).toContain('jarak_m=2000');
    await screenshot(page, 'supervisor-03-threshold-2km');
  });

  it('proposes reassignments, shows before/after and exports the action list masked', async () => {
    await openLink(page, '?section=supervisor&jarak_m=2000&daftar=usulan');
    await page.getByTestId('run-proposal').click();
    await page.getByTestId('proposal-result').waitFor({ timeout: 60_000 });
    const before = idNumber(await page.getByTestId('coverage-before').textContent());
    const after = idNumber(await page.getByTestId('coverage-after').textContent());
    expect(after).toBeGreaterThan(before);
    const moves = idNumber(await page.getByTestId('moves-count').textContent());
    expect(moves).toBeGreaterThan(0);
    await screenshot(page, 'supervisor-04-proposal');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('usulan-penugasan-2000m.csv');
    const csv = await readFile((await csvDownload.path()) as string, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('agen_baru,id_keluarga,desa,kecamatan,jarak_m,agen_lama');
    expect(lines.length - 1).toBe(moves);
    expect(csv).not.toMatch(/P1701\d{12}|AG\d{5}/); // household and agent ids are pseudonyms by default
    expect(lines[1]).toMatch(/^AG-[A-Z]{11},KL-[A-Z]{11},/);

    // Full ids only as an explicit choice for one export, labelled in the file name and the headers.
    await page.getByTestId('export-internal').check();
    const [internalDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(internalDownload.suggestedFilename()).toBe('usulan-penugasan-2000m-INTERNAL-ID-LENGKAP.csv');
    const internal = await readFile((await internalDownload.path()) as string, 'utf8');
    expect(internal.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'agen_baru (ID LENGKAP – INTERNAL),id_keluarga (ID LENGKAP – INTERNAL),desa,kecamatan,jarak_m,agen_lama (ID LENGKAP – INTERNAL)',
    );
    expect(internal).toMatch(/AG\d{5},P1701\d{12},/);
    expect(await page.getByTestId('export-internal').isChecked()).toBe(false);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe('usulan-penugasan-2000m.xlsx');
    const xlsx = await readFile((await xlsxDownload.path()) as string);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK'); // a zip container, as every .xlsx is
  });

  it('ranks where new agents would reach the most uncovered households', async () => {
    await page.getByTestId('tab-proposal').click();
    await page.getByTestId('site-count').fill('3');
    await page.getByTestId('rank-sites').click();
    const items = page.locator('[data-testid="site-ranking"] li');
    await items.first().waitFor({ timeout: 30_000 });
    await expect(items.count()).resolves.toBe(3);
    const gains = (await items.allTextContents()).map((t) => idNumber(t.split('+')[1] ?? ''));
    expect(gains[0]).toBeGreaterThan(0);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
  });

  it('shows agent load and the agents below ten families', async () => {
    await page.getByTestId('tab-agents').click();
    await page.locator('[data-testid="load-histogram"] .recharts-bar-rectangle').first().waitFor();
    // The list is part of the link (a shared link opens on it).
    await expect.poll(() => new URL(page.url()).searchParams.get('daftar')).toBe('agen');
    await expect(page.locator('[data-testid="agents-below"] tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.locator('[data-testid="agents-far"] tbody tr').first().click();
    await expect(page.getByTestId('selection').textContent()).resolves.toMatch(/Agen terpilih: AG-[A-Z]{11}/);
    const listed = await page.locator('[data-testid="agents-below"] tbody td:first-child').allTextContents();
    for (const id of listed) expect(id).toMatch(/^AG-[A-Z]{11}$/);
    await waitDrawn(page);
    await screenshot(page, 'supervisor-05-agents');
  });

  it('switches to the bivariate need × coverage map with its 3×3 key', async () => {
    await page.getByTestId('mode-bivariate').click();
    await expect(
      page.locator('[data-testid="bivariate-legend"] [data-testid="legend-item"]').count(),
    ).resolves.toBe(9);
    await page.evaluate(() => window.__gancang?.map.jumpTo({ center: [103.02, -4.38], zoom: 9.6 }));
    await waitMapIdle(page);
    await screenshot(page, 'supervisor-06-bivariate');
  });

  it('opens with a village selected from a link (?awasi=…), as the planner profile links', async () => {
    await page.goto(`${dash.server.url}?section=supervisor&awasi=17.01.04.2019`, {
      waitUntil: 'domcontentloaded',
    });
    await waitReady(page);
    await expect
      .poll(async () => (await page.getByTestId('selection').textContent()) ?? '', { timeout: 30_000 })
      .toContain('Desa terpilih: Ketaping');
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
