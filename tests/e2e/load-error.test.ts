import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot } from './harness';

// When the data cannot be loaded the app must say so on screen and publish data-state="error",
// never a blank page (other tools wait on that hook).
describe('load failure', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none', navigate: false });
    await dash.page.route('**/demo/households.arrow', (route) =>
      route.fulfill({ status: 500, body: 'broken' }),
    );
    await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('shows the error with data-state="error" and a way to retry', async () => {
    const { page } = dash;
    await page.waitForSelector('html[data-state="error"]', { timeout: 60_000 });
    const error = page.getByTestId('error');
    await expect(error.isVisible()).resolves.toBe(true);
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Dasbor gagal dimuat');
    expect(text).toContain('households.arrow');
    expect(text).toContain('500');
    await expect(page.getByRole('button', { name: 'Muat ulang' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'load-error');
    expect(dash.foreignRequests).toEqual([]);
  });
});
