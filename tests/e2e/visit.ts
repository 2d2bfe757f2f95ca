/**
 * A browser for the deployment tests: Debian's Chromium with the harness's flags and a fresh profile, opened
 * on any URL (a real server), recording every request that failed or answered with an error status.
 */
import { existsSync } from 'node:fs';
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

/**
 * Files the app asks for only in case they are there (README, "Official village boundaries"): a build without
 * them answers 404 (or, with the network off, nothing), which is the documented way of saying "use the
 * approximate ones", not a failure.
 */
const OPTIONAL_FILES = ['boundaries/villages.geojson'];

/** The optional files this build does not hold: their 404 or network failure is expected. */
export function absentOptionalFiles(dist: string): string[] {
  return OPTIONAL_FILES.filter((file) => !existsSync(path.join(dist, file)));
}

/** `expectedMissing`: files (paths relative to the app) expected to be absent, see `absentOptionalFiles`. */
export async function openBrowser(expectedMissing: readonly string[] = []): Promise<Browser> {
  assertChromium();
  const isExpectedMissing = (url: string) =>
    expectedMissing.some((file) => new URL(url).pathname.endsWith(`/${file}`));
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
    if (request.failure()?.errorText === 'net::ERR_ABORTED' || isExpectedMissing(request.url())) return;
    failedRequests.push(
      `${by(request)}${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
    );
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !(response.status() === 404 && isExpectedMissing(response.url()))) {
      const request = response.request();
      failedRequests.push(`${by(request)}${request.method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  context.on('console', (message) => {
    const { url } = message.location();
    // Chromium logs every failed load on the console as well.
    if (url && isExpectedMissing(url) && message.text().startsWith('Failed to load resource')) return;
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
