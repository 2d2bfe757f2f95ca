import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeoJSON } from 'geojson';
import type { Page } from 'playwright-core';
import { readCsvRecords } from '../../src/core/import/csv-text';
import { countColor, type Rgb } from './png-pixels';
import { screenshot } from './screenshot';
import { ROOT } from './static-server';

/** Waits until the live MapLibre map has finished rendering (no pending tiles or transitions). */
export async function waitMapIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__gancang?.map !== undefined, undefined, { timeout: timeoutMs });
  await page.evaluate(
    (timeout) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__gancang?.map;
        if (!map) {
          reject(new Error('window.__gancang.map is missing'));
          return;
        }
        // No named inner functions here: tsx/esbuild would wrap them in a `__name` helper the page lacks.
        const timer = setTimeout(() => reject(new Error(`map not idle after ${timeout} ms`)), timeout);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        // Force a frame so `idle` fires even when nothing is pending right now.
        map.triggerRepaint();
      }),
    timeoutMs,
  );
}

/**
 * Waits until the map shows what was last asked of it: every deck.gl layer handed over is set up with its data,
 * then the map's next idle frame (instead of a fixed pause before a screenshot or a pixel check).
 */
export async function waitDrawn(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__gancang?.layersLoaded() === true, undefined, {
    timeout: timeoutMs,
  });
  await waitMapIdle(page, timeoutMs);
}

/**
 * Waits until the screen is still before a screenshot: the map (when one is on the page) drawn, no CSS transition or
 * animation running, and two frames painted since.
 */
export async function waitStill(page: Page, timeoutMs = 60_000): Promise<void> {
  const mapShown = await page.evaluate(() => window.__gancang?.map.getContainer().isConnected === true);
  if (mapShown) await waitDrawn(page, timeoutMs);
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    { timeout: timeoutMs },
  );
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export interface GazetteerVillage {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
  village_type: string;
  label_lon: number;
  label_lat: number;
  area_km2: number;
}

/** The committed gazetteer (data/villages.csv): codes, names and label points. */
export async function readGazetteer(
  file = path.join(ROOT, 'data', 'villages.csv'),
): Promise<GazetteerVillage[]> {
  return readCsvRecords(await readFile(file, 'utf8')).map((r) => ({
    village_code: r.village_code ?? '',
    village_name: r.village_name ?? '',
    district_code: r.district_code ?? '',
    district_name: r.district_name ?? '',
    village_type: r.village_type ?? '',
    label_lon: Number(r.label_lon),
    label_lat: Number(r.label_lat),
    area_km2: Number(r.area_km2),
  }));
}

/** The village with the largest area in the given kecamatan: its label point is well inside it. */
export function largestVillage(villages: GazetteerVillage[], districts: string[]): GazetteerVillage {
  const candidates = villages.filter((v) => districts.includes(v.district_name));
  const best = [...candidates].sort((a, b) => b.area_km2 - a.area_km2)[0];
  if (!best) throw new Error(`no village in ${districts.join(', ')} in data/villages.csv`);
  return best;
}

/** Distinct `village_code`s in the map's 'villages' source (rendered tiles may split a feature). */
export async function distinctVillageCodes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const map = window.__gancang?.map;
    if (!map) throw new Error('window.__gancang.map is missing');
    const codes = new Set<string>();
    const source = map.getSource('villages') as
      | { getData?: () => Promise<GeoJSON | string> | GeoJSON | string }
      | undefined;
    if (source?.getData) {
      const data = await source.getData();
      if (typeof data === 'object' && data !== null && data.type === 'FeatureCollection') {
        for (const f of data.features) {
          const code = f.properties?.village_code;
          if (code !== undefined && code !== null) codes.add(String(code));
        }
      }
    }
    if (codes.size === 0) {
      for (const f of map.querySourceFeatures('villages')) {
        const code = f.properties?.village_code;
        if (code !== undefined && code !== null) codes.add(String(code));
      }
    }
    return [...codes].sort();
  });
}

/**
 * Centres the map on a village's label point at `zoom`, waits for idle and moves the mouse there.
 * Returns the page coordinates hovered.
 */
