/**
 * A browser for the deployment tests: Debian's Chromium with the harness's flags and a fresh profile, opened
 * on any URL (a real server), recording every request that failed or answered with an error status.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH, isForeign, VIEWPORT } from './harness';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /**
   * Requests that failed (network error, refused, blocked) or answered ≥ 400, as `METHOD url: reason`;
   * those the service worker itself made (e.g. asking the network first) start with `[sw] `.
   */
  failedRequests: string[];
  /** Requests to another host than the local test server. */
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  assertChromium();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gancang-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const failedRequests: string[] = [];
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    if (isForeign(request.url())) foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  const by = (request: Request) => (request.serviceWorker() ? '[sw] ' : '');
  context.on('requestfailed', (request) => {
    // Cancelled by the page itself (a reload while requests are in flight, a probe whose race was won):
    // not a failure to load.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    failedRequests.push(
      `${by(request)}${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
    );
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      const request = response.request();
      failedRequests.push(`${by(request)}${request.method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    failedRequests,
    foreignRequests,
    consoleErrors,
    pageErrors,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
