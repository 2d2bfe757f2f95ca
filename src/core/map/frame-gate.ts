/**
 * deck.gl's frame loop, run only while it has work. The overlay's loop asks for an animation frame after every
 * frame, even when nothing moves or changes — 60 frames a second of main-thread, compositor and GPU work on
 * an idle page, which is battery on a phone in the field (a known upstream behaviour, visgl/deck.gl#6961).
 * The gate stands between the loop and the browser: once every layer has loaded and QUIET_FRAMES frames have
 * passed since anything happened, the loop's next frame is held; `wake` (new layers, a pointer on the map, a
 * map frame drawn) hands it to the browser again. Held or not, the loop has at most one frame pending.
 */
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { overlayInternals } from './overlay-internals';

/** What deck.gl's loop (luma.gl's AnimationLoop) asks frames from. */
export interface FrameProvider {
  requestAnimationFrame(callback: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
}

/** Frames the loop keeps running after the last event: time for a pick, a layer update and a redraw request. */
export const QUIET_FRAMES = 30;

export interface FrameGate {
  /** The provider to give the loop. */
  readonly provider: FrameProvider;
  /** Something happened: a held frame goes to the browser, and the quiet count starts again. */
  wake(): void;
  /** True while the loop's frame is held. */
  readonly asleep: boolean;
}

/**
 * A gate over `frames` (the browser's by default). `settled` says whether the loop may rest (every layer
 * loaded); it is asked at each frame request.
 */
export function frameGate(settled: () => boolean, frames: FrameProvider = window): FrameGate {
  let quiet = 0;
  /** The loop's pending frame: our id for it, its callback when held, the browser's id when scheduled. */
  let pendingId = 0;
  let held: FrameRequestCallback | null = null;
  let browserId = 0;
  let nextId = 0;
  const schedule = (callback: FrameRequestCallback) => {
    browserId = frames.requestAnimationFrame((time) => {
      browserId = 0;
      callback(time);
    });
  };
  const provider: FrameProvider = {
    requestAnimationFrame(callback) {
      pendingId = ++nextId;
      quiet = settled() ? quiet + 1 : 0;
      if (quiet > QUIET_FRAMES) held = callback;
      else {
        held = null;
        schedule(callback);
      }
      return pendingId;
    },
    cancelAnimationFrame(id) {
      if (id !== pendingId) return;
      // A loop stopped, and started again, runs again.
      quiet = 0;
      held = null;
      if (browserId !== 0) frames.cancelAnimationFrame(browserId);
      browserId = 0;
    },
  };
  return {
    provider,
    wake() {
      quiet = 0;
      if (held === null) return;
      const callback = held;
      held = null;
      schedule(callback);
    },
    get asleep() {
      return held !== null;
    },
  };
}

/** Pointer input on the map that deck.gl answers in its loop (hover picking) or that starts a move. */
const WAKING_INPUT = ['pointermove', 'pointerdown', 'pointerup', 'pointerleave', 'wheel', 'touchstart'];

/**
 * Puts a gate on the overlay's frame loop, woken by every map frame and by pointer input on the map; null when
 * the overlay has no loop to gate (the loop then runs as deck.gl made it).
 */
export function gateOverlayFrames(
  map: MapLibreMap,
  overlay: MapLibreOverlay,
  settled: () => boolean,
): FrameGate | null {
  // The loop takes a frame provider (luma.gl's AnimationLoop.setProps).
  const loop = overlayInternals(overlay).animationLoop as
    | { setProps(props: { animationFrameProvider: FrameProvider }): unknown }
    | undefined;
  if (typeof loop?.setProps !== 'function') return null;
  const gate = frameGate(settled);
  loop.setProps({ animationFrameProvider: gate.provider });
  map.on('render', gate.wake);
  for (const type of WAKING_INPUT)
    map.getCanvasContainer().addEventListener(type, gate.wake, { capture: true, passive: true });
  return gate;
}
