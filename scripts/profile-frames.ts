/**
 * The live map's frames during a profiled wait (`npm run profile -- --frames`). Each MapLibre render: when it
 * came, and what it could show — whether the map had loaded, whether deck.gl's places were in the map's style
 * (it draws nothing before), whether the layers last handed to deck.gl were set up, and whether deck.gl still
 * held new layers it had not taken up (they are taken up in deck.gl's own frame; a map frame drawn before it
 * shows the layers before). With software rendering each frame costs a read-back, so a frame that shows nothing
 * new is time the user waits.
 *
 * Reads the page through the automation hook (window.__gancang) and, for the held layers, deck.gl internals
 * that are not public API: a version without them prints "?" there. deck.gl's places are its layers in the
 * map's style whose ids begin with "deck-" (@deck.gl/maplibre's layer groups).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface MapFrame {
  atMs: number;
  /** The animation frame it was drawn in (document.timeline's time, which changes once per animation frame). */
  frameAtMs: number | null;
  /** MapLibre's own view: style, sources and tiles loaded. */
  loaded: boolean;
  /** deck.gl's places (its layer groups) in the map's style: it draws its layers only there. */
  placed: boolean;
  /** Every layer last handed to deck.gl set up and with its data. */
  layersLoaded: boolean;
  /** New layers handed to deck.gl and not yet taken up: true, false, or null when that cannot be read. */
  layersHeld: boolean | null;
}

/**
 * Run in the page: records the live map's frames from now on (a map made later too). Text, not a function: the
 * script runner would add its own helpers to a function's source, which the page does not have.
 */
const PROBE = `(() => {
  const frames = [];
  window.__mapFrames = frames;
  let watched = null;
  setInterval(() => {
    const hook = window.__gancang;
    if (!hook || hook.map === watched) return;
    watched = hook.map;
    const map = hook.map;
    map.on('render', () => {
      const manager = map._controls?.find((c) => c._deck)?._deck?.layerManager;
      frames.push({
        atMs: performance.now(),
        frameAtMs: document.timeline.currentTime,
        loaded: map.loaded(),
        placed: map.getLayersOrder().some((id) => id.startsWith('deck-')),
        layersLoaded: window.__gancang?.layersLoaded() ?? false,
        layersHeld: manager && '_nextLayers' in manager ? Boolean(manager._nextLayers) : null,
      });
    });
  }, 5);
})()`;

/** Records the live map's frames in every page of `context` opened from now on, and in `open` already open. */
export async function recordMapFrames(context: BrowserContext, open?: Page): Promise<void> {
  await context.addInitScript({ content: PROBE });
  if (open) await open.evaluate(PROBE);
}

/** The frames recorded in `page` from `fromMs` (the page's clock) on. */
export async function mapFrames(page: Page, fromMs: number): Promise<MapFrame[]> {
  const frames = await page.evaluate(
    () => (window as unknown as { __mapFrames?: MapFrame[] }).__mapFrames ?? [],
  );
  return frames.filter((f) => f.atMs >= fromMs);
}
