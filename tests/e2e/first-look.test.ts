/**
 * The first look: the planner's opening map of the last visit, shown at once on the next visit to the same address
 * while the data loads, then replaced by the live map.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstLook } from '../../src/core/first-look/first-look';
import { type Dashboard, DIST, openDashboard, screenshot, waitReady } from './harness';

const KEY = 'gancang-pikat.first-look';
/**
 * A build with the official boundary file (CI adds it): the demo's first look, drawn on the approximate
 * boundaries, is shown in the official shapes, as the app draws them.
 */
const OFFICIAL_BOUNDARIES = existsSync(path.join(DIST, 'boundaries', 'villages.geojson'));
const VILLAGES = 158;

const kept = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as FirstLook) : null;
  }, KEY);

/** The live planner legend: title and items (colour of the swatch, words). */
const liveLegend = (page: Page) =>
  page.evaluate(() => {
    const legend = document.querySelector('[data-testid="legend"]');
    return {
      title: legend?.querySelector('h3')?.textContent ?? '',
      items: [...(legend?.querySelectorAll('[data-testid="legend-item"]') ?? [])].map((li) => ({
        color: getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor,
        label: li.textContent ?? '',
      })),
    };
  });

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** Opens `search` in `tab` and follows it until ready: was a first look shown while loading, what it showed. */
async function follow(
  tab: Page,
  url: string,
  { size, shot }: { size?: { width: number; height: number }; shot?: string } = {},
) {
  if (size) await tab.setViewportSize(size);
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  const first = await tab
    .waitForFunction(
      () => {
        const root = document.documentElement;
        if (root.dataset.firstLook === 'shown') return { shown: true, state: root.dataset.state };
        return root.dataset.state === 'ready' ? { shown: false, state: 'ready' } : false;
      },
      undefined,
      { timeout: 120_000, polling: 20 },
    )
    .then((h) => h.jsonValue() as Promise<{ shown: boolean; state: string }>);
  const shown = first.shown
    ? await tab.evaluate(() => ({
        caption: document.querySelector('.first-look-caption')?.textContent ?? '',
        // What the user reads: innerText, as nothing hidden counts.
        // biome-ignore lint/performance/useDomNodeTextContent: the hidden text must not count
        visible: document.querySelector<HTMLElement>('.first-look')?.innerText ?? '',
        fills: [...document.querySelectorAll('.first-look-map path')].map((p) => p.getAttribute('fill')),
        paths: [...document.querySelectorAll('.first-look-map path')].map((p) => p.getAttribute('d')),
        legend: [...document.querySelectorAll('.first-look-legend li')].map((li) => li.textContent ?? ''),
        title: document.querySelector('.first-look-legend h3')?.textContent ?? '',
      }))
    : null;
  if (shot && first.shown) await screenshot(tab, shot);
  // Once the app's header is there, the first look lies below it: the header's controls can be reached.
  const headerReachable = first.shown
    ? await tab
        .waitForFunction(
          () => {
            const root = document.documentElement;
            if (root.dataset.firstLook !== 'shown') return 'gone';
            const tabButton = document.querySelector('[data-testid="nav-supervisor"]');
            if (!tabButton) return false;
            const box = tabButton.getBoundingClientRect();
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            if (hit === null || !tabButton.contains(hit)) return false;
            // Below the header, the first look's own bar is hidden: what it says must still be read.
            // biome-ignore lint/performance/useDomNodeTextContent: the hidden text must not count
            const visible = document.querySelector<HTMLElement>('.first-look')?.innerText ?? '';
            return { reachable: true, visible };
          },
          undefined,
          { timeout: 60_000, polling: 50 },
        )
        .then((h) => h.jsonValue() as Promise<'gone' | { reachable: true; visible: string }>)
    : null;
  if (shot && first.shown) await screenshot(tab, `${shot}-header`);
  await waitReady(tab);
  const after = await tab.evaluate(() => ({
    overlay: document.querySelectorAll('[data-testid="first-look"]').length,
    flag: document.documentElement.dataset.firstLook ?? null,
  }));
  return { tab, first, shown, after, headerReachable };
}

/** Opens `search` in a new tab of the same browser (same storage) and follows it until ready. */
async function visit(
  dash: Dashboard,
  search: string,
  options: { size?: { width: number; height: number }; shot?: string } = {},
) {
  return follow(await dash.context.newPage(), `${dash.url}${search}`, options);
}

