import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSection } from '../../scripts/bench-interactions';
import { gpuPrograms, recordGpuPrograms } from '../../scripts/gpu-programs';
import { pageStates, recordPageStates, type StateChange } from '../../scripts/page-states';
import { type MapFrame, mapFrames, recordMapFrames } from '../../scripts/profile-frames';
import { type Dashboard, openAgain, openDashboard, waitReady } from './harness';
import { waitDrawn } from './map-probe';

/*
 * "Ready" (<html data-state>, what the README's automation hook, the benchmarks and a person waiting all go by)
 * is said only once the map shows the section: the last map frame drawn before it had the map loaded and every
 * layer the section handed to deck.gl set up, none still waiting to be taken up. Checked at each ready of a
 * first visit, a switch each way, a visit from another tab and a first visit on a phone — whatever a faster
 * start changes, ready must not come before the map it announces.
 */

/** Each `ready` at or after `fromMs`, with the map frame last drawn before it. */
async function framesBeforeReady(
  page: Page,
  fromMs: number,
): Promise<{ ready: StateChange; frame: MapFrame | undefined }[]> {
  const [frames, states] = await Promise.all([mapFrames(page, 0), pageStates(page)]);
  const readies = states.filter((s) => s.state === 'ready' && s.atMs >= fromMs);
  expect(readies.length).toBeGreaterThan(0);
  return readies.map((ready) => ({ ready, frame: frames.filter((f) => f.atMs <= ready.atMs).at(-1) }));
}

/**
 * A new map has deck.gl's places from its first frame on (shared-map.ts adds them once the style is parsed):
 * its first loaded frame draws the section's layers, with no frame of its own for a style change.
 */
async function expectPlacedFromFirstFrame(page: Page): Promise<void> {
  const [first] = await mapFrames(page, 0);
  expect(first, "the new map's first frame").toBeDefined();
  expect(first?.placed, "deck.gl's places in the new map's first frame").toBe(true);
}

/**
 * Run in the page: at each ready of the planner, how many rows its area table showed (null when another
 * section was shown). Text, not a function (see page-states.ts).
 */
const RECORD_TABLE_AT_READY = `(() => {
  const seen = (window.__tableAtReady = []);
  new MutationObserver((changes) => {
    const root = document.documentElement;
    if (!changes.some((c) => c.target === root) || root.dataset.state !== 'ready') return;
    const planner = document.querySelector('[data-testid="planner"]');
    seen.push(planner ? document.querySelectorAll('[data-testid="area-row"]').length : null);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
})()`;

/** The planner's table had its rows at every ready of the planner (it follows the map at a lower priority). */
async function expectTableAtReady(page: Page): Promise<void> {
  const seen = await page.evaluate(
    () => (window as unknown as { __tableAtReady: (number | null)[] }).__tableAtReady,
  );
  const planner = seen.filter((n) => n !== null);
  expect(planner.length, 'readies of the planner').toBeGreaterThan(0);
  for (const rows of planner) expect(rows, "the planner's table rows at ready").toBeGreaterThan(0);
}

/**
 * The frame before ready showed the section, and ready came in a later animation frame: a frame reaches the
 * screen after its own animation frame (with software compositing, a read-back of hundreds of milliseconds).
 */
function expectDrawn({ ready, frame }: { ready: StateChange; frame: MapFrame | undefined }): void {
  expect(frame, 'a map frame before ready').toBeDefined();
  expect(frame?.loaded, 'the map loaded in it').toBe(true);
  expect(frame?.layersLoaded, "the section's layers set up in it").toBe(true);
  expect(frame?.layersHeld, 'no layers waiting for deck.gl').not.toBe(true);
  expect(ready.frameAtMs, 'ready in an animation frame after the map frame').toBeGreaterThan(
    frame?.frameAtMs ?? Number.POSITIVE_INFINITY,
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());

/**
 * Programs a first map does without: MapLibre's sky (under the sea), a fill's outline pass, a background layer (the
 * sea is the map element's colour), and any text's (the kecamatan names are text of the page over the map; the
 * village names and their plates come near the zoom that shows them).
 */
const NOT_FOR_A_FIRST_MAP = [
  /^maplibre sky$/,
  /^maplibre fill-outline$/,
  /^maplibre background$/,
  /^multi-icon-layer/,
  /^text-background-layer/,
];

/**
 * With software WebGL each program is compiled while the page waits for the map's frame: a first map links
 * only programs for what it shows — and the village names' program is linked once the zoom nears them.
 */
async function expectOnlyShownPrograms(page: Page): Promise<void> {
  const readyAt = (await pageStates(page)).find((s) => s.state === 'ready')?.atMs ?? 0;
  const before = (await gpuPrograms(page)).filter((p) => p.atMs <= readyAt).map((p) => p.name);
  // The recorder sees the map's programs: the choropleth's among them.
  expect(before.some((name) => name.startsWith('solid-polygon-layer'))).toBe(true);
  for (const unseen of NOT_FOR_A_FIRST_MAP) expect(before.filter((name) => unseen.test(name))).toEqual([]);
}

describe('ready comes after the frame that shows the map', () => {
  const opened: Dashboard[] = [];
  afterAll(async () => {
    for (const dash of opened) await dash.close();
  });

  it('on a first visit, a switch to Pengawasan and back, and a visit from another tab', async () => {
    const dash = await openDashboard({ navigate: false });
    opened.push(dash);
    await recordMapFrames(dash.context);
    await recordPageStates(dash.context);
    await recordGpuPrograms(dash.context);
    await dash.context.addInitScript({ content: RECORD_TABLE_AT_READY });
    const { page } = dash;
    await page.goto(dash.url);
    await waitReady(page);
    for (const seen of await framesBeforeReady(page, 0)) expectDrawn(seen);
    await expectPlacedFromFirstFrame(page);
    await expectOnlyShownPrograms(page);

    const toSupervisor = await now(page);
    // The benches' wait for a switch is timed in the page, from the click to this ready: within the driver's own.
    const waitedMs = await openSection(page, 'supervisor');
    expect(waitedMs).toBeGreaterThan(0);
    expect(waitedMs).toBeLessThan((await now(page)) - toSupervisor);
    for (const seen of await framesBeforeReady(page, toSupervisor)) expectDrawn(seen);

    const toPlanner = await now(page);
    await openSection(page, 'planner');
    for (const seen of await framesBeforeReady(page, toPlanner)) expectDrawn(seen);
    await expectTableAtReady(page);

    const { tab } = await openAgain(page, dash.url);
    for (const seen of await framesBeforeReady(tab, 0)) expectDrawn(seen);
    await expectPlacedFromFirstFrame(tab);
    await expectTableAtReady(tab);
    await expectOnlyShownPrograms(tab);
    await tab.close();

    // Zoomed in to the village names: their layer is set up, its program linked.
    await page.evaluate(() => window.__gancang?.map?.jumpTo({ zoom: 11.5 }));
    await waitDrawn(page);
    const names = (await gpuPrograms(page)).map((p) => p.name);
    expect(names.some((name) => name.startsWith('text-background-layer'))).toBe(true);
  });

  it('on a phone', async () => {
    const dash = await openDashboard({ navigate: false, device: { width: 390, height: 844 } });
    opened.push(dash);
    await recordMapFrames(dash.context);
    await recordPageStates(dash.context);
    await dash.page.goto(dash.url);
    await waitReady(dash.page);
    for (const seen of await framesBeforeReady(dash.page, 0)) expectDrawn(seen);
  });
});
