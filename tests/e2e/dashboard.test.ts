/**
 * The built dashboard in headless Chromium with approximate village boundaries (no official file served):
 * load, legend, summary, map source, hover tooltip, need switch, language switch, sections — and no request
 * leaves 127.0.0.1.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkVillageTooltip,
  type Dashboard,
  distinctVillageCodes,
  type GazetteerVillage,
  hoverVillage,
  largestVillage,
  openDashboard,
  openLink,
  readGazetteer,
  sampleMapColors,
  screenshot,
  waitDrawn,
  waitMapIdle,
  waitReady,
} from './harness';

const NOTICE_ID = 'batas desa perkiraan — muat batas resmi';
const NOTICE_EN = 'approximate village boundaries';
const VILLAGE_COUNT = 158;

/**
 * Console errors that are expected here: the official boundary file is deliberately absent, and one test
 * simulates a rendering fault (React reports what the error boundary caught).
 */
const EXPECTED_CONSOLE = [/boundaries\/villages\.geojson/, /favicon\.ico/, /simulated rendering fault/];

describe('dashboard (approximate boundaries)', () => {
  let dash: Dashboard;
  let gazetteer: GazetteerVillage[];

  const text = async (testId: string) =>
    ((await dash.page.getByTestId(testId).first().textContent()) ?? '').trim();
  const html = (attr: string) => dash.page.evaluate((a) => document.documentElement.getAttribute(a), attr);

  beforeAll(async () => {
    gazetteer = await readGazetteer();
    dash = await openDashboard({ boundaries: 'none' });
    await waitReady(dash.page);
  });

  // Each test opens the planner afresh from its link (the dataset stays loaded), not from the last test's screen.
  beforeEach(() => openLink(dash.page, '?section=planner&need=any'));

  afterAll(async () => {
    if (!dash) return;
    const unexpected = dash.consoleErrors.filter((e) => !EXPECTED_CONSOLE.some((re) => re.test(e)));
    if (dash.consoleErrors.length > 0) console.info(`console errors:\n  ${dash.consoleErrors.join('\n  ')}`);
    if (unexpected.length > 0) console.warn(`${unexpected.length} unexpected console error(s)`);
    await dash.close();
  });

  it('reaches data-state="ready" with the Indonesian UI and the synthetic-data label', async () => {
    await waitReady(dash.page);
    await waitMapIdle(dash.page);
    await screenshot(dash.page, 'dashboard-01-ready-overview');
    expect(await dash.page.title()).toContain('Gancang Pikat');
    expect(await html('lang')).toBe('id');
    expect(await text('dataset-name')).toContain('data contoh (sintetis)');
    expect(await text('nav-planner')).toContain('Perencanaan');
    await expect.poll(() => dash.page.url()).toMatch(/[?&]section=planner/);
    await expect.poll(() => dash.page.url()).toMatch(/[?&]need=any/);
  });

  it('shows a legend with classes and "Tidak ada data"', async () => {
    const items = dash.page.getByTestId('legend').getByTestId('legend-item');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    expect(await items.last().textContent()).toContain('Tidak ada data');
  });

  it('summarises coverage for the 158 villages', async () => {
    await dash.page.getByTestId('coverage-summary').waitFor({ state: 'visible' });
    expect(await text('coverage-pct')).toMatch(/\d\s?%|%\s?\d/);
    expect(await text('figure-villages')).toContain(String(VILLAGE_COUNT));
  });

  it('draws all 158 villages in the map source', async () => {
    const codes = await distinctVillageCodes(dash.page);
    expect(codes).toHaveLength(VILLAGE_COUNT);
    expect(new Set(codes)).toEqual(new Set(gazetteer.map((v) => v.village_code)));
    const layer = await dash.page.evaluate(
      () => window.__gancang?.map.getLayer('village-line')?.type ?? null,
    );
    expect(layer).toBe('line');
  });

  it('says the boundaries are approximate', async () => {
    const notice = dash.page.getByTestId('boundary-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await text('boundary-notice')).toBe(NOTICE_ID);
    expect(await dash.page.getByTestId('boundary-source').count()).toBe(0);
  });

  it('shows a tooltip with the village and kecamatan on hover', async () => {
    await checkVillageTooltip(dash.page, gazetteer, 'dashboard-02-tooltip');
  });

  it('asks for no frames while the map is still, and answers the pointer after that rest', async () => {
    const village = largestVillage(gazetteer, ['Kota Manna', 'Manna']);
    const point = await hoverVillage(dash.page, village, 12);
    // The pointer goes off the map (the header); the map then rests with the village under where it was.
    const header = await dash.page.locator('header').first().boundingBox();
    if (!header) throw new Error('no page header');
    await dash.page.mouse.move(header.x + 4, header.y + 4);
    await waitDrawn(dash.page);
    const framesAsked = await dash.page.evaluate(async () => {
      const counter = { n: 0, original: window.requestAnimationFrame };
      window.requestAnimationFrame = (callback) => {
        counter.n++;
        return counter.original.call(window, callback);
      };
      try {
        // The overlay's loop comes to rest (half a second without a frame asked; at most 20 s on a slow
        // machine), then two seconds are counted.
        for (let i = 0; i < 40; i++) {
          counter.n = 0;
          await new Promise((resolve) => setTimeout(resolve, 500));
          if (counter.n === 0) break;
        }
        counter.n = 0;
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return counter.n;
      } finally {
        window.requestAnimationFrame = counter.original;
      }
    });
    // Before the rest: the overlay's loop asked for about 120 frames in two seconds.
    expect(framesAsked).toBeLessThanOrEqual(2);
    await dash.page.mouse.move(point.x - 20, point.y - 20);
    await dash.page.mouse.move(point.x, point.y, { steps: 2 });
    const tooltip = dash.page.getByTestId('tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await tooltip.textContent()).toContain(village.village_name);
  });

  it('switches the need: legend title and URL follow', async () => {
    const title = dash.page.getByTestId('legend').locator('h3');
    const before = await title.textContent();
    await dash.page.getByTestId('need-select').selectOption('kesehatan');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).not.toBe(before);
    expect(await title.textContent()).toContain('Akses kesehatan');
    await expect.poll(() => dash.page.url()).toMatch(/[?&]need=kesehatan/);
    expect(await dash.page.getByTestId('legend').getByTestId('legend-item').count()).toBeGreaterThanOrEqual(
      2,
    );
    await waitMapIdle(dash.page);
    await screenshot(dash.page, 'dashboard-03-need-kesehatan');
  });

  it('recolours the map like a fresh start with that need (and honours lang=en&need= in the URL)', async () => {
    // Tab 1 switches to `kesehatan`; a second tab of the same browser (no second launch) starts with it from the
    // URL. Both are drawn at the same view and sampled at every village's label point.
    const title = dash.page.getByTestId('legend').locator('h3');
    await dash.page.getByTestId('need-select').selectOption('kesehatan');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toContain('Akses kesehatan');
    const view = { center: [102.98, -4.35] as [number, number], zoom: 10 };
    const points = gazetteer.map((v) => [v.label_lon, v.label_lat] as [number, number]);
    const sample = async (page: Page) => {
      await page.evaluate((v) => window.__gancang?.map.jumpTo(v), view);
      await waitMapIdle(page);
      // Hover the sea, so no village keeps its hover highlight.
      const sea = await page.evaluate(() => {
        const map = window.__gancang?.map;
        if (!map) throw new Error('window.__gancang.map is missing');
        const p = map.project([102.62, -4.62]);
        const rect = map.getContainer().getBoundingClientRect();
        return {
          x: rect.left + Math.max(5, Math.min(p.x, rect.width - 5)),
          y: rect.top + Math.max(5, Math.min(p.y, rect.height - 5)),
        };
      });
      await page.mouse.move(sea.x - 10, sea.y - 10);
      await page.mouse.move(sea.x, sea.y, { steps: 3 });
      await waitDrawn(page);
      return sampleMapColors(page, points);
    };
    const switched = await sample(dash.page);

    const page = await dash.context.newPage();
    let fresh: Awaited<ReturnType<typeof sampleMapColors>>;
    try {
      await page.goto(`${dash.server.url}?lang=en&section=planner&need=kesehatan`, {
        waitUntil: 'domcontentloaded',
      });
      await waitReady(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByTestId('nav-planner').textContent()).toContain('Planning');
      expect(await page.getByTestId('need-select').inputValue()).toBe('kesehatan');
      expect(page.url()).toMatch(/[?&]need=kesehatan/);
      expect(page.url()).toMatch(/[?&]lang=en/);
      fresh = await sample(page);
      await screenshot(page, 'dashboard-04a-fresh-kesehatan-en');
    } finally {
      await page.close();
    }

    const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 12);
    let compared = 0;
    const differing: string[] = [];
    points.forEach((_, i) => {
      const a = switched[i];
      const b = fresh[i];
      if (!a || !b) return;
      compared += 1;
      if (!close(a, b)) differing.push(`${gazetteer[i]?.village_name}: switched ${a} vs fresh ${b}`);
    });
    expect(compared).toBeGreaterThan(100);
    // A few label pixels may differ; a stale choropleth differs at a large share of villages.
    expect(
      differing.length,
      `map colours after the need switch differ from a fresh start:\n${differing.join('\n')}`,
    ).toBeLessThanOrEqual(Math.floor(compared * 0.05));
  });

  it('switches to English and back', async () => {
    const language = dash.page.getByTestId('language');
    await language.selectOption('en');
    await expect.poll(() => text('nav-planner')).toContain('Planning');
    expect(await html('lang')).toBe('en');
    expect(await text('dataset-name')).toContain('sample data (synthetic)');
    expect(await text('nav-innovation')).toBe('Innovation');
    expect(await text('nav-supervisor')).toBe('Supervision');
    expect(await text('boundary-notice')).toContain(NOTICE_EN);
    await waitMapIdle(dash.page);
    await screenshot(dash.page, 'dashboard-04-english');

    await language.selectOption('id');
    await expect.poll(() => text('nav-planner')).toContain('Perencanaan');
    expect(await html('lang')).toBe('id');
    expect(await text('boundary-notice')).toBe(NOTICE_ID);
  });

  it('shows household points when zoomed in on Manna', async () => {
    const town = gazetteer.filter((v) => v.district_name === 'Pasar Manna');
    expect(town.length).toBeGreaterThan(0);
    const lon = town.reduce((s, v) => s + v.label_lon, 0) / town.length;
    const lat = town.reduce((s, v) => s + v.label_lat, 0) / town.length;
    await dash.page.mouse.move(5, 5);
    await dash.page.evaluate(
      ({ lon, lat }) => window.__gancang?.map.jumpTo({ center: [lon, lat], zoom: 13 }),
      { lon, lat },
    );
    // The zoom change re-renders the deck.gl layers (household points appear): wait until they are drawn.
    await waitMapIdle(dash.page);
    await waitDrawn(dash.page);
    expect(await dash.page.evaluate(() => window.__gancang?.map.getZoom())).toBeCloseTo(13, 5);
    await screenshot(dash.page, 'dashboard-05-manna-zoom13');
  });

  it('navigates between the three sections, each with its own content', async () => {
    await dash.page.getByTestId('nav-innovation').click();
    await dash.page.getByTestId('innovation').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await text('nav-innovation')).toBe('Inovasi');
    await expect.poll(() => dash.page.url()).toMatch(/[?&]section=innovation/);
    await screenshot(dash.page, 'dashboard-06-innovation');

    await dash.page.getByTestId('nav-supervisor').click();
    await dash.page.getByTestId('coverage-table').waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => dash.page.url()).toMatch(/[?&]section=supervisor/);

    await dash.page.getByTestId('nav-planner').click();
    await dash.page.getByTestId('legend').waitFor({ state: 'visible' });
    await expect.poll(() => dash.page.url()).toMatch(/[?&]section=planner/);
  });

  it('keeps one live map across sections, sized to each section that shows it, resized only when its size changes', async () => {
    const { page } = dash;
    await waitReady(page);
    // A mark on the live map object: a new map built by a switch would not carry it. Its resizes are counted:
    // each makes its drawing buffer again and draws the whole map.
    await page.evaluate(() => {
      const map = window.__gancang?.map as unknown as { __kept?: string; __resizes?: number };
      map.__kept = 'planner';
      map.__resizes = 0;
      window.__gancang?.map.on('resize', () => {
        map.__resizes = (map.__resizes ?? 0) + 1;
      });
    });
    // At every frame the overlay draws in a viewport of the map's size (else its layers sit squeezed beside
    // the base map for that frame). deck.gl is reached through the map's controls, for this check only.
    await page.evaluate(() => {
      const map = window.__gancang?.map as unknown as {
        _controls: { _deck?: { width: number; height: number } }[];
        getCanvas(): HTMLCanvasElement;
        on(event: string, listener: () => void): void;
        __sizeMismatches?: string[];
        __frames?: number;
      };
      map.__sizeMismatches = [];
      map.__frames = 0;
      map.on('render', () => {
        const deck = map._controls.find((c) => c._deck)?._deck;
        const canvas = map.getCanvas();
        map.__frames = (map.__frames ?? 0) + 1;
        if (deck && (deck.width !== canvas.clientWidth || deck.height !== canvas.clientHeight))
          map.__sizeMismatches?.push(
            `${deck.width}×${deck.height} on ${canvas.clientWidth}×${canvas.clientHeight}`,
          );
      });
    });
    const canvasSize = () =>
      page.evaluate(() => {
        const canvas = window.__gancang?.map.getCanvas();
        return canvas ? `${canvas.clientWidth}×${canvas.clientHeight}` : '';
      });
    const takeResizes = () =>
      page.evaluate(() => {
        const map = window.__gancang?.map as unknown as { __resizes?: number };
        const n = map.__resizes ?? 0;
        map.__resizes = 0;
        return n;
      });
    const fills = () =>
      page.evaluate(() => {
        const section = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
        const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
        return {
          canvases: document.querySelectorAll('.maplibregl-canvas').length,
          kept: (window.__gancang?.map as unknown as { __kept?: string } | undefined)?.__kept ?? null,
          widthGap: section && canvas ? Math.abs(section.width - canvas.width) : null,
          heightGap: section && canvas ? Math.abs(section.height - canvas.height) : null,
        };
      });
    // The last two: away and back to the same section, the map's size the same.
    for (const section of ['supervisor', 'innovation', 'planner', 'innovation', 'planner'] as const) {
      const sizeBefore = await canvasSize();
      await page.getByTestId(`nav-${section}`).click();
      await waitReady(page);
      if (section === 'innovation') {
        // Out of sight, the map keeps its size (shrunk to nothing, it would be resized twice on the way back).
        expect(await takeResizes()).toBe(0);
        continue;
      }
      await waitMapIdle(page);
      expect(await takeResizes()).toBe((await canvasSize()) === sizeBefore ? 0 : 1);
      const now = await fills();
      expect(now.canvases).toBe(1);
      expect(now.kept).toBe('planner');
      expect(now.widthGap).toBeLessThanOrEqual(1);
      expect(now.heightGap).toBeLessThanOrEqual(1);
      await screenshot(page, `dashboard-kept-map-${section}`);
    }
    // A window of another size (a phone turned, a window dragged): the map follows it, drawn at once.
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    await page.setViewportSize({ width: viewport.width - 240, height: viewport.height - 100 });
    await page.waitForFunction(() => {
      const section = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
      const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
      return (
        section &&
        canvas &&
        Math.abs(section.width - canvas.width) <= 1 &&
        Math.abs(section.height - canvas.height) <= 1
      );
    });
    await waitMapIdle(page);
    expect(await takeResizes()).toBe(1);
    await screenshot(page, 'dashboard-kept-map-narrower-window');
    await page.setViewportSize(viewport);
    await waitMapIdle(page);
    expect(await takeResizes()).toBe(1);
    const drawn = await page.evaluate(() => {
      const map = window.__gancang?.map as unknown as { __sizeMismatches?: string[]; __frames?: number };
      return { frames: map.__frames ?? 0, mismatches: map.__sizeMismatches ?? [] };
    });
    expect(drawn.frames).toBeGreaterThan(4);
    expect(drawn.mismatches).toEqual([]);
  });

  it('a section that fails to draw shows a message and recovers; the rest of the app stays', async () => {
    const { page } = dash;
    await page.getByTestId('nav-planner').click();
    await waitReady(page);
    // Simulate a fault in rendering: number formatting throws on the next redraw.
    await page.evaluate(() => {
      const proto = Intl.NumberFormat.prototype as unknown as { __format?: unknown };
      proto.__format = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format');
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
        configurable: true,
        get() {
          throw new Error('simulated rendering fault');
        },
      });
    });
    await page.getByTestId('need-select').selectOption('bencana');
    const error = page.getByTestId('view-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain('simulated rendering fault');
    expect(await text('nav-planner')).toContain('Perencanaan'); // the header is still there
    await screenshot(page, 'dashboard-07-view-error');
    await page.evaluate(() => {
      const proto = Intl.NumberFormat.prototype as unknown as { __format?: PropertyDescriptor };
      if (proto.__format) Object.defineProperty(Intl.NumberFormat.prototype, 'format', proto.__format);
    });
    await error.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByTestId('legend').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('view-error').count()).toBe(0);
  });

  it('made no request to another host and threw no page error', () => {
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
