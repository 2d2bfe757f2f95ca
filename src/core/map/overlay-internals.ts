/**
 * The parts of deck.gl's MapLibre overlay that are not public API, reached in this one place: its Deck's frame
 * loop (luma.gl's AnimationLoop, gated by frame-gate.ts) and luma.gl's canvas context (told the map's size by
 * overlay-size.ts). Each is undefined when a later version lacks it; the callers check its shape and otherwise
 * leave deck.gl as it is.
 */
import type { MapLibreOverlay } from '@deck.gl/maplibre';

export interface OverlayInternals {
  animationLoop: unknown;
  canvasContext: unknown;
}

export function overlayInternals(overlay: MapLibreOverlay): OverlayInternals {
  const deck = (
    overlay as unknown as { _deck?: { animationLoop?: unknown; device?: { canvasContext?: unknown } } }
  )._deck;
  return { animationLoop: deck?.animationLoop ?? undefined, canvasContext: deck?.device?.canvasContext };
}
