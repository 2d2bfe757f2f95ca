/**
 * Pengawasan prepared while the planner is shown (prepare-sections.ts): its GPU programs are compiled, so the
 * switch links none — even when the planner hands the map new layers while that warm-up is drawing (here: the
 * need is changed again and again until the warm-up is done); and what it shows is read ahead (the engine's
 * arrays and answer, the area names, the need rates, the agents' types and offices), so opening it asks the
 * database nothing and never waits behind another statement; nor does it change the map's style.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS_PREPARED } from '../../src/app/sections-prepared';
import { type Dashboard, openDashboard, screenshot, waitMapIdle, waitReady } from './harness';

describe('Pengawasan prepared ahead', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none' });
    await waitReady(dash.page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('has its map programs compiled while the planner changes its layers: the switch compiles none and asks the database nothing', async () => {
    const { page } = dash;
    const prepared = () =>
      page.evaluate((name) => {
        const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
        return mark ? (mark.detail as { compiled: boolean }) : null;
      }, SECTIONS_PREPARED);
    // Each change gives the planner's map new area layers while the warm-up may be under way.
    const needs = ['kesehatan', 'rtlh', 'any'];
    let changes = 0;
    let detail = await prepared();
    const deadline = Date.now() + 90_000;
    while (detail === null && Date.now() < deadline) {
      await page.getByTestId('need-select').selectOption(needs[changes % needs.length] as string);
      changes++;
      await page.waitForTimeout(250);
      detail = await prepared();
    }
    expect(detail).toEqual({ compiled: true });
    // The warm-up ran while the layers changed (it starts only once the page is idle and the engine fed).
    expect(changes).toBeGreaterThan(0);
    await waitReady(page);
    // Programs linked from here on, by their shaders' names.
    await page.evaluate(() => {
      const gl = WebGL2RenderingContext.prototype as WebGL2RenderingContext & { __links: string[] };
      const link = gl.linkProgram;
      gl.__links = [];
      gl.linkProgram = function (this: WebGL2RenderingContext, program: WebGLProgram) {
        const names = (this.getAttachedShaders(program) ?? []).map(
          (shader) => /#define SHADER_NAME (\S+)/.exec(this.getShaderSource(shader) ?? '')?.[1] ?? '?',
        );
        gl.__links.push(names.join('+'));
        return link.call(this, program);
      };
    });
    // The database has started behind the page (at the first pause in the user's input, or asked by a statement),
    // and the planner's own work done ahead (its case tables) is over too: no statement for a second.
    await page.waitForFunction(
      () => performance.getEntriesByName('gancang:duckdb-ready').length > 0,
      undefined,
      {
        timeout: 60_000,
      },
    );
    const statements = () => page.evaluate(() => performance.getEntriesByName('gancang:sql').length);
    let before = await statements();
    for (;;) {
      await page.waitForTimeout(1_000);
      const now = await statements();
      if (now === before) break;
      before = now;
    }
    // Style changes from here on (each costs the map a frame of its own), and deck.gl's places already there.
    const places = await page.evaluate(() => {
      const map = window.__gancang?.map as unknown as Record<string, (...args: unknown[]) => unknown> & {
        getLayersOrder(): string[];
      };
      const changes: string[] = [];
      (window as unknown as { __styleChanges: string[] }).__styleChanges = changes;
      for (const name of ['addLayer', 'removeLayer', 'moveLayer']) {
        const original = map[name]?.bind(map);
        map[name] = (...args: unknown[]) => {
          const layer = args[0];
          changes.push(`${name} ${typeof layer === 'string' ? layer : (layer as { id: string }).id}`);
          return original?.(...args);
        };
      }
      return map.getLayersOrder().filter((id) => id.startsWith('deck-'));
    });
    await page.getByTestId('nav-supervisor').click();
    await waitReady(page);
    await waitMapIdle(page);
    const links = await page.evaluate(
      () => (WebGL2RenderingContext.prototype as unknown as { __links: string[] }).__links,
    );
    // The dashboard's database leaves a measure for each statement.
    const asked = await page.evaluate(
      (n) =>
        performance
          .getEntriesByName('gancang:sql')
          .slice(n)
          .map((e) => (e as PerformanceMeasure).detail),
      before,
    );
    await screenshot(page, 'warm-programs-supervisor');
    // Before the warm-up: the households' points and the assignment lines.
    expect(links).toEqual([]);
    // Before the need rates and the agents' offices were read ahead: those two statements.
    expect(asked).toEqual([]);
    // Nor did the switch change the map's style: both of deck.gl's places were there.
    expect(places.sort()).toEqual([
      'deck-maplibre-layer-group-before:village-line',
      'deck-maplibre-layer-group-last',
    ]);
    expect(
      await page.evaluate(() => (window as unknown as { __styleChanges: string[] }).__styleChanges),
    ).toEqual([]);
    expect(await page.getByTestId('supervisor-coverage').textContent()).toMatch(/\d/);
  });
});

describe('Pengawasan opened before it was prepared', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await openDashboard({ boundaries: 'none' });
    await waitReady(dash.page);
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('is not drawn over by the warm-up meant for the planner’s map', async () => {
    const { page } = dash;
    // Every set of layers handed to the map from here on, by their ids.
    await page.evaluate(() => {
      const handed: string[][] = [];
      (window as unknown as { __handed: string[][] }).__handed = handed;
      const map = window.__gancang?.map as unknown as {
        _controls: { setProps?: unknown; _props?: unknown }[];
      };
      const overlay = map._controls.find((c) => typeof c.setProps === 'function' && c._props) as unknown as {
        setProps: (props: { layers?: { id: string }[] }) => void;
      };
      const setProps = overlay.setProps.bind(overlay);
      overlay.setProps = (props) => {
        if (props.layers) handed.push(props.layers.map((layer) => layer.id));
        setProps(props);
      };
    });
    await page.getByTestId('nav-supervisor').click();
    await page.waitForFunction(
      () => new URLSearchParams(window.location.search).get('section') === 'supervisor',
    );
    await waitReady(page);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, SECTIONS_PREPARED, {
      timeout: 60_000,
    });
    const detail = await page.evaluate(
      (name) => (performance.getEntriesByName(name)[0] as PerformanceMark).detail,
      SECTIONS_PREPARED,
    );
    expect(detail).toEqual({ compiled: false });
    const handed = await page.evaluate(() => (window as unknown as { __handed: string[][] }).__handed);
    expect(handed.some((ids) => ids.some((id) => id.startsWith('warm-')))).toBe(false);
    expect(handed.at(-1)).toContain('agents');
  });
});
