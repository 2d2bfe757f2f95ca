import path from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dot, DotScene, DrawnScene } from './fixtures/dot-page';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './harness';

/*
 * Households and agents are drawn as one GL point per dot (src/core/map/dot-layer.ts), not as deck.gl's
 * ScatterplotLayer's instanced squares, because a software renderer pays for every instance. A user must not
 * see the difference: for any dots (sizes, outlines, colours, opacity, overlaps, screen density, centres beyond
 * the map's edge), the two draw the same pixels, but for the smoothing of an edge.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  assertChromium();
  const bundle = await build({
    entryPoints: [path.resolve('tests/e2e/fixtures/dot-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage();
  await page.setContent('<!doctype html><body style="margin:0"></body>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Drawn {
  width: number;
  height: number;
  /** RGBA, rows bottom first. */
  pixels: Uint8Array;
}

async function drawn(scene: DotScene, kind: 'dot' | 'scatterplot'): Promise<Drawn> {
  const d = (await page.evaluate(([s, k]) => window.drawDots(s, k), [scene, kind] as const)) as DrawnScene;
  return { width: d.width, height: d.height, pixels: new Uint8Array(Buffer.from(d.pixels, 'base64')) };
}

/** Per pixel, the largest difference of a channel (alpha included). */
function differences(a: Drawn, b: Drawn): number[] {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  const out: number[] = [];
  for (let i = 0; i < a.pixels.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs((a.pixels[i + c] ?? 0) - (b.pixels[i + c] ?? 0)));
    out.push(d);
  }
  return out;
}

const painted = (scene: Drawn) => {
  let n = 0;
  for (let i = 3; i < scene.pixels.length; i += 4) if ((scene.pixels[i] ?? 0) > 0) n++;
  return n;
};

const rgba = fc.tuple(
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: 40, max: 255 }),
);

/** Around the 96-pixel view (0.0165° across at zoom 12), centres up to 16 pixels beyond its edges included. */
const dot: fc.Arbitrary<Dot> = fc.record({
  lon: fc.double({ min: 102.889, max: 102.911, noNaN: true }),
  lat: fc.double({ min: -4.411, max: -4.389, noNaN: true }),
  radius: fc.double({ min: 0.5, max: 14, noNaN: true }),
  lineWidth: fc.double({ min: 0, max: 4, noNaN: true }),
  fill: rgba,
  line: rgba,
});

const scene: fc.Arbitrary<DotScene> = fc.record({
  dots: fc.array(dot, { minLength: 1, maxLength: 24 }),
  stroked: fc.boolean(),
  opacity: fc.double({ min: 0.3, max: 1, noNaN: true }),
  ratio: fc.constantFrom(1, 2, 3),
});

describe('dots drawn as GL points', () => {
  it('look like ScatterplotLayer dots, for any dots', async () => {
    await fc.assert(
      fc.asyncProperty(scene, async (s) => {
        const [points, squares] = [await drawn(s, 'dot'), await drawn(s, 'scatterplot')];
        const d = differences(points, squares);
        // Not a blank comparison: a dot centred in the view paints.
        const inView = s.dots.some((d) => Math.abs(d.lon - 102.9) < 0.008 && Math.abs(d.lat + 4.4) < 0.008);
        if (inView) expect(painted(points)).toBeGreaterThan(0);
        // Edge smoothing rounds differently by a few levels (at most 19 in 60 runs); a size, shape, outline or
        // colour wrong by a pixel or a step changes whole rings by far more.
        expect(Math.max(...d)).toBeLessThanOrEqual(32);
      }),
      { numRuns: 100 },
    );
  }, 300_000);

  it('stay round, only smaller, on a device that draws no point as large', async () => {
    const big: Dot = {
      lon: 102.9,
      lat: -4.4,
      radius: 14,
      lineWidth: 2,
      fill: [200, 30, 30, 255],
      line: [255, 255, 255, 255],
    };
    const limited = await drawn(
      { dots: [big], stroked: true, opacity: 1, ratio: 1, maxPointPixels: 12 },
      'dot',
    );
    // A 12-pixel point holds a disc of radius 6 minus its smoothed edge: about 100 pixels, a square 144.
    const n = painted(limited);
    expect(n).toBeGreaterThan(70);
    expect(n).toBeLessThan(125);
    const full = await drawn({ dots: [big], stroked: true, opacity: 1, ratio: 1 }, 'dot');
    expect(painted(full)).toBeGreaterThan(700);
  }, 60_000);
});
