/**
 * The planner's map opens at its view once. While the figures load, the legend keeps the room they will take
 * (a blank row for each class asked for, blank data-quality counts), so the map — made fitted clear of the
 * legend — is not moved again when they come: its boundaries are not cut into tiles and drawn twice, at two
 * zooms. On a desktop, the office laptop and a phone; opens its own dashboards.
 */
import { describe, expect, it } from 'vitest';
import { openDashboard, screenshot, waitReady } from './harness';

/** Counts the live map's moves from the moment it is made (the page's test hook) until the test reads them. */
const COUNT_MOVES = `(() => {
  window.__moves = [];
  const attach = setInterval(() => {
    const map = window.__gancang?.map;
    if (!map) return;
    clearInterval(attach);
    window.__openedAt = map.getZoom();
    map.on('move', () => window.__moves.push(map.getZoom()));
  }, 2);
})()`;

const SCREENS = [
  { name: 'desktop', viewport: { width: 1920, height: 1080 } },
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', device: { width: 390, height: 844 } },
] as const;

describe('the planner map opens once', () => {
  for (const screen of SCREENS) {
    it(`is not moved after it is made, on a ${screen.name}`, async () => {
      const dash = await openDashboard({ navigate: false, ...screen });
      try {
        await dash.page.addInitScript({ content: COUNT_MOVES });
        await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
        await waitReady(dash.page);
        const { moves, openedAt, zoom } = await dash.page.evaluate(() => {
          const w = window as unknown as { __moves: number[]; __openedAt: number };
          return { moves: w.__moves, openedAt: w.__openedAt, zoom: window.__gancang?.map.getZoom() };
        });
        expect(moves).toEqual([]);
        expect(zoom).toBe(openedAt);
        // The legend then shows its classes, none left blank.
        expect(await dash.page.locator('.map-legend-float li.pending').count()).toBe(0);
        expect(await dash.page.getByTestId('legend-item').count()).toBeGreaterThan(1);
        await screenshot(dash.page, `opening-view-${screen.name}`);
      } finally {
        await dash.close();
      }
    });
  }
});
