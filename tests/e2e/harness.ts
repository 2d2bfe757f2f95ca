/**
 * End-to-end harness: serves the built app (dist/) from a tiny static server on 127.0.0.1 and drives
 * Debian's Chromium through playwright-core. Every request to another host is recorded, so a test can
 * prove the dashboard works fully offline and leaks nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { processTreeCpuMs, waitUntilQuiet } from './browser-quiet';
import { assertBuilt, DIST, type ServeOptions, type StaticServer, startStaticServer } from './static-server';

export * from './map-probe';
export * from './screenshot';
export * from './static-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags measured in docs/STACK.md: WebGL2 through SwiftShader, and no background traffic to the closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1440, height: 900 };
export const READY_TIMEOUT_MS = 120_000;

/** Fails with instructions when Chromium is not installed. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH). Never `npx playwright install` (it downloads a browser).',
    );
  }
}

export interface DashboardOptions extends ServeOptions {
  /** Query string appended to the app URL, e.g. `lang=en` or `?section=supervisor`. */
  query?: string;
  /** Navigate to the app before returning (default true); waitReady is not called either way. */
  navigate?: boolean;
  /**
   * 'block': no service worker. For tests that block or stall the page's own requests: once the app's worker has
   * precached a file, the page's request for it never reaches the network (nor the test's route).
   */
  serviceWorkers?: 'allow' | 'block';
  /** A phone or tablet: this viewport, with a touch screen (taps) and a mobile browser's behaviour. */
  device?: { width: number; height: number };
  /** A desktop or laptop window of this size (mouse, no touch); default VIEWPORT. */
  viewport?: { width: number; height: number };
  /**
   * Wait after the launch until the browser's own start is done (its processes quiet, browser-quiet.ts), as a
   * user's browser is when they open the dashboard: for timed cold starts.
   */
  settled?: boolean;
}

export interface Dashboard {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  /** The app URL including the query. */
  url: string;
  /** Requests to any host other than 127.0.0.1/localhost. */
  foreignRequests: string[];
  /** Console messages of type error (including "Failed to load resource" for 404s). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  close: () => Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** True when a request URL leaves the machine (anything but the local server, data: and blob: URLs). */
export function isForeign(requestUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return true;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/** Starts the server, launches Chromium with a fresh profile and (by default) opens the dashboard. */
export async function openDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  assertBuilt(options.root ?? DIST);
  assertChromium();
  const server = await startStaticServer(options);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gancang-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: options.device ?? options.viewport ?? VIEWPORT,
      hasTouch: options.device !== undefined,
      isMobile: options.device !== undefined,
      deviceScaleFactor: 1,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      serviceWorkers: options.serviceWorkers ?? 'allow',
    });
  } catch (error) {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    if (isForeign(request.url())) foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
    }
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  const query = options.query ? (options.query.startsWith('?') ? options.query : `?${options.query}`) : '';
  const url = `${server.url}${query}`;

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  };

  if (options.settled) await waitUntilQuiet(() => processTreeCpuMs(userDataDir));
  if (options.navigate ?? true) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { page, context, server, url, foreignRequests, consoleErrors, pageErrors, close };
}

/**
 * Waits for `<html data-state="ready">`; throws with the visible error message as soon as the app reports
 * `data-state="error"`.
 */
export async function waitReady(page: Page, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  let state: string;
  try {
    const handle = await page.waitForFunction(
      () => {
        const current = document.documentElement.dataset.state;
        return current === 'ready' || current === 'error' ? current : false;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    state = (await handle.jsonValue()) as string;
    await handle.dispose();
  } catch (error) {
    // Say where it got stuck: the current state and what the loading screen shows.
    const where = await page
      .evaluate(() => ({
        state: document.documentElement.dataset.state ?? '(none)',
        loading: document.querySelector('[data-testid="loading"]')?.textContent?.trim() ?? null,
      }))
      .catch(() => ({ state: '(page gone)', loading: null }));
    const detail = where.loading ? `, loading screen: "${where.loading}"` : '';
    throw new Error(
      `dashboard not ready after ${timeoutMs} ms (data-state="${where.state}"${detail}): ${String(error)}`,
    );
  }
  if (state === 'error') {
    const message = await page
      .locator('[data-testid="error"]')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => '(no [data-testid="error"] element)');
    throw new Error(`dashboard reported data-state="error": ${(message ?? '').trim()}`);
  }
}

/**
 * Runs an action that loads the dataset again — in the running page (`<html data-load>` counts the loads) or by
 * reloading the page — then waits (up to timeoutMs for each) for the new load to be ready, or for the error
 * screen (`state: 'error'`).
 */
export async function afterDatasetLoad(
  page: Page,
  action: () => Promise<unknown>,
  { timeoutMs = READY_TIMEOUT_MS, state = 'ready' }: { timeoutMs?: number; state?: 'ready' | 'error' } = {},
): Promise<void> {
  const before = await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
    return document.documentElement.dataset.load ?? '';
  });
  await action();
  await page.waitForFunction(
    (load) =>
      !(window as unknown as { __beforeReload?: boolean }).__beforeReload ||
      (document.documentElement.dataset.load ?? '') !== load,
    before,
    { timeout: timeoutMs },
  );
  if (state === 'ready') await waitReady(page, timeoutMs);
  else
    await page.waitForFunction(() => document.documentElement.dataset.state === 'error', undefined, {
      timeout: timeoutMs,
    });
}

