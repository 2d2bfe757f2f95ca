/**
 * Bappeda's presentation on a 1920×1080 projector and a 1366×768 laptop: every slide from live data, no text
 * under 16 px on the projector, every chart with its legend, the keyboard (arrows, Home/End, F, Esc), the slide
 * counter, one slide saved as a 1920×1080 PNG and the whole deck as a PDF. Opens its own dashboard.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Dashboard,
  openDashboard,
  pngSize,
  ROOT,
  SCREENSHOT_DIR,
  screenshot,
  waitReady,
  waitStill,
} from './harness';

const SLIDES = ['title', 'index', 'hotspots', 'coverage', 'figures', 'channels', 'trend', 'next'];

/** Visible text (HTML and chart SVG) smaller than `min` px inside the presentation. */
const smallText = (page: Page, min: number) =>
  page.evaluate((min) => {
    const out: string[] = [];
    const root = document.querySelector('[data-testid="presentation"]');
    const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('.slide-frame.export')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < min - 0.01) out.push(`${size}px: ${text.slice(0, 40)}`);
    }
    return out;
  }, min);

/** Colours in an image (a blank or nearly blank export has one or two). */
const colours = (page: Page, bytes: Buffer, type: string) =>
  page.evaluate(
    async ({ b64, type }) => {
      // An <img> (the page's rules allow data: images, not data: fetches).
      const image = new Image();
      image.src = `data:${type};base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(image, 0, 0);
      const px = ctx.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < px.length; i += 4 * 97)
        seen.add(((px[i] ?? 0) << 16) | ((px[i + 1] ?? 0) << 8) | (px[i + 2] ?? 0));
      return seen.size;
    },
    { b64: bytes.toString('base64'), type },
  );

async function present(page: Page) {
  await page.getByTestId('start-presentation').click();
  await page.getByTestId('presentation').waitFor();
}

describe('the presentation on a 1920×1080 projector', () => {
  let dash: Dashboard;
  afterAll(async () => {
    await dash?.close();
  });

  it('shows every slide from live data, text ≥ 16 px, each chart with its legend', async () => {
    dash = await openDashboard({
      boundaries: 'none',
      viewport: { width: 1920, height: 1080 },
      query: 'section=innovation',
    });
    const { page } = dash;
    await waitReady(page);
    await present(page);
    const seen: string[] = [];
    for (let i = 0; i < SLIDES.length; i++) {
      const slide = (await page.getByTestId('presentation').getAttribute('data-slide')) ?? '';
      seen.push(slide);
      await waitStill(page);
      await screenshot(page, `presentation-1920-${i + 1}-${slide}`);
      expect(await smallText(page, 16), slide).toEqual([]);
      const charts = await page.locator('.slide-frame .recharts-surface').count();
      if (charts > 0)
        expect(await page.locator('.slide-frame .recharts-legend-wrapper').count(), slide).toBeGreaterThan(0);
      await expect(page.getByTestId('slide-counter').textContent()).resolves.toBe(
        `${i + 1} / ${SLIDES.length}`,
      );
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(SLIDES);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('slide-counter').textContent()).resolves.toBe(`1 / ${SLIDES.length}`);
    await page.keyboard.press('End');
    await expect(page.getByTestId('presentation').getAttribute('data-slide')).resolves.toBe('next');
  });

  it('says what the category means, the channel results and next steps, in numbers from the data', async () => {
    const { page } = dash;
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const bands = await page.getByTestId('slide-bands').locator('li').allTextContents();
    expect(bands.length).toBeGreaterThanOrEqual(3);
    expect(bands.join(' ')).toMatch(/Sangat Inovatif: 65,01 ke atas/);
    expect(bands.join(' ')).toMatch(/Inovatif: 40,01 – 65,00/);
    expect(await page.getByTestId('slide-next-category').textContent()).toMatch(
      /poin lagi untuk kategori Sangat Inovatif/,
    );
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('presentation').getAttribute('data-slide')).toBe('channels');
    const rows = await page.getByTestId('slide-channels').locator('tbody tr').allTextContents();
    expect(rows.slice(0, 5).map((r) => r.split(/\s|\d/)[0])).toEqual([
      'JSPS',
      'SPADA',
      'Tim',
      'Bujang',
      'Era',
    ]);
    await page.keyboard.press('End');
    const steps = await page.getByTestId('slide-steps').locator('li').allTextContents();
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps[0]).toMatch(/^Tambah atau geser agen di Kecamatan .+: cakupan agen ≤ 1 km baru \d+,\d %/);
  });

  it('saves the slide as a 1920×1080 PNG and the whole deck as a PDF', async () => {
    const { page } = dash;
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('slide-png').click()]);
    expect(png.suggestedFilename()).toBe('slide-2-index-1920x1080.png');
    const file = path.join(SCREENSHOT_DIR, 'presentation-export-slide-2-index.png');
    await copyFile((await png.path()) as string, file);
    const image = await readFile(file);
    expect(pngSize(image)).toEqual({ width: 1920, height: 1080 });
    // The slide is drawn, not a blank page: its text, bars and category colours.
    expect(await colours(page, image, 'image/png')).toBeGreaterThan(20);
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('deck-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('presentasi-gancang-pikat.pdf');
    const deck = path.join(ROOT, 'test-output', 'presentasi-gancang-pikat.pdf');
    await copyFile((await pdf.path()) as string, deck);
    const bytes = await readFile(deck);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(SLIDES.length);
    expect(bytes.length).toBeLessThanOrEqual(6 * 1024 * 1024);
    if (existsSync('/usr/bin/pdftoppm'))
      execFileSync('/usr/bin/pdftoppm', [
        '-r',
        '40',
        '-png',
        deck,
        path.join(SCREENSHOT_DIR, 'presentation-deck'),
      ]);
    // After exporting, the keyboard still drives the slides, and Esc leaves.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('slide-counter').textContent()).resolves.toBe(`3 / ${SLIDES.length}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presentation').count()).resolves.toBe(0);
    expect(dash.foreignRequests).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});

describe('the presentation on a 1366×768 laptop', () => {
  let dash: Dashboard;
  afterAll(async () => {
    await dash?.close();
  });

  it('fits every slide on the screen, text ≥ 16 px', async () => {
    dash = await openDashboard({
      boundaries: 'none',
      viewport: { width: 1366, height: 768 },
      query: 'section=innovation',
    });
    const { page } = dash;
    await waitReady(page);
    await present(page);
    for (let i = 0; i < SLIDES.length; i++) {
      const slide = (await page.getByTestId('presentation').getAttribute('data-slide')) ?? '';
      await waitStill(page);
      await screenshot(page, `presentation-1366-${i + 1}-${slide}`);
      expect(await smallText(page, 16), slide).toEqual([]);
      // Nothing spills below the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(overflow, slide).toBeLessThanOrEqual(0);
      await page.keyboard.press('ArrowRight');
    }
  });
});
