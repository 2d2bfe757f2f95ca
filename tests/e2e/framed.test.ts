import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

// A page on another local origin (another port) frames the dashboard: the app must refuse to run
// (a static site cannot send frame-ancestors), show why in both languages, and fetch no data.
describe('framed by another page', () => {
  let dash: Dashboard;
  let framer: Server;
  let framerUrl: string;

  beforeAll(async () => {
    dash = await openDashboard({ navigate: false });
    framer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>other site</title><h1>Other site</h1>` +
          `<iframe id="app" src="${dash.url}" width="1200" height="700"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', () => resolve()));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await dash?.close();
    await new Promise<void>((resolve) => (framer ? framer.close(() => resolve()) : resolve()));
  });

  it('finding 5: framed by another origin, the app shows a notice and loads no data', async () => {
    const { page, server } = dash;
    expect(new URL(framerUrl).origin).not.toBe(new URL(dash.url).origin);
    await page.goto(framerUrl, { waitUntil: 'load' });
    const frame = page.frameLocator('#app');
    await frame.locator('html[data-state="framed"]').waitFor({ timeout: 60_000 });
    const notice = (await frame.getByTestId('framed-notice').textContent()) ?? '';
    expect(notice).toContain('tidak dapat dibuka di dalam halaman lain');
    expect(notice).toContain('cannot be opened inside another page');
    // Everything the frame was going to fetch has been fetched.
    await page.waitForLoadState('networkidle');
    const dataRequests = server.requests.filter((p) =>
      /\/(demo|boundaries|iid)\/|duckdb|\.(wasm|parquet|csv|geojson|json)$/i.test(p),
    );
    expect(dataRequests).toEqual([]);
    expect(await frame.locator('[data-testid="area-table"], canvas').count()).toBe(0);
    await screenshot(page, 'framed');
    expect(dash.foreignRequests).toEqual([]);
  });

  it('opened on its own, the same build runs normally', async () => {
    const { page, server } = dash;
    await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(server.requests.some((p) => p.startsWith('/demo/'))).toBe(true);
  });
});
