/**
 * A planner's journey in the built app (headless Chromium): pick a need, change the classification,
 * drill up to kecamatan and back, filter, play the months, open a village profile, export the table,
 * query with SQL, see households at high zoom with masked ids, and reload the same screen from the URL.
 * Each step opens the planner afresh from its own link (the dataset stays loaded), not from the last step's screen.
 */
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
import { FIXED_PERIOD, figure, idNumber, legendLabels, tableColumn } from './planner-helpers';

describe('planner (Perencanaan)', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', query: 'section=planner' });
    page = dash.page;
    await waitReady(page);
  });

  // The need most steps work on: uninhabitable houses.
  beforeEach(() => openLink(page, '?section=planner&need=rtlh'));

  afterAll(async () => {
    await dash?.close();
  });

  it('opens with a classified map, half-open legend, key figures, histogram and table', async () => {
    await openLink(page, '?section=planner&need=any');
    await waitMapIdle(page);
    const labels = await legendLabels(page);
    expect(labels.length).toBe(6); // 5 quantile classes + no data
    expect(labels[0]).toMatch(/^\d+,\d – < \d+,\d \(\d+\)$/);
    expect(labels[4]).toMatch(/^\d+,\d – \d+,\d \(\d+\)$/); // the last class is closed
    expect(labels[5]).toContain('Tidak ada data');
    expect(await figure(page, 'households')).toBeGreaterThan(40_000);
    await expect(page.getByTestId('area-row').count()).resolves.toBe(158);
    await page.locator('[data-testid="histogram"] .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'planner-01-overview');
  });

  it('picks a need; legend, table and URL follow', async () => {
    await openLink(page, '?section=planner&need=any');
    await page.getByTestId('need-select').selectOption('rtlh');
    const title = page.getByTestId('legend').locator('h3');
    await expect.poll(() => title.textContent()).toContain('Rumah tidak layak huni');
    await expect.poll(() => page.url()).toMatch(/[?&]need=rtlh/);
    // The table is sorted by the map value, highest first.
    await expect
      .poll(async () => {
        const values = (await tableColumn(page, 3)).map(idNumber);
        return values.length === 158 && values.every((v, i) => i === 0 || v <= (values[i - 1] as number));
      })
      .toBe(true);
  });

  it('folds the legend away and back (it covers part of the map on small screens)', async () => {
    const item = page.getByTestId('legend').getByTestId('legend-item').first();
    await page.getByTestId('legend-toggle').click();
    await expect.poll(() => item.isVisible()).toBe(false);
    await page.getByTestId('legend-toggle').click();
    await expect.poll(() => item.isVisible()).toBe(true);
  });

  it('changes method and number of classes (Jenks, 7)', async () => {
    await page.getByTestId('method-select').selectOption('jenks');
    await page.getByTestId('classes-select').selectOption('7');
    await expect.poll(async () => (await legendLabels(page)).length).toBe(8);
    // The link follows the screen after a short delay: wait for both settings to reach it.
    await expect.poll(() => page.url()).toMatch(/metode=jenks/);
    await expect.poll(() => page.url()).toMatch(/kelas=7/);
    expect((await page.getByTestId('legend').locator('.note').textContent()) ?? '').toContain(
      'Natural breaks (Jenks)',
    );
    await page.getByTestId('method-select').selectOption('manual');
    await page.getByTestId('manual-breaks').fill('0; 10; 20; 40; 100');
    await page.getByTestId('manual-breaks').press('Enter');
    await expect
      .poll(() => legendLabels(page))
      .toEqual(
        expect.arrayContaining([
          // A rate is written with one decimal, in the table as in the legend.
          expect.stringMatching(/^0,0 – < 10,0 \(/),
          expect.stringMatching(/^40,0 – 100,0 \(/),
        ]),
      );
    await waitDrawn(page);
    await screenshot(page, 'planner-02-manual-breaks');
    await page.getByTestId('method-select').selectOption('jenks');
    await expect.poll(async () => (await legendLabels(page)).length).toBe(8);
  });

  it('picks a legend class: its villages are outlined and the table keeps only them', async () => {
    await page.getByTestId('tab-table').click();
    const classes = page.getByTestId('legend').getByTestId('legend-item');
    // The highest class (the last item before the "outside"/"no data" entries).
    const labels = await classes.allTextContents();
    const k = labels.findLastIndex((l) => /^[-−]?\d/.test(l));
    const highest = classes.nth(k);
    const count = Number(/\((\d+)\)$/.exec(labels[k] ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await highest.getByRole('button').click();
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(count);
    expect(await page.getByTestId('table-caption').textContent()).toMatch(/kelas legenda/);
    await waitDrawn(page);
    await screenshot(page, 'planner-02b-legend-pick');
    await highest.getByRole('button').click();
    await expect.poll(() => page.getByTestId('area-row').count()).toBeGreaterThan(count);
  });

  it('drills up to kecamatan and back down into one', async () => {
    await page.getByTestId('level-district').click();
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(11);
    await waitDrawn(page);
    await screenshot(page, 'planner-03-kecamatan');
    const row = page.getByTestId('area-row').filter({ hasText: 'Ulu Manna' });
    await row.click();
    await expect.poll(() => page.getByTestId('filter-district').inputValue()).toMatch(/^17\.01\.\d{2}$/);
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(10);
    expect(new Set(await tableColumn(page, 2))).toEqual(new Set(['Ulu Manna']));
    // Figures and table come from the same SQL: the households add up.
    const households = (await tableColumn(page, 4)).map(idNumber).reduce((a, b) => a + b, 0);
    await expect.poll(() => figure(page, 'households')).toBe(households);
    expect(page.url()).toMatch(/kec=17\.01\.\d{2}/);
    await waitDrawn(page);
    await screenshot(page, 'planner-04-drilled-ulu-manna');
  });

  it('filters by welfare decile and agent type; figures shrink', async () => {
    const before = await figure(page, 'households');
    await page.getByTestId('filter-decile-max').selectOption('3');
    await expect.poll(() => figure(page, 'households')).toBeLessThan(before);
    await page.getByTestId('filter-agent').selectOption('none');
    await expect.poll(() => page.url()).toMatch(/agen=none/);
    expect(page.url()).toMatch(/desil=1-3/);
    // Table and figures agree once both queries are back.
    const agree = async () => {
      const sum = (await tableColumn(page, 4)).map(idNumber).reduce((a, b) => a + b, 0);
      const households = await figure(page, 'households');
      return sum === households && households > 0 && households < before;
    };
    await expect.poll(agree).toBe(true);
    await page.getByTestId('filter-agent').selectOption('all');
    await page.getByTestId('filter-decile-max').selectOption('10');
    await expect.poll(() => figure(page, 'households')).toBe(before);
  });

  it('takes report dates typed day/month/year in the chosen language, and says when one is not a date', async () => {
    const from = page.getByTestId('filter-from');
    const to = page.getByTestId('filter-to');
    expect(await from.getAttribute('placeholder')).toBe('hh/bb/tttt');
    const before = await figure(page, 'reported');
    // Typed the short way: the filter is set as soon as the date is whole, and shown in full.
    await from.fill('1/9/2026');
    await expect.poll(() => page.url()).toMatch(/[?&]dari=2026-09-01(&|$)/);
    await from.press('Tab');
    expect(await from.inputValue()).toBe('01/09/2026');
    await expect.poll(() => figure(page, 'reported')).toBeLessThan(before);
    // No 31 February: said under the field, in Indonesian; the dates set stay as they were.
    await to.fill('31/02/2026');
    await to.press('Tab');
    const error = page.getByTestId('filter-to-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe('Tanggal tidak dikenali — tulis hh/bb/tttt, misalnya 31/10/2026.');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).not.toMatch(/sampai=/);
    await screenshot(page, 'planner-date-filter-error');
    // In English the same dates read the same way, with English words.
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await from.inputValue()).toBe('01/09/2026');
    await page.getByTestId('language').selectOption('id');
    // Cleared, the filter goes.
    await from.fill('');
    await expect.poll(() => page.url()).not.toMatch(/dari=/);
    await expect.poll(() => figure(page, 'reported')).toBe(before);
  });

  it('plays the months: the map, figures and URL follow the slider', async () => {
    const legend = page.getByTestId('legend');
    const title = () => legend.locator('h3').first().textContent();
    const note = async () => (await legend.locator('.note').textContent()) ?? '';
    // Before playing, the map counts need flags, and says so.
    expect(await title()).toMatch(/^Keluarga dengan kebutuhan: /);
    expect(await page.getByTestId('time-counts').textContent()).toContain('penanda');
    await page.getByTestId('play').click();
    await expect
      .poll(() => page.getByTestId('month-label').textContent(), { timeout: 10_000 })
      .not.toBe('Kondisi terkini');
    // While playing: open cases at the month's end, in classes fixed for the whole period.
    await expect.poll(title, { timeout: 10_000 }).toMatch(/^Keluarga dengan kasus terbuka akhir \w+ \d{4}: /);
    await expect.poll(note, { timeout: 10_000 }).toMatch(FIXED_PERIOD);
    expect(await page.getByTestId('time-counts').textContent()).toContain('kasus terbuka per bulan');
    const classLabels = async () => (await legendLabels(page)).map((l) => l.replace(/ \([\d.]+\)$/, ''));
    const first = await page.getByTestId('month-label').textContent();
    const firstClasses = await classLabels();
    await screenshot(page, 'planner-05a-playing');
    await expect
      .poll(() => page.getByTestId('month-label').textContent(), { timeout: 10_000 })
      .not.toBe(first);
    await expect.poll(title).not.toContain(first ?? '');
    // The next month: the same classes (only the counts per class change).
    expect(await classLabels()).toEqual(firstClasses);
    // Let it play one more month, then pause.
    const second = await page.getByTestId('month-label').textContent();
    await expect
      .poll(() => page.getByTestId('month-label').textContent(), { timeout: 10_000 })
      .not.toBe(second);
    await page.getByTestId('play').click();
    await expect.poll(() => page.url()).toMatch(/bulan=\d{4}-\d{2}/);
    expect((await page.getByTestId('legend').locator('.note').textContent()) ?? '').toContain(
      'kasus terbuka',
    );
    // Step the slider by keyboard: open cases change with the month.
    const open = await figure(page, 'open');
    const marker = page.getByTestId('histogram-marker');
    const markerX = async () => (await marker.boundingBox())?.x ?? Number.NaN;
    const before = await markerX();
    const slider = page.getByTestId('month-slider');
    await slider.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure(page, 'open')).not.toBe(open);
    // The month's marker moved right over the histogram, and stays inside it.
    const after = await markerX();
    const chart = await page.getByTestId('histogram').boundingBox();
    expect(after).toBeGreaterThan(before);
    expect(chart && after > chart.x && after < chart.x + chart.width).toBe(true);
    await waitDrawn(page);
    await screenshot(page, 'planner-05-month');
  });

  it('maps the change since three months earlier, in a diverging legend around zero', async () => {
    // A comparison belongs to one month: take the last one on the slider.
    await page.getByTestId('month-slider').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toMatch(/bulan=\d{4}-\d{2}/);
    await page.getByTestId('compare-select').selectOption('3');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/banding=3/);
    const legend = page.getByTestId('legend');
    await expect
      .poll(async () => (await legend.locator('h3').first().textContent()) ?? '')
      .toMatch(/^Perubahan /);
    expect((await legend.locator('.note').textContent()) ?? '').toMatch(/dikurangi akhir \d{4}-\d{2}/);
    // Symmetric classes: the lowest starts below zero as far as the highest ends above it.
    const numbers = (label: string) =>
      (label.replace(/\(\d[\d.]*\)$/, '').match(/[-−]?\d+(?:\.\d{3})*(?:,\d+)?/g) ?? []).map((n) =>
        Number(n.replace('−', '-').replace(/\./g, '').replace(',', '.')),
      );
    const classes = (await legendLabels(page)).filter((l) => /^[-−]?\d/.test(l));
    const low = numbers(classes[0] ?? '')[0] ?? Number.NaN;
    const high = numbers(classes[classes.length - 1] ?? '')[1] ?? Number.NaN;
    expect(low).toBeLessThan(0);
    expect(low).toBeCloseTo(-high, 6);
    await page.getByTestId('tab-table').click();
    expect(await page.getByTestId('table-caption').textContent()).toMatch(/perubahan/);
    await waitDrawn(page);
    await screenshot(page, 'planner-05b-compare');
    await page.getByTestId('compare-select').selectOption('0');
    await expect.poll(() => page.url()).not.toMatch(/banding=/);
  });

  it('opens a village profile with charts, its agents (masked) and a link to supervision', async () => {
    // Pick a row once the table is still, then click that village by its name (a positional locator could land
    // on another row after a late re-sort).
    await waitDrawn(page);
    const name = (await page.getByTestId('area-row').first().locator('td').first().textContent()) ?? '';
    await page
      .getByTestId('area-row')
      .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('profile-name').textContent(), { timeout: 15_000 }).toBe(name);
    await page.locator('[data-testid="profile-trend"] .recharts-line').first().waitFor();
    expect(
      await page.locator('[data-testid="village-profile"] .recharts-surface').count(),
    ).toBeGreaterThanOrEqual(3);
    const agents = await page
      .locator('[data-testid="profile-agents"] tbody td:first-child')
      .allTextContents();
    expect(agents.length).toBeGreaterThan(0);
    for (const id of agents) expect(id).toMatch(/^AG-[A-Z]{11}$/); // the session's pseudonym (src/core/privacy/privacy.ts)
    expect(new Set(agents).size).toBe(agents.length); // distinguishable (the old mask showed `*****44` twice)
    const href = (await page.getByTestId('profile-supervisor-link').getAttribute('href')) ?? '';
    expect(href).toMatch(/section=supervisor/);
    expect(href).toMatch(/awasi=17\.01\.\d{2}\.\d{4}/);
    expect(page.url()).toMatch(/pilih=17\.01/);
    await waitDrawn(page);
    await screenshot(page, 'planner-06-profile');
  });

  it('opens the village in Pengawasan in place (no reload of the data); Back returns to the profile', async () => {
    await openLink(page, '?section=planner&need=rtlh&pilih=17.01.04.2019&tab=profile');
    await expect
      .poll(() => page.getByTestId('profile-name').textContent(), { timeout: 15_000 })
      .toBe('Ketaping');
    const name = 'Ketaping';
    await page.evaluate(() => {
      (window as unknown as { __samePage?: boolean }).__samePage = true;
    });
    await page.getByTestId('profile-supervisor-link').click();
    await expect
      .poll(async () => (await page.getByTestId('selection').textContent()) ?? '', { timeout: 60_000 })
      .toContain(`Desa terpilih: ${name}`);
    expect(page.url()).toMatch(/section=supervisor/);
    expect(page.url()).toMatch(/awasi=17\.01\.\d{2}\.\d{4}/);
    await screenshot(page, 'planner-07-to-supervisor');
    await page.goBack();
    await expect.poll(() => page.getByTestId('profile-name').textContent(), { timeout: 30_000 }).toBe(name);
    expect(page.url()).toMatch(/section=planner/);
    // Both moves happened in the same page: nothing was loaded again.
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });

  it('exports the table as CSV and XLSX', async () => {
    await page.getByTestId('tab-table').click();
    await page.getByTestId('filter-households').fill('>= 100');
    const rows = await page.getByTestId('area-row').count();
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('perencanaan-rtlh-rate-desa.csv');
    const csv = (await readFile((await csvDownload.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    // The file first says what it shows: the measure, the classification and source, the filters, the data.
    expect(lines[0]).toMatch(/^Isi,Rumah tidak layak huni/);
    expect(lines.find((l) => l.startsWith('Data,'))).toMatch(/sintetis/);
    expect(lines.find((l) => l.startsWith('Klasifikasi dan sumber,'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('Filter,'))).toBeDefined();
    // The map value once, headed by its unit, and rounded as the screen writes it (a rate: one decimal).
    const header = lines.indexOf('Kode,Nama,Kecamatan,Per 100 KK,Keluarga,Jumlah,Per km²,Cakupan');
    expect(lines[header - 1]).toBe('');
    expect(lines.length - header - 1).toBe(rows);
    expect(lines[header + 1]).toMatch(/^17\.01\.\d{2}\.\d{4},/);
    for (const line of lines.slice(header + 1)) {
      const rate = line.split(',')[3] ?? '';
      expect(rate).toMatch(/^(\d+(\.\d)?)?$/);
    }
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe('perencanaan-rtlh-rate-desa.xlsx');
    const xlsx = await readFile((await xlsxDownload.path()) as string);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    // An internal file (small groups not hidden) is chosen for one file only, and says so in its name and title.
    await page.getByTestId('export-internal').check();
    const [internalDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(internalDownload.suggestedFilename()).toBe(
      'perencanaan-rtlh-rate-desa-INTERNAL-TANPA-PENYEMBUNYIAN.csv',
    );
    const internalCsv = await readFile((await internalDownload.path()) as string, 'utf8');
    expect(
      internalCsv
        .split('\r\n')
        .some((l) => /^"?Kode \(INTERNAL – KELOMPOK KECIL TIDAK DISEMBUNYIKAN\)"?,/.test(l)),
    ).toBe(true);
    expect(await page.getByTestId('export-internal').isChecked()).toBe(false);
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
