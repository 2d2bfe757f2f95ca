/**
 * The planner's tools in the built app (headless Chromium), from a link with rtlh, Jenks and 7 classes: find a
 * village by name, save the official map sheet, query with SQL, heatmap and hexagon layers, households at high
 * zoom with masked ids, and the same screen again from the URL. Opens its own dashboard: it needs no other file.
 */
import { copyFile, readFile } from 'node:fs/promises';
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
  sharedLink,
  waitDrawn,
  waitMapIdle,
  waitReady,
} from './harness';
import { countMapPixels } from './map-probe';
import { FIXED_PERIOD, legendLabels, tableColumn } from './planner-helpers';

/** Every tool starts from this link: uninhabitable houses in 7 natural-breaks classes. */
const START = 'section=planner&need=rtlh&metode=jenks&kelas=7';

describe('planner tools (Perencanaan)', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', query: START });
    page = dash.page;
    await waitReady(page);
  });

  // Each tool opens the planner afresh from the link (the dataset stays loaded), not from the last one's screen.
  beforeEach(() => openLink(page, `?${START}`));

  afterAll(async () => {
    await dash?.close();
  });

  it('finds villages by part of their name and opens one from the keyboard', async () => {
    await page.getByTestId('tab-table').click();
    const [name] = await tableColumn(page, 1);
    const word = (name ?? '').split(' ')[0]?.toUpperCase() ?? '';
    await page.getByTestId('filter-name').fill(word);
    await expect
      .poll(async () => (await tableColumn(page, 1)).every((n) => n.toUpperCase().includes(word)))
      .toBe(true);
    const row = page.getByTestId('area-row').first();
    const chosen = await row.locator('td').first().textContent();
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('profile-name').textContent(), { timeout: 15_000 }).toBe(chosen);
  });

  it('saves the map as an official sheet (PNG) with the classes on screen', async () => {
    await page.getByTestId('open-map-export').click();
    await page.getByTestId('map-size').selectOption('hd');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-map-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('peta-rtlh-rate-desa-1920x1080.png');
    const file = path.join(SCREENSHOT_DIR, 'planner-13-map-export.png');
    await copyFile((await download.path()) as string, file);
    expect(pngSize(await readFile(file))).toEqual({ width: 1920, height: 1080 });
    // The dialog closes once the file is saved; opened again, Escape closes it.
    await expect(page.getByTestId('map-export').count()).resolves.toBe(0);
    await page.getByTestId('open-map-export').click();
    await page.getByTestId('map-export').waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('map-export').count()).resolves.toBe(0);
  });

  it('runs read-only SQL in the sandbox: writes refused with a message, no personal columns, results on the map', async () => {
    await page.getByTestId('tab-sql').click();
    const input = page.getByTestId('sql-input');
    await input.fill('DROP TABLE households');
    await page.getByTestId('sql-run').click();
    await expect(page.getByTestId('sql-error').textContent()).resolves.toContain('DROP');
    await input.fill('SELECT * FROM no_such_table');
    await page.getByTestId('sql-run').click();
    // The first query waits for the sandbox's de-identified copy (its own DuckDB, built on first use).
    await page.getByTestId('sql-error').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('sql-error').textContent()).resolves.toMatch(
      /tidak ada di salinan data.*no_such_table/s,
    );
    expect(await page.getByTestId('planner').count()).toBe(1); // an error is a message, not a blank screen
    await input.fill('SELECT household_id, head_name, head_nik FROM households LIMIT 3');
    await page.getByTestId('sql-run').click();
    await expect(page.getByTestId('sql-error').textContent()).resolves.toMatch(/head_name/);
    await input.fill('SELECT household_id, agent_id, sum(members) OVER () AS total FROM households LIMIT 3');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.locator('[data-testid="sql-result"] tbody tr').count()).toBe(3);
    const cells = await page.locator('[data-testid="sql-result"] tbody td').allTextContents();
    expect(cells[0]).toMatch(/^KL-[A-Z]{11}$/);
    expect(cells[1]).toMatch(/^(AG-[A-Z]{11}|NULL)$/);
    expect(cells[2]).toMatch(/^\d{1,3}(\.\d{3})+$/); // a HUGEINT sum in Indonesian digits
    await input.fill(
      'SELECT village_code, count(*) AS rtlh FROM households WHERE need_rtlh = 1 GROUP BY 1 ORDER BY 2 DESC LIMIT 10',
    );
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.locator('[data-testid="sql-result"] tbody tr').count()).toBe(10);
    const sqlPink: [number, number, number] = [0xe6, 0x00, 0x8a];
    expect(await countMapPixels(page, sqlPink)).toBe(0); // the colour is the SQL result's alone
    await page.getByTestId('sql-map').click();
    await waitDrawn(page);
    await screenshot(page, 'planner-07-sql');
    // The result has its own key in the legend, drawn as on the map (an outline in its own colour).
    const key = page.getByTestId('sql-legend');
    expect(await key.textContent()).toContain('Desa yang disebut kueri: 10');
    const swatch = key.locator('.swatch');
    expect(await swatch.evaluate((el) => [el.className, getComputedStyle(el).borderTopColor])).toEqual([
      'swatch outline',
      'rgb(230, 0, 138)',
    ]);
    expect(await countMapPixels(page, sqlPink)).toBeGreaterThan(200);
    await page.getByTestId('sql-legend-clear').click();
    await key.waitFor({ state: 'detached' });
    await waitDrawn(page);
    expect(await countMapPixels(page, sqlPink)).toBe(0);
  });

  it('shows heatmap and hexagon layers', async () => {
    await page.getByTestId('layer-choropleth').uncheck();
    await page.getByTestId('layer-heatmap').check();
    await page.evaluate(() => window.__gancang?.map.jumpTo({ center: [103.0, -4.38], zoom: 9.6 }));
    await waitDrawn(page);
    await screenshot(page, 'planner-08-heatmap');
    await page.getByTestId('layer-heatmap').uncheck();
    await page.getByTestId('layer-hexagon').check();
    await waitDrawn(page);
    await screenshot(page, 'planner-09-hexagons');
  });

  it('draws households at high zoom with masked identifiers', async () => {
    const csv = await readFile(path.join(ROOT, 'data', 'demo', 'households.csv'), 'utf8');
    const [, line] = csv.split('\n');
    const cells = (line ?? '').split(',');
    const lon = Number(cells[2]);
    const lat = Number(cells[3]);
    await page.evaluate(({ lon, lat }) => window.__gancang?.map.jumpTo({ center: [lon, lat], zoom: 16 }), {
      lon,
      lat,
    });
    await waitDrawn(page);
    const point = await page.evaluate(
      ({ lon, lat }) => {
        const map = window.__gancang?.map;
        if (!map) throw new Error('no map');
        const p = map.project([lon, lat]);
        const rect = map.getContainer().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      { lon, lat },
    );
    await page.mouse.move(point.x - 15, point.y - 15);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const id = page.getByTestId('household-id');
    await id.waitFor({ timeout: 10_000 });
    expect(await id.textContent()).toMatch(/^KL-[A-Z]{11}$/);
    expect(await id.textContent()).not.toMatch(/P1701\d{12}/);
    await screenshot(page, 'planner-10-households');
  });

  it('reproduces the same screen from the URL (reload / shared link)', async () => {
    await page.getByTestId('tab-table').click();
    await page.getByTestId('unit-density').click();
    await page.getByTestId('filter-district').selectOption({ label: 'Kedurang' });
    await page.getByTestId('month-slider').focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await page.evaluate(() => window.__gancang?.map.jumpTo({ center: [103.1, -4.35], zoom: 10.5 }));
    await waitDrawn(page);
    // The classes of the whole period are in (computed after the month's own map).
    const periodNote = async (p: Page) =>
      (await p.getByTestId('legend').locator('.note').textContent()) ?? '';
    await expect.poll(() => periodNote(page)).toMatch(FIXED_PERIOD);
    const url = await sharedLink(page);
    expect(new URL(url).searchParams.get('peta')).toBe('103.10000,-4.35000,10.50');
    const before = {
      legend: await legendLabels(page),
      month: await page.getByTestId('month-label').textContent(),
      rows: await tableColumn(page, 1),
      figures: await page.getByTestId('planner-figures').textContent(),
      zoom: await page.evaluate(() => window.__gancang?.map.getZoom()),
      center: await page.evaluate(() => window.__gancang?.map.getCenter().toArray()),
    };
    await screenshot(page, 'planner-11-before-reload');
    const copy = await dash.context.newPage();
    try {
      await copy.goto(url, { waitUntil: 'domcontentloaded' });
      await waitReady(copy);
      await expect
        .poll(async () => (await copy.getByTestId('planner-figures').textContent()) ?? '')
        .toBe(before.figures);
      await expect.poll(() => periodNote(copy)).toMatch(FIXED_PERIOD);
      expect(await legendLabels(copy)).toEqual(before.legend);
      expect(await copy.getByTestId('month-label').textContent()).toBe(before.month);
      expect(await tableColumn(copy, 1)).toEqual(before.rows);
      expect(await copy.getByTestId('need-select').inputValue()).toBe('rtlh');
      expect(await copy.getByTestId('method-select').inputValue()).toBe('jenks');
      expect(await copy.getByTestId('classes-select').inputValue()).toBe('7');
      expect(await copy.evaluate(() => window.__gancang?.map.getZoom())).toBeCloseTo(before.zoom ?? 0, 1);
      const center = await copy.evaluate(() => window.__gancang?.map.getCenter().toArray());
      expect(center?.[0]).toBeCloseTo(before.center?.[0] ?? 0, 3);
      expect(center?.[1]).toBeCloseTo(before.center?.[1] ?? 0, 3);
      await waitMapIdle(copy);
      await screenshot(copy, 'planner-12-after-reload');
    } finally {
      await copy.close();
    }
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
