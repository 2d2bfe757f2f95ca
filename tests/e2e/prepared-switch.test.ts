/**
 * Pengawasan prepared while the planner is shown (prepare-sections.ts) opens from what was read ahead: the
 * engine's arrays and answer, the area names, the need rates and the agents' types and offices. Opening it
 * then asks the database nothing, so the switch never waits behind another statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

describe('a switch to a prepared Pengawasan', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none' });
    await waitReady(dash.page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('asks the database nothing: what it shows was read ahead', async () => {
    const { page } = dash;
    await page.waitForFunction(
      () => performance.getEntriesByName('gancang:sections-prepared').length > 0,
      null,
      {
        timeout: 90_000,
      },
    );
    // And the planner's own work done ahead (its case tables) is over: no statement for a second.
    const statements = () => page.evaluate(() => performance.getEntriesByName('gancang:sql').length);
    let before = await statements();
    for (;;) {
      await page.waitForTimeout(1_000);
      const now = await statements();
      if (now === before) break;
      before = now;
    }
    await page.getByTestId('nav-supervisor').click();
    await waitReady(page);
    const asked = await page.evaluate(
      (n) =>
        performance
          .getEntriesByName('gancang:sql')
          .slice(n)
          .map((e) => (e as PerformanceMeasure).detail),
      before,
    );
    await screenshot(page, 'prepared-switch-supervisor');
    expect(asked).toEqual([]);
    // And it shows its figures.
    expect(await page.getByTestId('supervisor-coverage').textContent()).toMatch(/\d/);
  });
});