/** The harness's Chromium renderer processes (found by their profile directory, <tmp>/gancang-e2e-*). */
function rendererPids(): number[] {
  // Read from /proc in this process: a `ps` spawned every quarter second took the cores the page was using.
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args: string;
    try {
      args = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (args.includes('--type=renderer') && args.includes('gancang-e2e-')) pids.push(Number(name));
  }
  return pids;
}

/** A field of a /proc file, in kB (0 when absent). */
const kbField = (text: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);

/** A process's memory (kB) as Linux counts it (/proc/<pid>/smaps_rollup); null when it is gone. */
function processMemoryKb(pid: number): { rss: number; private: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => kbField(text, field);
    return { rss: kb('Rss'), private: kb('Private_Clean') + kb('Private_Dirty') };
  } catch {
    return null;
  }
}

/**
 * Resident memory (MB) of the harness's Chromium renderer processes, summed (other runs of the harness at the
 * same time would count too; pages shared between the processes count once per process); null when unknown.
 */
export function rendererRssMb(): number | null {
  try {
    const kb = rendererPids().reduce((sum, pid) => sum + (processMemoryKb(pid)?.rss ?? 0), 0);
    return kb > 0 ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * The memory (MB) of the tab's renderer — the harness's largest renderer process, which holds the page and its
 * workers (DuckDB's among them) — as Linux counts it: resident, and private (what only it holds: what closing
 * the tab frees, as Chrome's task manager counts a tab's footprint); null when unknown.
 */
export function tabMemoryMb(): { rss: number; private: number } | null {
  try {
    const [largest] = rendererPids()
      .map(processMemoryKb)
      .filter((m) => m !== null)
      .sort((a, b) => b.rss - a.rss);
    return largest
      ? { rss: Math.round(largest.rss / 1024), private: Math.round(largest.private / 1024) }
      : null;
  } catch {
    return null;
  }
}

/**
 * The same figures, cheaply enough to be read every quarter second while a page loads: resident memory and its
 * anonymous part (RssAnon: the page's heaps, DuckDB's memory — what only the process holds, less its private file
 * pages) from /proc/<pid>/status, which Linux keeps as counters. smaps_rollup walks every page table under the
 * process's memory lock: read that often, it slowed a loading million-household tab by seconds.
 */
export function memorySample(): { renderersRssMb: number; tabRssMb: number; tabAnonMb: number } | null {
  const read = (pid: number) => {
    try {
      const text = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => kbField(text, field);
      return { rss: kb('VmRSS'), anon: kb('RssAnon') };
    } catch {
      return null;
    }
  };
  const all = rendererPids()
    .map(read)
    .filter((m) => m !== null);
  if (all.length === 0) return null;
  const largest = all.reduce((a, b) => (b.rss > a.rss ? b : a));
  const mb = (kb: number) => Math.round(kb / 1024);
  return {
    renderersRssMb: mb(all.reduce((sum, m) => sum + m.rss, 0)),
    tabRssMb: mb(largest.rss),
    tabAnonMb: mb(largest.anon),
  };
}

/**
 * The address as a user copies it to share: the app writes the URL a moment after the last change, so it is read
 * once it has stayed the same for `stableMs`.
 */
export async function sharedLink(page: Page, stableMs = 1_000): Promise<string> {
  let url = page.url();
  for (;;) {
    await page.waitForTimeout(stableMs);
    const now = page.url();
    if (now === url) return url;
    url = now;
  }
}

/**
 * Opens `search` inside the running app, as a link followed within it (Back and Forward do the same): the
 * section opens afresh and reads its settings from the link, the dataset stays loaded. Each test starts from its
 * own link this way instead of from the screen the previous test left. Resolves once the section has drawn.
 */
export async function openLink(page: Page, search: string): Promise<void> {
  await page.evaluate((next) => {
    window.history.pushState(null, '', next);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, search);
  await waitReady(page);
}

/**
 * `url` opened again in a new tab of the browser of `page` (a second visit: same storage and service worker):
 * the time until its first map — the first look kept from the last visit, or the live map when none is shown
 * before it — and until ready. The caller closes the tab.
 */
/** Waits until the page shows a first look or is ready, whichever comes first: true when it was a first look. */
export function firstLookOrReady(page: Page, timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
  return page
    .waitForFunction(
      () =>
        document.documentElement.dataset.firstLook !== undefined ||
        document.documentElement.dataset.state === 'ready',
      undefined,
      { timeout: timeoutMs, polling: 20 },
    )
    .then((handle) => handle.evaluate(() => document.documentElement.dataset.firstLook !== undefined));
}

export async function openAgain(
  page: Page,
  url: string,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<{ tab: Page; firstMapMs: number; firstLook: boolean; readyMs: number }> {
  const tab = await page.context().newPage();
  const t0 = performance.now();
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  const firstLook = await firstLookOrReady(tab, timeoutMs);
  const firstMapMs = performance.now() - t0;
  await waitReady(tab, timeoutMs);
  return { tab, firstMapMs, firstLook, readyMs: performance.now() - t0 };
}

/** config.json as the IT officer writes it: the built one plus a `dataset` entry; written in `dir`, its path returned. */
export async function configWith(dir: string, dataset: unknown): Promise<string> {
  const built = JSON.parse(await readFile(path.join(DIST, 'config.json'), 'utf8')) as object;
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ ...built, dataset }));
  return file;
}
