/**
 * deck.gl's size of the map, kept equal to the map's at every frame.
 *
 * The overlay draws within MapLibre's frames, in a viewport of the size deck.gl last heard of: luma.gl's
 * resize observer on the map's canvas tells it, one rendering step after the canvas changed. A map resized at
 * once (shared-map.ts: when a section shows it at another size) would have its next frame drawn with the old
 * size — the layers squeezed beside the base map for one frame — and then the observer's late news would ask
 * for the whole map again. `tellOverlaySize` hands luma.gl the new size when the map is resized, and the
 * observer's later report of that same size is dropped.
 *
 * luma.gl's canvas context is not public API: should a later version lack it, nothing is done and the
 * observer alone tells deck.gl, as before.
 */
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { overlayInternals } from './overlay-internals';

interface SizeEntry {
  target: Element;
  contentBoxSize: readonly { inlineSize: number; blockSize: number }[];
  devicePixelContentBoxSize?: readonly { inlineSize: number; blockSize: number }[];
}

interface CanvasContextLike {
  canvas: unknown;
  cssWidth: number;
  cssHeight: number;
  devicePixelWidth: number;
  devicePixelHeight: number;
  _handleResize(entries: SizeEntry[]): void;
  __sizeKept?: true;
}

function canvasContext(overlay: MapLibreOverlay): CanvasContextLike | null {
  const context = overlayInternals(overlay).canvasContext as CanvasContextLike | undefined;
  return context && typeof context._handleResize === 'function' && context.canvas instanceof HTMLCanvasElement
    ? context
    : null;
}

/**
 * Drops the observer's reports of the size the context already has (told by tellOverlaySize); one whose device
 * pixels differ from those told (a fractional pixel ratio) is taken.
 */
function keepSize(context: CanvasContextLike): void {
  if (context.__sizeKept) return;
  context.__sizeKept = true;
  const handle = context._handleResize.bind(context);
  context._handleResize = (entries) => {
    const entry = entries.find((e) => e.target === context.canvas);
    const box = entry?.contentBoxSize[0];
    const px = entry?.devicePixelContentBoxSize?.[0];
    const sameCss = box && box.inlineSize === context.cssWidth && box.blockSize === context.cssHeight;
    const samePx =
      !px || (px.inlineSize === context.devicePixelWidth && px.blockSize === context.devicePixelHeight);
    if (sameCss && samePx) return;
    handle(entries);
  };
}

/** Tells deck.gl the map canvas's size now (call right after the map was resized). */
export function tellOverlaySize(overlay: MapLibreOverlay): void {
  const context = canvasContext(overlay);
  if (!context) return;
  keepSize(context);
  const canvas = context.canvas as HTMLCanvasElement;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === context.cssWidth && height === context.cssHeight) return;
  const ratio = window.devicePixelRatio || 1;
  context._handleResize([
    {
      target: canvas,
      contentBoxSize: [{ inlineSize: width, blockSize: height }],
      devicePixelContentBoxSize: [
        { inlineSize: Math.round(width * ratio), blockSize: Math.round(height * ratio) },
      ],
    },
  ]);
}