export async function hoverVillage(
  page: Page,
  village: Pick<GazetteerVillage, 'label_lon' | 'label_lat'>,
  zoom = 12,
): Promise<{ x: number; y: number }> {
  await page.evaluate(
    ({ lon, lat, z }) => {
      window.__gancang?.map.jumpTo({ center: [lon, lat], zoom: z });
    },
    { lon: village.label_lon, lat: village.label_lat, z: zoom },
  );
  await waitMapIdle(page);
  const point = await page.evaluate(
    ({ lon, lat }) => {
      const map = window.__gancang?.map;
      if (!map) throw new Error('window.__gancang.map is missing');
      const p = map.project([lon, lat]);
      const rect = map.getContainer().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    { lon: village.label_lon, lat: village.label_lat },
  );
  // Approach from a few pixels away so the pointer actually moves over the village.
  await page.mouse.move(point.x - 20, point.y - 20);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/**
 * The rendered colour (r,g,b) at each lon/lat, read from a screenshot: the most frequent colour of a
 * (2r+1)² patch, so thin label glyphs and outlines do not count. null where the point is outside the map or
 * covered by another element (notice, tooltip, controls). Move the mouse off the villages first (hover highlight).
 */
export async function sampleMapColors(
  page: Page,
  lonLats: [number, number][],
  radius = 3,
): Promise<([number, number, number] | null)[]> {
  const points = await page.evaluate((coords) => {
    const map = window.__gancang?.map;
    if (!map) throw new Error('window.__gancang.map is missing');
    const canvas = map.getCanvas();
    const rect = map.getContainer().getBoundingClientRect();
    return coords.map(([lon, lat]) => {
      const p = map.project([lon, lat]);
      const x = Math.round(rect.left + p.x);
      const y = Math.round(rect.top + p.y);
      const inside = x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom;
      return inside && document.elementFromPoint(x, y) === canvas ? { x, y } : null;
    });
  }, lonLats);
  const png = (await page.screenshot()).toString('base64');
  // No named inner functions in evaluated code: tsx/esbuild would wrap them in a `__name` helper the page lacks.
  return page.evaluate(
    async ({ png, points, radius }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      return points.map((p) => {
        if (!p) return null;
        const size = 2 * radius + 1;
        const d = ctx.getImageData(p.x - radius, p.y - radius, size, size).data;
        const counts = new Map<string, number>();
        let best = '';
        let bestCount = 0;
        for (let i = 0; i < d.length; i += 4) {
          const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          const n = (counts.get(key) ?? 0) + 1;
          counts.set(key, n);
          if (n > bestCount) {
            best = key;
            bestCount = n;
          }
        }
        return best.split(',').map(Number) as [number, number, number];
      });
    },
    { png, points, radius },
  );
}

/**
 * Hovers the largest village of Kota Manna/Manna and checks the tooltip names it and its kecamatan;
 * saves a screenshot as `shotName`; then moves the pointer off the map and checks the tooltip is gone.
 */
export async function checkVillageTooltip(
  page: Page,
  gazetteer: GazetteerVillage[],
  shotName: string,
): Promise<void> {
  const village = largestVillage(gazetteer, ['Kota Manna', 'Manna']);
  const at = await hoverVillage(page, village, 12);
  const tooltip = page.getByTestId('tooltip');
  // A person's pointer keeps moving a little: a move the map could not answer yet (seen while the database
  // starts behind a page drawn from answers) is followed by another.
  for (let move = 1; ; move++) {
    try {
      await tooltip.waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch (error) {
      if (move === 5) throw error;
      await page.mouse.move(at.x + (move % 2), at.y, { steps: 2 });
    }
  }
  await screenshot(page, shotName);
  const content = (await tooltip.textContent()) ?? '';
  if (!content.includes(village.village_name) || !content.includes(village.district_name)) {
    throw new Error(`tooltip "${content}" lacks ${village.village_name} / ${village.district_name}`);
  }
  // The pointer leaves the map for the page header: the card goes with it.
  const header = await page.locator('header').first().boundingBox();
  if (!header) throw new Error('no page header to move the pointer to');
  await page.mouse.move(header.x + 4, header.y + 4);
  await tooltip.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** How many pixels of the map (as on screen) are within `tolerance` of the colour `rgb` in every channel. */
export async function countMapPixels(page: Page, rgb: Rgb, tolerance = 24): Promise<number> {
  return countColor(await page.getByTestId('map').screenshot(), rgb, tolerance);
}
