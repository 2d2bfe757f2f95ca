import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, waitReady } from './harness';

// On a slow network the dataset's files are most of the wait: they must download while DuckDB starts, not after.
// The DuckDB wasm is held back until every file the dataset needs has been requested (or HOLD_MS passed): a load
// that asks for its files only once the database runs never asks while the wasm is held, and fails here.

/** Far longer than the app takes to choose its dataset and request its files once its code is in. */
const HOLD_MS = 15_000;

describe('the dataset downloads while the database starts', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    // Every request must reach the routes: no service worker answers from its cache.
    dash = await openDashboard({ boundaries: 'none', navigate: false, serviceWorkers: 'block' });
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('requests the gazetteer and every table of the demo before the wasm arrives', async () => {
    const { page, context, server } = dash;
    const manifest = (await (await fetch(`${server.url}demo/manifest.json`)).json()) as {
      columnar: Record<string, string>;
    };
    const wanted = ['villages.csv', ...Object.values(manifest.columnar)];
    const requested = new Set<string>();
    let allRequested: () => void = () => undefined;
    const whenAllRequested = new Promise<void>((resolve) => {
      allRequested = resolve;
    });
    context.on('request', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop() ?? '';
      if (wanted.includes(name)) requested.add(name);
      if (wanted.every((w) => requested.has(w))) allRequested();
    });
    let heldWhileRequested: string[] = [];
    const hold = async (route: Route) => {
      await Promise.race([whenAllRequested, new Promise((r) => setTimeout(r, HOLD_MS))]);
      heldWhileRequested = [...requested];
      await route.continue();
    };
    await context.route('**/duckdb-eh*.wasm', hold);
    try {
      await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
      await waitReady(page);
    } finally {
      await context.unroute('**/duckdb-eh*.wasm', hold);
    }
    expect(wanted.length).toBeGreaterThanOrEqual(4);
    expect(heldWhileRequested.sort()).toEqual([...wanted].sort());
  });
});
