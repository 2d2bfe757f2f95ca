/**
 * Pengawasan and Perencanaan on phones and a tablet, driven with taps: the map fills the screen under a
 * compact header, the panels follow as a sheet pulled up over it, nothing scrolls sideways, touch targets
 * are ≥ 44 px, and the supervisor's main tasks work (a village from the list, the distance limit, an agent).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitMapIdle, waitReady } from './harness';

const DEVICES = [
  { name: '360x800', width: 360, height: 800 },
  { name: '390x844', width: 390, height: 844 },
  { name: '768x1024', width: 768, height: 1024 },
  { name: '844x390', width: 844, height: 390 },
];

/** What the layout looks like: sideways overflow, the map's box, and controls smaller than a fingertip. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
    const small = [
      ...document.querySelectorAll<HTMLElement>('.app-header button, .app-header select, .tabs button'),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim() ?? '', h: el.getBoundingClientRect().height }))
      .filter((el) => el.h < 44);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mapWidth: canvas?.width ?? 0,
      mapHeight: canvas?.height ?? 0,
      small,
    };
  });

describe.each(DEVICES)('on a $name screen, with taps', ({ name, width, height }) => {
  let dash: Dashboard;
  afterAll(async () => {
    await dash?.close();
  });

  it('Pengawasan: the map fills the screen, a village, the distance limit and an agent by tapping', async () => {
    dash = await openDashboard({
      boundaries: 'none',
      device: { width, height },
      query: 'section=supervisor',
    });
    const { page } = dash;
    const sheetScroll = () => page.evaluate(() => document.querySelector('.planner')?.scrollTop ?? -1);
    await waitReady(page);
    await waitMapIdle(page);
    const first = await layout(page);
    expect(first.overflow).toBeLessThanOrEqual(0);
    expect(first.mapWidth).toBeGreaterThanOrEqual(width - 1);
    expect(first.mapHeight).toBeGreaterThanOrEqual(Math.min(0.5 * height, 250));
    expect(first.small).toEqual([]);
    await screenshot(page, `phone-${name}-supervisor-01-map`);

    // A village from the list (the sheet scrolls up over the map).
    const row = page.getByTestId('coverage-row').first();
    await row.scrollIntoViewIfNeeded();
    const village = ((await row.locator('td').first().textContent()) ?? '').trim();
    await row.tap();
    await expect
      .poll(async () => (await page.getByTestId('selection').textContent()) ?? '', { timeout: 30_000 })
      .toContain(`Desa terpilih: ${village}`);
    // The sheet slid back down: the map, flown to the village, is in view again.
    await expect.poll(sheetScroll).toBe(0);
    await screenshot(page, `phone-${name}-supervisor-02-village`);

    // The distance limit, by tapping the slider's track further right.
    const slider = page.getByTestId('threshold');
    await slider.scrollIntoViewIfNeeded();
    const before = await page.getByTestId('threshold-value').textContent();
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('threshold-value').textContent()).not.toBe(before);

    // An agent from the agents' list.
    // The sheet may still be settling after the slider (a tap that lands while it moves is lost, on a real
    // phone too): tap again until the tab is selected, then wait for the agents' panel.
    const agentsTab = page.getByTestId('tab-agents');
    await expect
      .poll(
        async () => {
          if ((await agentsTab.getAttribute('aria-selected')) !== 'true') await agentsTab.tap();
          return agentsTab.getAttribute('aria-selected');
        },
        { timeout: 30_000 },
      )
      .toBe('true');
    await page.getByTestId('agent-panel').waitFor({ timeout: 60_000 });
    // The busiest agent (the list opens sorted by families).
    const agent = page.getByTestId('agent-row').first();
    await agent.scrollIntoViewIfNeeded();
    await agent.tap();
    await expect
      .poll(async () => (await page.getByTestId('selection').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/Agen terpilih: AG-[A-Z]{11}/);
    await expect.poll(sheetScroll).toBe(0);
    expect((await layout(page)).overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `phone-${name}-supervisor-03-agent`);
    expect(dash.pageErrors).toEqual([]);
  }, 240_000);

  it('Perencanaan and the header menu: a village from the table, language and data behind one button', async () => {
    const { page } = dash;
    await page.goto(`${dash.server.url}?section=planner`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    const first = await layout(page);
    expect(first.overflow).toBeLessThanOrEqual(0);
    expect(first.mapHeight).toBeGreaterThanOrEqual(Math.min(0.5 * height, 250));
    expect(first.small).toEqual([]);
    // The synthetic label stays visible in the compact header.
    await expect(page.getByTestId('dataset-name').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('language').isVisible()).toBe(false);
    await page.getByTestId('header-menu').tap();
    await expect(page.getByTestId('language').isVisible()).resolves.toBe(true);
    await page.getByTestId('header-menu').tap();

    const row = page.getByTestId('area-row').first();
    await row.scrollIntoViewIfNeeded();
    await row.tap();
    await page.getByTestId('village-profile').waitFor({ timeout: 30_000 });
    expect((await layout(page)).overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `phone-${name}-planner-profile`);
    expect(dash.pageErrors).toEqual([]);
  }, 240_000);
  it('"Di sekitar saya" centres the map on the device, once the user allows it', async () => {
    const { page, context } = dash;
    await page.goto(`${dash.server.url}?section=supervisor`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    // Kedurang Ilir, far from the opening view's centre.
    const here = { latitude: -4.33, longitude: 103.2 };
    await context.grantPermissions(['geolocation'], { origin: new URL(dash.server.url).origin });
    await context.setGeolocation(here);
    const button = page.getByTitle('Di sekitar saya');
    await button.tap();
    await expect
      .poll(
        async () => {
          const c = await page.evaluate(() => window.__gancang?.map.getCenter());
          return c ? Math.hypot(c.lng - here.longitude, c.lat - here.latitude) : Number.POSITIVE_INFINITY;
        },
        { timeout: 30_000 },
      )
      .toBeLessThan(0.01);
    await screenshot(page, `phone-${name}-near-me`);
    expect(dash.foreignRequests).toEqual([]);
  }, 120_000);
});
