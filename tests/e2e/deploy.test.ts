/**
 * The built app on servers as a regency would run them, in a sub-folder: Debian's nginx with the deployment
 * guide's config (deploy/nginx/), the same nginx with nothing but its stock mime.types, and
 * `python3 -m http.server`. Each must reach data-state="ready" from a deep link and again after a reload,
 * with no failed request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeployment } from '../../scripts/check-deploy';
import { assertBuilt, DIST, waitReady } from './harness';
import { type RunningServer, startNginx, startPythonServer } from './servers';
import { absentOptionalFiles, type Browser, openBrowser } from './visit';

const FOLDER = 'gancang';
/** Two or three full loads each, on a machine whose CPU may be shared: no timing is asserted. */
const SLOW_MS = 600_000;
const DEEP_LINK = '?section=supervisor&lang=en';

async function deepLinkAndReload(server: RunningServer): Promise<void> {
  const browser: Browser = await openBrowser(absentOptionalFiles(DIST));
  try {
    const { page } = browser;
    await page.goto(`${server.url}${DEEP_LINK}`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).pathname).toBe(`/${FOLDER}/`);
    expect(new URL(page.url()).searchParams.get('section')).toBe('supervisor');
    await page.getByTestId('coverage-row').first().waitFor({ state: 'visible', timeout: 60_000 });

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(new URL(page.url()).searchParams.get('section')).toBe('supervisor');
    await page.getByTestId('coverage-row').first().waitFor({ state: 'visible', timeout: 60_000 });

    const problems = {
      failed: browser.failedRequests,
      foreign: browser.foreignRequests,
      console: browser.consoleErrors,
      page: browser.pageErrors,
    };
    expect(problems, await server.log()).toEqual({ failed: [], foreign: [], console: [], page: [] });
  } finally {
    await browser.close();
  }
}

describe('deployment in a sub-folder', () => {
  beforeAll(() => assertBuilt(DIST));

  describe('nginx with the guide’s config', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startNginx({ dist: DIST, folder: FOLDER, config: 'guide' });
    });
    afterAll(async () => server?.close());

    it('opens a deep link and reloads', { timeout: SLOW_MS }, async () => {
      await deepLinkAndReload(server);
    });

    it('passes every check of npm run check:deploy (types, security headers, caching, compression)', async () => {
      const checks = await checkDeployment(server.url);
      expect(checks.filter((c) => c.level !== 'ok')).toEqual([]);
      expect(checks.map((c) => c.what)).toEqual(
        expect.arrayContaining(['Content-Security-Policy header', 'compression', 'cache of index.html']),
      );
    });
  });

  describe('nginx with nothing but Debian’s stock mime.types', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startNginx({ dist: DIST, folder: FOLDER, config: 'stock' });
    });
    afterAll(async () => server?.close());

    it('opens a deep link and reloads', { timeout: SLOW_MS }, async () => {
      await deepLinkAndReload(server);
    });

    it('serves every file with a type the browser accepts (check:deploy only warns about headers)', async () => {
      const checks = await checkDeployment(server.url);
      expect(checks.filter((c) => c.level === 'fail')).toEqual([]);
      expect(checks.find((c) => c.what === 'Content-Security-Policy header')?.level).toBe('warn');
    });
  });

  describe('python3 -m http.server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startPythonServer({ dist: DIST, folder: FOLDER });
    });
    afterAll(async () => server?.close());

    it('opens a deep link and reloads', { timeout: SLOW_MS }, async () => {
      await deepLinkAndReload(server);
    });

    it('serves every file with a type the browser accepts', async () => {
      expect((await checkDeployment(server.url)).filter((c) => c.level === 'fail')).toEqual([]);
    });
  });
});
