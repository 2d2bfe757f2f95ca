/**
 * A section's code downloads when the section is first opened, or ahead of it once the first section is drawn
 * (src/app/sections.tsx). Opened before its code is in, the section says it is loading and is drawn when the code
 * arrives; a download that fails ends in the section's own message, and the rest of the dashboard keeps working.
 */
import type { Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, waitReady } from './harness';

const SUPERVISOR_CODE = '**/assets/SupervisorView-*.js';

describe('a section opened before its code is in', () => {
  let dash: Dashboard | null = null;
  afterEach(async () => {
    await dash?.close();
    dash = null;
  });

  it('says it is loading, then is drawn once its code arrives', async () => {
    dash = await openDashboard({ navigate: false, serviceWorkers: 'block' });
    const { page, context } = dash;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route(SUPERVISOR_CODE, async (route: Route) => {
      await released;
      await route.continue();
    });
    await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await page.getByTestId('nav-supervisor').click();
    await page.getByText('Memuat bagian ini…').waitFor();
    expect(await page.getByTestId('supervisor-coverage').count()).toBe(0);

    release();
    await waitReady(page);
    await expect(page.getByTestId('supervisor-coverage').textContent()).resolves.toMatch(/\d+,\d %/);
    expect(await page.getByText('Memuat bagian ini…').count()).toBe(0);
    expect(dash.pageErrors).toEqual([]);
  });

  it('whose code cannot be downloaded: the section says so, and Perencanaan still opens', async () => {
    dash = await openDashboard({ navigate: false, serviceWorkers: 'block' });
    const { page, context } = dash;
    await context.route(SUPERVISOR_CODE, (route: Route) => route.abort('connectionfailed'));
    await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    await page.getByTestId('nav-supervisor').click();

    const error = page.getByTestId('view-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Bagian ini gagal ditampilkan');
    expect(text).toContain('Bagian dasbor ini tidak dapat dimuat');
    // Plain words only: no file name or script error.
    expect(text).not.toMatch(/SupervisorView|\.js|import|TypeError/);
    // Header and data stay: the planner opens again at once.
    await page.getByTestId('nav-planner').click();
    await waitReady(page);
    expect(await page.getByTestId('view-error').count()).toBe(0);
    expect(await page.getByTestId('nav-supervisor').isVisible()).toBe(true);
  });
});
