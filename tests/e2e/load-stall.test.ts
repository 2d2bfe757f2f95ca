import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, screenshot, waitReady } from './harness';

// Every request the dashboard cannot do without is blocked (the request fails) and, separately, stalled (the
// server never answers). Each time the app must end in data-state="error" with a message naming what failed
// — never "loading" forever — and load normally after "Muat ulang" once the request is let through.
// The load deadline is shortened through the automation hook `load_deadline_ms` so stalls end quickly.

const DEADLINE_MS = 20_000;
/** Far above the shortened deadline plus a load on a busy machine; far below "forever". */
const ERROR_TIMEOUT_MS = 90_000;

interface Target {
  name: string;
  /** Requests to block or stall. */
  pattern: string;
  /** Query added to the app URL (e.g. the section whose load needs the request). */
  query?: string;
  /** What the message must say (Bahasa Indonesia, the default language). */
  says: RegExp;
}

const TARGETS: Target[] = [
  {
    name: 'DuckDB wasm',
    pattern: '**/duckdb-eh*.wasm',
    says: /Mesin basis data tidak dapat dimuat.*duckdb-eh/,
  },
  {
    name: 'DuckDB worker',
    pattern: '**/duckdb-browser-eh.worker*.js',
    says: /Mesin basis data tidak dapat dijalankan.*duckdb-browser-eh\.worker/,
  },
  {
    name: 'map worker',
    pattern: '**/maplibre-gl-worker*.js',
    says: /Peta tidak dapat dimuat.*maplibre-gl-worker/,
  },
  {
    name: 'coverage worker',
    pattern: '**/coverage.worker*.js',
    query: 'section=supervisor',
    says: /Penghitung cakupan agen tidak dapat dijalankan.*coverage\.worker/,
  },
  {
    name: 'households data file',
    pattern: '**/demo/households.arrow',
    says: /Berkas data tidak dapat dimuat.*households\.arrow/,
  },
  { name: 'config', pattern: '**/config.json', says: /Pengaturan aplikasi tidak dapat dimuat.*config\.json/ },
];

const MODES = {
  blocked: { handler: (route: Route) => route.abort('failed'), says: /gagal dimuat/ },
  // Never answered; released when the route is removed (the page reload cancels the request).
  stalled: { handler: () => undefined, says: /tidak terjawab dalam 20 detik/ },
} as const;

describe('a blocked or stalled load ends in a named error with a working retry', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    // The routes below must see every load: no service worker answers from its cache.
    dash = await openDashboard({ boundaries: 'none', navigate: false, serviceWorkers: 'block' });
  });

  afterAll(async () => {
    await dash?.close();
  });

  for (const target of TARGETS) {
    for (const [mode, how] of Object.entries(MODES)) {
      it(`${target.name} ${mode}`, async () => {
        const { page, context } = dash;
        await context.route(target.pattern, how.handler);
        let routed = true;
        try {
          const query = [`load_deadline_ms=${DEADLINE_MS}`, target.query].filter(Boolean).join('&');
          await page.goto(`${dash.server.url}?${query}`, { waitUntil: 'domcontentloaded' });
          await page.waitForSelector('html[data-state="error"]', { timeout: ERROR_TIMEOUT_MS });
          const text = (await page.getByTestId('error-what').textContent()) ?? '';
          expect(text).toMatch(target.says);
          expect(text).toMatch(how.says);
          const retry = page.getByRole('button', { name: 'Muat ulang' });
          await expect(retry.isVisible()).resolves.toBe(true);
          if (target.name === 'DuckDB wasm' && mode === 'stalled')
            await screenshot(page, 'load-stall-duckdb');

          await context.unroute(target.pattern);
          routed = false;
          await retry.click();
          await waitReady(page);
        } finally {
          if (routed) await context.unroute(target.pattern);
        }
        expect(dash.foreignRequests).toEqual([]);
      });
    }
  }
});
