import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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

const readWorkbook = async (file: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
};

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

  it('shows, after steps either way, the same figures as before at each limit (answers worked out ahead)', async () => {
    await openLink(page, '?section=supervisor&jarak_m=1000');
    const kpis = page.getByTestId('supervisor-kpis');
    const read = async () => (await kpis.textContent()) ?? '';
    /** Presses `key`, then waits for the figures to change and the worker to be done with the steps ahead. */
    const step = async (key: 'ArrowRight' | 'ArrowLeft', shown: string) => {
      const before = await read();
      await page.keyboard.press(key);
      await expect.poll(() => page.getByTestId('threshold-value').textContent()).toBe(shown);
      await expect.poll(read, { timeout: 20_000 }).not.toBe(before);
      await page.waitForTimeout(500);
      return read();
    };
    const at1km = await read();
    await page.getByTestId('threshold').focus();
    const at1250 = await step('ArrowRight', '1,25 km');
    expect(await step('ArrowLeft', '1,0 km')).toBe(at1km);
    const at750 = await step('ArrowLeft', '0,75 km');
    expect(await step('ArrowRight', '1,0 km')).toBe(at1km);
    expect(await step('ArrowRight', '1,25 km')).toBe(at1250);
    // Each limit has figures of its own, and the limit named in them is the one chosen.
    expect(new Set([at750, at1km, at1250]).size).toBe(3);
    expect(at750).toContain('0,75 km');
    expect(at1250).toContain('1,25 km');
    await screenshot(page, 'supervisor-03b-threshold-1250m');
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
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    // The file first says what it shows, and that the data are synthetic; then the table, in plain words.
    expect(lines[0]).toBe('Isi,Usulan penugasan agen (daftar tindakan)');
    expect(lines.find((l) => l.startsWith('Data,'))).toMatch(/sintetis/);
    const header = lines.indexOf(
      'Agen baru,OPD agen baru,Keluarga,Desa/kelurahan,Kecamatan,Jarak ke agen baru (km),Agen lama,OPD agen lama',
    );
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, lines.indexOf('', header));
    expect(rows.length).toBe(moves);
    expect(csv).not.toMatch(/P1701\d{12}|AG\d{5}/); // household and agent ids are pseudonyms by default
    // Pseudonyms, the new agent's office, and a distance in km with one decimal.
    expect(rows[0]).toMatch(/^AG-[A-Z]{11},[^,]+,KL-[A-Z]{11},.*,\d+(\.\d)?,/);
    // The families the proposal could not place follow, with their reasons, in the same file.
    const rest = lines.indexOf('Belum terselesaikan');
    expect(rest).toBeGreaterThan(header + moves);
    expect(lines[rest + 1]).toBe(
      'Keluarga,Desa/kelurahan,Kecamatan,Alasan,Jarak ke agen aktif terdekat (km)',
    );

    // Full ids and names only as an explicit choice for one export, labelled in the file name and headers.
    await page.getByTestId('export-internal').check();
    const [internalDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(internalDownload.suggestedFilename()).toBe('usulan-penugasan-2000m-INTERNAL-ID-LENGKAP.csv');
    const internal = (await readFile((await internalDownload.path()) as string, 'utf8')).split('\r\n');
    expect(internal).toContain(
      'Agen baru (ID LENGKAP – INTERNAL),Nama agen baru (ID LENGKAP – INTERNAL),OPD agen baru,Keluarga (ID LENGKAP – INTERNAL),Nama kepala keluarga (ID LENGKAP – INTERNAL),Desa/kelurahan,Kecamatan,Jarak ke agen baru (km),Agen lama (ID LENGKAP – INTERNAL),OPD agen lama',
    );
    expect(internal.join('\n')).toMatch(/AG\d{5},[^,]*[A-Za-z][^,]*,[^,]+,P1701\d{12},/);
    expect(await page.getByTestId('export-internal').isChecked()).toBe(false);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe('usulan-penugasan-2000m.xlsx');
    const book = await readWorkbook((await xlsxDownload.path()) as string);
    // Two sheets, each opening with the same block about the file, frozen below the table's header.
    expect(book.worksheets.map((w) => w.name)).toEqual(['Penugasan baru', 'Belum terselesaikan']);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('Isi');
    expect(String(sheet?.getCell('B2').value)).toMatch(/sintetis/);
    const frozen = sheet?.views[0] as { ySplit?: number } | undefined;
    expect(sheet?.getRow(frozen?.ySplit ?? 0).getCell(1).value).toBe('Agen baru');
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

  it('lists every agent: filter by office and need, sort by the farthest family, export with the list named', async () => {
    await page.getByTestId('tab-agents').click();
    await page.locator('[data-testid="load-histogram"] .recharts-bar-rectangle').first().waitFor();
    // The list is part of the link (a shared link opens on it).
    await expect.poll(() => new URL(page.url()).searchParams.get('daftar')).toBe('agen');
    const title = async () => idNumber(await page.locator('[data-testid="agent-list"] h4').textContent());
    const all = await title();
    expect(all).toBeGreaterThan(6000); // every active agent, not the first 50
    await expect(page.getByTestId('agent-row').count()).resolves.toBe(100); // drawn a page at a time
    await page.getByTestId('agents-more').click();
    await expect(page.getByTestId('agent-row').count()).resolves.toBe(200);
    const codes = await page.locator('[data-testid="agent-row"] td:first-child').allTextContents();
    for (const code of codes) expect(code).toMatch(/^AG-[A-Z]{11}$/);

    await page.getByTestId('agent-show').selectOption('belowMin');
    const below = await title();
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(all);
    const office = (await page.locator('[data-testid="agent-office"] option').nth(1).textContent()) ?? '';
    await page.getByTestId('agent-office').selectOption({ label: office });
    const offices = await page.locator('[data-testid="agent-row"] td:nth-child(3)').allTextContents();
    expect(offices.length).toBeGreaterThan(0);
    expect(new Set(offices)).toEqual(new Set([office]));
    await page.getByTestId('agent-show').selectOption('active');
    await page.getByTestId('agent-sort-maxDistanceM').click();
    const km = (await page.locator('[data-testid="agent-row"] td:nth-child(8)').allTextContents())
      .filter((c) => c !== '–')
      .map(idNumber);
    expect(km).toEqual([...km].sort((a, b) => b - a));

    await page.getByTestId('agent-row').first().click();
    await expect(page.getByTestId('selection').textContent()).resolves.toMatch(/Agen terpilih: AG-[A-Z]{11}/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('agents-export-csv').click(),
    ]);
    const lines = (await readFile((await download.path()) as string, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('\uFEFFIsi,Daftar agen');
    expect(lines).toContain('Daftar,Semua agen aktif');
    const header = lines.findIndex((l) => l.startsWith('Kode agen,'));
    expect(lines[header]).toBe(
      'Kode agen,Jenis pegawai,OPD / unit kerja,Desa domisili,Kecamatan,Aktif,Jumlah keluarga,Keluarga terjangkau,Keluarga dikunjungi ≤ 90 hari,Dikunjungi ≤ 90 hari (%),Keluarga belum pernah dikunjungi,Jarak keluarga terjauh (km)',
    );
    expect(lines.slice(header + 1).filter(Boolean).length).toBe(await title());
    await waitDrawn(page);
    await screenshot(page, 'supervisor-05-agents');
  });

  it('shows and searches agents by name only in the labelled internal mode, which ends with the list', async () => {
    await openLink(page, '?section=supervisor&daftar=agen');
    const first = page.locator('[data-testid="agent-row"] td:first-child').first();
    await expect(first.textContent()).resolves.toMatch(/^AG-[A-Z]{11}$/);
    await expect(page.getByTestId('agents-internal-banner').count()).resolves.toBe(0);
    await page.getByTestId('agents-internal').check();
    await page.getByTestId('agents-internal-banner').waitFor();
    // The names are read when the mode is turned on: wait for them on screen.
    await expect.poll(() => first.textContent()).toMatch(/^AG\d{5} · \S/);
    const name = ((await first.textContent()) ?? '').split(' · ')[1]?.split(',')[0] ?? '';
    expect(name.length).toBeGreaterThan(3);
    await page.getByTestId('agent-search').fill(name.toLowerCase());
    const rows = page.locator('[data-testid="agent-row"] td:first-child');
    // The list follows the search once it has drawn again.
    await expect
      .poll(async () =>
        (await rows.allTextContents()).every((t) => t.toLowerCase().includes(name.toLowerCase())),
      )
      .toBe(true);
    const found = await rows.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) expect(text.toLowerCase()).toContain(name.toLowerCase());
    await screenshot(page, 'supervisor-09-agents-internal');
    // Leaving the list ends the mode: back on it, agents are pseudonyms again.
    await page.getByTestId('tab-offices').click();
    await page.getByTestId('tab-agents').click();
    await expect(page.getByTestId('agents-internal').isChecked()).resolves.toBe(false);
    await expect(
      page.locator('[data-testid="agent-row"] td:first-child').first().textContent(),
    ).resolves.toMatch(/^AG-[A-Z]{11}$/);
  });

  it('rolls up by office (OPD) and opens the agents of an office', async () => {
    await page.getByTestId('tab-offices').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('daftar')).toBe('opd');
    const rows = page.getByTestId('office-row');
    await expect(rows.count()).resolves.toBeGreaterThan(5);
    // Worst covered office first; the families of all offices add up to the agents' families.
    const pct = (await page.locator('[data-testid="office-row"] td:nth-child(4)').allTextContents()).map(
      idNumber,
    );
    expect(pct).toEqual([...pct].sort((a, b) => a - b));
    const office = (await rows.first().locator('td').first().textContent()) ?? '';
    await rows.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('daftar')).toBe('agen');
    const offices = await page.locator('[data-testid="agent-row"] td:nth-child(3)').allTextContents();
    expect(new Set(offices)).toEqual(new Set([office]));
    await page.getByTestId('tab-offices').click();
    await screenshot(page, 'supervisor-07-offices');
  });

  it('counts a family as terjangkau only when visited within the window, and keeps the window in the link', async () => {
    const coverage = async () => idNumber(await page.getByTestId('supervisor-coverage').textContent());
    const unvisited = async () => idNumber(await page.getByTestId('kpi-unvisited').textContent());
    const near = idNumber(
      ((await page.getByTestId('supervisor-near').textContent()) ?? '').split(':')[1] ?? '',
    );
    const before = await coverage();
    expect(before).toBeLessThan(near); // some near families were not visited within 90 days
    await expect(page.getByTestId('visit-reference').textContent()).resolves.toContain('31 Oktober 2026');
    const slider = page.getByTestId('visit-days');
    await slider.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft'); // 90 → 30 days
    await expect(page.getByTestId('visit-days-value').textContent()).resolves.toBe('30 hari');
    await expect.poll(coverage, { timeout: 20_000 }).toBeLessThan(before);
    expect(await unvisited()).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('hari_kunjungan')).toBe('30');
    await screenshot(page, 'supervisor-08-visits-30-days');
    // A link out of range opens at the nearest end, and says so.
    await openLink(page, '?section=supervisor&hari_kunjungan=5');
    await expect(page.getByTestId('visit-days-value').textContent()).resolves.toBe('30 hari');
    await expect(page.locator('.settings-notices').textContent()).resolves.toContain(
      'Jangka kunjungan 5 hari',
    );
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
