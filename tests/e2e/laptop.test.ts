/**
 * The planner on the common office laptop (1366×768): the legend and the monthly chart start folded, the
 * panels over the map (legend, time bar, notices, badges) cover at most 15 % of it, and a kecamatan drilled
 * into is fitted clear of them. Opens its own dashboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_OVERLAY_SELECTOR } from '../../src/core/map/overlay-padding';
import { type Dashboard, openDashboard, screenshot, waitDrawn, waitMapIdle, waitReady } from './harness';

/** Share of the map canvas under the panels floating over it (their union, on a 4-pixel grid). */
const coveredShare = (page: Page) =>
  page.evaluate((selector) => {
    const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
    if (!canvas) return 1;
    const rects = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect());
    let covered = 0;
    let all = 0;
    for (let x = canvas.left; x < canvas.right; x += 4)
      for (let y = canvas.top; y < canvas.bottom; y += 4) {
        all++;
        if (rects.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom)) covered++;
      }
    return covered / all;
  }, MAP_OVERLAY_SELECTOR);

/** The last area flown to, on screen, and the panels it overlaps. */
const fitOverlaps = (page: Page) =>
  page.evaluate((selector) => {
    const g = window.__gancang;
    if (!g?.lastFit) return null;
    const [w, s, e, n] = g.lastFit;
    const box = g.map.getContainer().getBoundingClientRect();
    const sw = g.map.project([w, s]);
    const ne = g.map.project([e, n]);
    const fit = {
      left: box.left + sw.x,
      right: box.left + ne.x,
      top: box.top + ne.y,
      bottom: box.top + sw.y,
    };
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ cls: el.className, r: el.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          Math.min(r.right, fit.right) - Math.max(r.left, fit.left) > 2 &&
          Math.min(r.bottom, fit.bottom) - Math.max(r.top, fit.top) > 2,
      )
      .map(({ cls }) => cls);
  }, MAP_OVERLAY_SELECTOR);

describe('the planner on a 1366×768 laptop', () => {
  let dash: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dash = await openDashboard({
      boundaries: 'none',
      viewport: { width: 1366, height: 768 },
      query: 'section=planner&need=rtlh',
    });
    page = dash.page;
    await waitReady(page);
    await waitMapIdle(page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('starts with the legend and the monthly chart folded: the panels cover at most 15 % of the map', async () => {
    await waitDrawn(page);
    expect(await page.locator('details.map-legend-float').getAttribute('open')).toBeNull();
    expect(await page.getByTestId('histogram').getAttribute('open')).toBeNull();
    const share = await coveredShare(page);
    await screenshot(page, 'laptop-1366-01-planner');
    expect(share).toBeLessThanOrEqual(0.15);
    // Both unfold on request, and fold again.
    await page.getByTestId('legend-toggle').click();
    await expect.poll(() => page.getByTestId('legend').isVisible()).toBe(true);
    await page.getByTestId('histogram-toggle').click();
    await page.locator('[data-testid="histogram"] .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'laptop-1366-02-unfolded');
    await page.getByTestId('legend-toggle').click();
    await page.getByTestId('histogram-toggle').click();
  });

  it('fits a kecamatan drilled into clear of the legend, time bar and notices, even with the legend open', async () => {
    await page.getByTestId('legend-toggle').click();
    await page.getByTestId('tab-table').click();
    await page.getByTestId('level-district').click();
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(11);
    await page.getByTestId('area-row').filter({ hasText: 'Ulu Manna' }).click();
    await expect.poll(() => page.getByTestId('area-row').count()).toBe(10);
    await waitMapIdle(page);
    await waitDrawn(page);
    await expect.poll(() => fitOverlaps(page), { timeout: 15_000 }).toEqual([]);
    await screenshot(page, 'laptop-1366-03-drilled-legend-open');
    expect(dash.pageErrors).toEqual([]);
  });
});