/** What a first look shows of a map: the same on screen whenever these are equal. */
const drawn = (look: FirstLook | null) =>
  look && { title: look.title, legend: look.legend, height: look.height, areas: look.areas };

describe("the demo's first look", () => {
  it('is not shown when the server has another demo than the one it was drawn from', async () => {
    // The demo made again with other settings (`npm run data:demo -- --households 100000`): its map is another.
    const manifest = JSON.parse(await readFile(path.join(DIST, 'demo', 'manifest.json'), 'utf8'));
    const dir = await mkdtemp(path.join(tmpdir(), 'gancang-other-demo-'));
    const other = path.join(dir, 'manifest.json');
    await writeFile(other, JSON.stringify({ ...manifest, fingerprint: 'another-demo' }));
    const dash = await openDashboard({ files: { '/demo/manifest.json': other } });
    try {
      await waitReady(dash.page);
      expect(await dash.page.evaluate(() => document.documentElement.dataset.firstLook ?? null)).toBeNull();
      // Asked for, and refused.
      expect(dash.server.requests).toContain('/first-look/demo.id.json');
      expect(dash.pageErrors).toEqual([]);
    } finally {
      await dash.close();
    }
  }, 180_000);

  it("is the demo's own when its manifest names one drawn from it, and none when that one is of another demo", async () => {
    // A demo made with other settings and its own first look beside it (`npm run data:first-look -- --data`).
    const manifest = JSON.parse(await readFile(path.join(DIST, 'demo', 'manifest.json'), 'utf8'));
    const appLook = JSON.parse(
      await readFile(path.join(DIST, 'first-look', 'demo.id.json'), 'utf8'),
    ) as FirstLook;
    const dir = await mkdtemp(path.join(tmpdir(), 'gancang-own-look-'));
    const other = path.join(dir, 'manifest.json');
    await writeFile(
      other,
      JSON.stringify({ ...manifest, fingerprint: 'another-demo', firstLook: { id: 'first-look.id.json' } }),
    );
    // Its own map: another measure and colours than the app's demo map (which is of another demo).
    const own: FirstLook = {
      ...appLook,
      demo: 'another-demo',
      title: 'Peta demo lain',
      legend: [{ color: '#123456', label: 'satu kelas' }],
      areas: appLook.areas.map((a) => ({ ...a, fill: '#123456' })),
    };
    const ownFile = path.join(dir, 'first-look.id.json');
    for (const [look, expected] of [
      [own, { shown: true, title: 'Peta demo lain', shot: 'first-look-own-demo' }],
      // Drawn from yet another demo: neither it nor the app's (of the app's demo) describes what is served.
      [
        { ...own, demo: 'a-third-demo' },
        { shown: false, shot: undefined },
      ],
    ] as const) {
      await writeFile(ownFile, JSON.stringify(look));
      const dash = await openDashboard({
        navigate: false,
        files: { '/demo/manifest.json': other, '/demo/first-look.id.json': ownFile },
      });
      try {
        const { first, shown } = await follow(dash.page, dash.url, { shot: expected.shot });
        expect(first.shown).toBe(expected.shown);
        if (expected.shown) {
          expect(shown?.title).toBe(expected.title);
          expect(shown?.caption).toContain('Peta awal data contoh');
          expect(new Set(shown?.fills)).toEqual(new Set(['#123456']));
        }
        expect(dash.server.requests).toContain('/demo/first-look.id.json');
        expect(dash.pageErrors).toEqual([]);
      } finally {
        await dash.close();
      }
    }
  }, 300_000);
});

