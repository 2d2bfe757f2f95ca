/**
 * Offline after the first visit and the update prompt, on Debian's nginx with the guide's config and the app
 * in a sub-folder: load once, go offline, reload → ready with no failed request; then a changed build is
 * deployed → "Versi baru tersedia — muat ulang" → the click loads the new build; IndexedDB is untouched.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrecacheRevision } from '../../scripts/precache-revision';
import { precompressFile } from '../../scripts/precompress';
import { assertBuilt, DIST, waitReady } from './harness';
import { type RunningServer, startNginx } from './servers';
import { absentOptionalFiles, type Browser, openBrowser } from './visit';

const FOLDER = 'gancang';
/** Two or three full loads each, on a machine whose CPU may be shared: no timing is asserted. */
const SLOW_MS = 600_000;
const MARKER = 'e2e-marker';

/** Waits until a service worker controls the scope and has finished installing (precache complete). */
async function serviceWorkerActive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return new URL(registration.scope).pathname;
  });
}

/** A copy of `dist` with a changed index.html and its service worker updated to match: a new deployment. */
async function changedBuild(dist: string): Promise<string> {
  const next = await mkdtemp(path.join(tmpdir(), 'gancang-build-b-'));
  await cp(dist, next, { recursive: true });
  const html = path.join(next, 'index.html');
  const page = (await readFile(html, 'utf8')).replace(
    '<meta charset="UTF-8" />',
    '<meta charset="UTF-8" />\n    <meta name="gancang-build" content="B" />',
  );
  await writeFile(html, page);
  const sw = path.join(next, 'sw.js');
  await writeFile(sw, withPrecacheRevision(await readFile(sw, 'utf8'), 'index.html', page));
  await precompressFile(html);
  await precompressFile(sw);
  return next;
}

/** IndexedDB of the app (where imports are stored): writes or reads a marker. */
function idbMarker(page: Page, value?: string): Promise<string | null> {
  return page.evaluate(
    ({ key, value }) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('gancang-pikat');
        open.onupgradeneeded = () => open.result.createObjectStore('datasets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('datasets', value === undefined ? 'readonly' : 'readwrite');
          const store = tx.objectStore('datasets');
          const request = value === undefined ? store.get(key) : store.put(value, key);
          request.onsuccess = () => resolve(value ?? (request.result as string | undefined) ?? null);
          request.onerror = () => reject(request.error);
        };
      }),
    { key: MARKER, value },
  );
}

function clear(browser: Browser): void {
  for (const list of [
    browser.failedRequests,
    browser.consoleErrors,
    browser.pageErrors,
    browser.foreignRequests,
  ]) {
    list.length = 0;
  }
}

function problems(browser: Browser) {
  return {
    failed: [...browser.failedRequests],
    foreign: [...browser.foreignRequests],
    console: [...browser.consoleErrors],
    page: [...browser.pageErrors],
  };
}

describe('offline after the first visit, and updates', () => {
  let server: RunningServer;
  let browser: Browser;
  let buildB: string | null = null;

  beforeAll(async () => {
    assertBuilt(DIST);
    server = await startNginx({ dist: DIST, folder: FOLDER, config: 'guide' });
    browser = await openBrowser(absentOptionalFiles(DIST));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (buildB) await rm(buildB, { recursive: true, force: true });
  });

  it('works with the network off on the second visit', { timeout: SLOW_MS }, async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}?section=planner`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(await serviceWorkerActive(page)).toBe(`/${FOLDER}/`);
    expect(await idbMarker(page, 'kept')).toBe('kept');
    expect(problems(browser), await server.log()).toEqual({ failed: [], foreign: [], console: [], page: [] });

    clear(browser);
    await context.setOffline(true);
    try {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitReady(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // Every request of the page was answered; the only misses are the service worker asking the network
      // first for config.json (answered from its copy).
      const { failed, ...rest } = problems(browser);
      expect(rest).toEqual({ foreign: [], console: [], page: [] });
      expect(failed.filter((r) => !r.startsWith('[sw] '))).toEqual([]);
      for (const probe of failed) expect(probe).toMatch(/^\[sw\] GET \S+\/gancang\/config\.json: /);
    } finally {
      await context.setOffline(false);
    }
  });

  it('offers a new build and switches to it on the user’s click, keeping imported data', {
    timeout: SLOW_MS,
  }, async () => {
    const { page } = browser;
    // The visitor's own visits (again, when the test before made them): the service worker holds this build, and
    // a marker stands for the data the visitor imported.
    await page.goto(`${server.url}?section=planner`, { waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(await serviceWorkerActive(page)).toBe(`/${FOLDER}/`);
    // The worker controls the pages opened after it (no claim of the open one): the second visit.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await idbMarker(page, 'kept')).toBe('kept');
    buildB = await changedBuild(DIST);
    await server.deploy(buildB);
    clear(browser);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitReady(page);
    // The open page is still the old build until the user chooses to switch.
    expect(await page.locator('meta[name="gancang-build"]').count()).toBe(0);
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ state: 'visible', timeout: 120_000 });
    expect((await prompt.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Versi baru tersedia — muat ulang',
    );

    await page.getByTestId('update-reload').click();
    // What the user waits for is the new build on screen, however the page gets there (one reload or more).
    await page
      .locator('meta[name="gancang-build"][content="B"]')
      .waitFor({ state: 'attached', timeout: 120_000 });
    await waitReady(page);
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    expect(await idbMarker(page)).toBe('kept');
    expect(problems(browser), await server.log()).toEqual({ failed: [], foreign: [], console: [], page: [] });
  });
});
