/**
 * What a visit costs (`npm run bench:transfer`; run `npm run build` first): the built app in a sub-folder,
 * served like the guide's nginx with brotli (precompressed files, its cache rules, ETag), in a fresh Chromium
 * profile. First visit (until ready, and until the service worker has stored the app for offline use), a
 * second visit online, and a third with the network off: body bytes sent by the server and time to
 * `data-state="ready"`. Prints a table and, last, one JSON line.
 */
import type { Page } from 'playwright-core';
import { assertBuilt, DIST, waitReady } from '../tests/e2e/harness';
import { openBrowser } from '../tests/e2e/visit';
import { startPrecompressedServer } from './precompressed-server';

interface Visit {
  visit: string;
  readyMs: number;
  bytesAtReady: number;
  bytesTotal: number;
  responses: number;
  notModified: number;
}

const readyTime = (page: Page) => page.evaluate(() => Math.round(performance.now()));

async function main(): Promise<void> {
  assertBuilt(DIST);
  const server = await startPrecompressedServer(DIST, 'gancang');
  const browser = await openBrowser();
  const visits: Visit[] = [];
  try {
    const { page, context } = browser;
    const record = async (visit: string, afterReady?: () => Promise<unknown>) => {
      await waitReady(page);
      const readyMs = await readyTime(page);
      const bytesAtReady = server.stats.bytes;
      await afterReady?.();
      visits.push({
        visit,
        readyMs,
        bytesAtReady,
        bytesTotal: server.stats.bytes,
        responses: server.stats.responses,
        notModified: server.stats.notModified,
      });
      if (process.argv.includes('--verbose')) console.log(`${visit}:\n  ${server.log.join('\n  ')}`);
      server.log.length = 0;
      server.reset();
    };

    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    // The service worker is registered once the app is ready and stores the app for offline use.
    await record('first (empty cache)', () =>
      page.evaluate(async () => (await navigator.serviceWorker.ready).scope),
    );

    await page.reload({ waitUntil: 'domcontentloaded' });
    await record('second (online)');

    await context.setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await record('third (network off)');
    await context.setOffline(false);

    const problems = [...browser.failedRequests.filter((r) => !r.startsWith('[sw]')), ...browser.pageErrors];
    if (problems.length > 0) throw new Error(`problems during the visits:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }

  const mb = (n: number) => (n / 1e6).toFixed(2);
  console.log('visit                 ready (ms)  MB at ready  MB total  responses  304');
  for (const v of visits) {
    console.log(
      `${v.visit.padEnd(22)}${String(v.readyMs).padStart(10)}${mb(v.bytesAtReady).padStart(13)}${mb(v.bytesTotal).padStart(10)}${String(v.responses).padStart(11)}${String(v.notModified).padStart(5)}`,
    );
  }
  console.log(JSON.stringify({ dist: DIST, encoding: 'br (precompressed)', visits }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