describe('first look on the next visit', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ navigate: false });
    dash.page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);

  afterAll(async () => {
    await dash?.close();
  });

  it("shows the demo's opening map on a first visit, the very map the app then draws and keeps", async () => {
    const { first, shown, after } = await follow(dash.page, dash.url, { shot: 'first-look-demo-cold' });
    const look = await kept(dash.page);
    expect(look).not.toBeNull();
    if (!look) return;
    expect(first).toEqual({ shown: true, state: 'loading' });
    expect(shown?.caption).toContain('Peta awal data contoh');
    expect(shown?.visible).toContain('data contoh (sintetis)');
    expect(after).toEqual({ overlay: 0, flag: 'replaced' });
    // What was shown is the map the app then drew and kept: each area's shape and colour, in the official
    // shapes when the server has them.
    expect(shown?.fills).toEqual(look.areas.map((a) => a.fill));
    expect(shown?.paths).toEqual(look.areas.map((a) => a.d));
    expect(shown?.title).toBe(look.title);
    expect(shown?.legend).toEqual(look.legend.map((i) => i.label));
    if (OFFICIAL_BOUNDARIES) {
      // Downloaded once: the first look hands its copy to the app.
      const asked = await dash.page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('/boundaries/villages.geojson')).length,
      );
      expect(asked).toBe(1);
    } else {
      const served = await dash.page.evaluate(() =>
        fetch('first-look/demo.id.json').then((r) => r.json() as Promise<FirstLook>),
      );
      // Fails when the demo, the gazetteer or the planner's opening map changed: run `npm run data:first-look`.
      expect(drawn(served)).toEqual(drawn(look));
    }
    expect(look.search).toBe('');
    expect(look.synthetic).toBe(true);
    expect(look.areas).toHaveLength(VILLAGES);
    const live = await liveLegend(dash.page);
    expect(look.title).toBe(live.title);
    expect(look.legend.map((i) => i.label)).toEqual(live.items.map((i) => i.label));
    expect(look.legend.map((i) => rgb(i.color))).toEqual(live.items.map((i) => i.color));
    // Every area is drawn in a colour the legend explains.
    const colours = new Set(look.legend.map((i) => i.color));
    for (const area of look.areas) expect(colours).toContain(area.fill);
  });

  it('shows the kept map at once on the next visit, labelled, then the live map replaces it', async () => {
    await dash.page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
    const look = (await kept(dash.page)) as FirstLook;
    const sizes = [
      { size: { width: 1366, height: 768 }, shot: 'first-look-1366' },
      { size: { width: 390, height: 844 }, shot: 'first-look-phone' },
      { size: { width: 1920, height: 1080 }, shot: 'first-look-1920' },
    ];
    for (const { size, shot } of sizes) {
      const { tab, first, shown, after, headerReachable } = await visit(dash, '', { size, shot });
      expect(first).toEqual({ shown: true, state: 'loading' });
      expect(headerReachable).toMatchObject({ reachable: true });
      expect(shown?.caption).toContain('Peta dari kunjungan terakhir');
      // Synthetic data is said so, read on screen before the app's header is there and below it.
      expect(shown?.visible).toContain('data contoh (sintetis)');
      expect(headerReachable).toMatchObject({ visible: expect.stringContaining('data contoh (sintetis)') });
      expect(shown?.fills).toEqual(look.areas.map((a) => a.fill));
      expect(shown?.title).toBe(look.title);
      expect(shown?.legend).toEqual(look.legend.map((i) => i.label));
      expect(after).toEqual({ overlay: 0, flag: 'replaced' });
      await screenshot(tab, `${shot}-ready`);
      await tab.close();
    }
  }, 600_000);

  it('is not shown at another address, and a section opened first keeps nothing', async () => {
    const before = await kept(dash.page);
    const supervisor = await visit(dash, '?section=supervisor');
    expect(supervisor.first.shown).toBe(false);
    expect(supervisor.after.flag).toBeNull();
    // The planner drawn later in that page is not what an address opens with.
    await supervisor.tab.getByTestId('nav-planner').click();
    await waitReady(supervisor.tab);
    expect((await kept(supervisor.tab))?.savedAt).toBe(before?.savedAt);
    await supervisor.tab.close();

    const english = await visit(dash, '?lang=en');
    // Another address than the one kept: the demo's opening map, in the page's language.
    expect(english.shown?.caption).toContain('First look at the sample data');
    const look = await kept(english.tab);
    expect(look?.search).toBe('?lang=en');
    expect(look?.lang).toBe('en');
    await english.tab.close();
    const again = await visit(dash, '?lang=en');
    expect(again.shown?.caption).toContain('Map from your last visit');
    expect(again.shown?.visible).toContain('sample data (synthetic)');
    expect(again.headerReachable).toMatchObject({
      visible: expect.stringContaining('sample data (synthetic)'),
    });
    await again.tab.close();
  }, 600_000);

  it('is erased with "Hapus semua data lokal"', async () => {
    await dash.page.getByTestId('erase-local').click();
    await expect.poll(() => kept(dash.page)).toBeNull();
    // Nothing kept: the demo's own opening map again, in English.
    const next = await visit(dash, '?lang=en');
    expect(next.shown?.caption).toContain('First look at the sample data');
    await next.tab.close();
    expect(dash.pageErrors).toEqual([]);
  }, 300_000);
});
