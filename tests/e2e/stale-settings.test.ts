import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

// Issue 11.9: settings from a link that do not fit the data (a month it lacks, a comparison reaching before
// its first month, a kecamatan that does not exist) must not leave an empty map with no way out: they fall
// back with a notice naming them, and every mode keeps a visible control to leave it.

/** The demo's cases file reduced to its header: a dataset with households but no cases. */
const CASES_HEADER =
  'id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen\n';

describe('stale settings from a link', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', navigate: false });
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('a 12-month change map on data without cases falls back with a notice, not an empty map', async () => {
    const { page, context } = dash;
    // The demo's manifest without the cases' columnar copy, so that the app loads that CSV, reduced to its header.
    await context.route('**/demo/manifest.json', async (route) => {
      const response = await route.fetch();
      const manifest = (await response.json()) as { columnar?: Record<string, string> };
      delete manifest.columnar?.cases;
      await route.fulfill({ response, json: manifest });
    });
    await context.route('**/demo/cases.csv', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: CASES_HEADER }),
    );
    try {
      await page.goto(`${dash.server.url}?section=planner&bulan=2025-06&banding=12&kec=17.01.99`, {
        waitUntil: 'domcontentloaded',
      });
      await waitReady(page);
      const notices = page.getByTestId('settings-notice');
      await notices.first().waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await notices.allTextContents()).join(' | ');
      expect(text).toContain('Bulan 2025-06 tidak ada dalam data');
      expect(text).toContain('Kecamatan 17.01.99 tidak ada dalam data');
      // The map is classed again (a legend with classes), and the link no longer asks for the change map.
      await page.getByTestId('legend-item').first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForFunction(
        () => !new URLSearchParams(window.location.search).has('banding'),
        undefined,
        {
          timeout: 10_000,
        },
      );
      await screenshot(page, 'stale-settings-no-cases');
      // Each notice can be dismissed.
      const count = await notices.count();
      await page.getByTestId('settings-notice-dismiss').first().click();
      await expect(notices.count()).resolves.toBe(count - 1);
    } finally {
      await context.unroute('**/demo/cases.csv');
      await context.unroute('**/demo/manifest.json');
    }
  });

  it('a month after the data shows the last month, and the change map has a visible way to turn it off', async () => {
    const { page } = dash;
    await page.goto(`${dash.server.url}?section=planner&bulan=2031-05&banding=12`, {
      waitUntil: 'domcontentloaded',
    });
    await waitReady(page);
    const notice = page.getByTestId('settings-notice').first();
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toMatch(
      /Bulan 2031-05 tidak ada dalam data — menampilkan \d{4}-\d{2}/,
    );
    const compare = page.getByTestId('compare-select');
    await compare.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(compare.inputValue()).resolves.toBe('12');
    await compare.selectOption('0');
    await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('banding'), undefined, {
      timeout: 10_000,
    });
    await expect(page.getByTestId('month-clear').isVisible()).resolves.toBe(true);
    expect(dash.foreignRequests).toEqual([]);
  });
  it('weights that are not whole (the sliders set whole ones) fall back with a notice, and the score is mapped', async () => {
    const { page } = dash;
    await page.goto(`${dash.server.url}?section=planner&skor=1&bobot=kesehatan:2.5,rtlh:0.1`, {
      waitUntil: 'domcontentloaded',
    });
    await waitReady(page);
    const notice = page.getByTestId('settings-notice').first();
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain('Bobot skor "kesehatan:2.5,rtlh:0.1" tidak sah');
    await expect(page.getByTestId('weight-kesehatan').inputValue()).resolves.toBe('3');
    const rows = page.getByTestId('area-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(100);
    expect(await page.locator('.planner-view p.warning').count()).toBe(0);
  });

  it('an assessment year without a rubric, and an unknown list, fall back with a notice', async () => {
    const { page } = dash;
    await page.goto(`${dash.server.url}?section=innovation&tahun=2019&halaman=rahasia`, {
      waitUntil: 'domcontentloaded',
    });
    await waitReady(page);
    const notices = page.getByTestId('settings-notice');
    await notices.first().waitFor({ state: 'visible', timeout: 30_000 });
    await expect
      .poll(async () => (await notices.allTextContents()).join(' | '), { timeout: 30_000 })
      .toContain('Tahun penilaian 2019 tidak ada — menampilkan 2026');
    expect((await notices.allTextContents()).join(' | ')).toContain('halaman = "rahasia"');
    await expect(page.getByTestId('iid-year').inputValue()).resolves.toBe('2026');
  });
});
