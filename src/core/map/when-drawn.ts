/**
 * When the map shows the layers last handed to deck.gl: what a section's "ready" waits for. deck.gl takes new
 * layers up in its own animation frame; a map frame that came before it (asked for by anything else) drew the
 * layers before, and MapLibre may say idle right after it. So each map frame is noted with the layers it drew,
 * when they were all set up, and only an idle after a frame that drew the layers asked for counts.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FrameProvider } from './frame-gate';

/** What of the map this needs. */
export type DrawingMap = Pick<MapLibreMap, 'loaded' | 'isMoving' | 'triggerRepaint'> & {
  on(type: 'render' | 'idle', listener: () => void): unknown;
  once(type: 'idle', listener: () => void): unknown;
  off(type: 'render' | 'idle', listener: () => void): unknown;
};

/** A layer as deck.gl reports it: set up, with its data. */
export interface LoadingLayer {
  readonly isLoaded: boolean;
}

type Layers = () => readonly LoadingLayer[];

/** Animation frames in which deck.gl (its loop runs every frame) asks the map for a frame after new layers. */
const FRAMES_TO_SETTLE = 3;

/** Animation frames the layers are watched for, after an idle that came before they were set up. */
const WATCH_FRAMES = 60;

/** For each map: the layers last asked for, and those its last frame drew all set up, loaded (else null). */
const frameNotes = new WeakMap<DrawingMap, { layers: Layers; drawn: readonly LoadingLayer[] | null }>();

/** Starts noting each frame of `map`: which layers it drew. */
function noteEachFrame(map: DrawingMap, layers: Layers) {
  const notes = { layers, drawn: null as readonly LoadingLayer[] | null };
  map.on('render', () => {
    const now = notes.layers();
    notes.drawn = map.loaded() && now.every((layer) => layer.isLoaded) ? now : null;
  });
  frameNotes.set(map, notes);
  return notes;
}

/** Whether the map's last frame drew `layers()`, all set up (the frames noted from the first call on). */
function framesNoted(map: DrawingMap, layers: Layers): () => boolean {
  const notes = frameNotes.get(map) ?? noteEachFrame(map, layers);
  notes.layers = layers;
  return () => notes.drawn === layers();
}

/**
 * Calls `drawn` once the map shows `layers()` (the same array as last handed, read when needed): in the
 * animation frame after the first idle that follows a frame drawing them all set up (that frame is on screen by
 * then); or, when the last frame drew them already (the same layers asked for again), after FRAMES_TO_SETTLE
 * animation frames without a frame, the map loaded and still. An idle after a frame that drew other layers is
 * passed over: deck.gl asks the map for a frame once it has taken the new ones up, and the map is asked for one
 * too as soon as they are set up (should deck.gl's request have been answered by the frame that came too early).
 * Returns a function that cancels.
 */
export function whenDrawn(
  map: DrawingMap,
  layers: Layers,
  drawn: () => void,
  frames: FrameProvider = window,
): () => void {
  const shown = framesNoted(map, layers);
  let framed = false;
  let settling = 0;
  let request = 0;
  const next = (callback: () => void) => {
    request = frames.requestAnimationFrame(callback);
  };
  const onRender = () => {
    framed = true;
  };
  // Watched for a second at most: a layer that never loads (its data failed) leaves no frame loop running.
  let watching = 0;
  const askWhenLoaded = () => {
    if (layers().every((layer) => layer.isLoaded)) map.triggerRepaint();
    else if (++watching < WATCH_FRAMES) next(askWhenLoaded);
  };
  const onIdle = () => {
    frames.cancelAnimationFrame(request);
    if (shown()) {
      // The idle is said within the frame's own animation frame: the frame reaches the screen after it (with
      // software compositing, a read-back of hundreds of milliseconds). Said in the next animation frame.
      next(drawn);
      return;
    }
    map.once('idle', onIdle);
    askWhenLoaded();
  };
  const settle = () => {
    if (++settling < FRAMES_TO_SETTLE) {
      next(settle);
      return;
    }
    if (framed) return;
    if (shown() && map.loaded() && !map.isMoving()) {
      map.off('idle', onIdle);
      drawn();
    } else map.triggerRepaint();
  };
  map.on('render', onRender);
  map.once('idle', onIdle);
  next(settle);
  return () => {
    frames.cancelAnimationFrame(request);
    map.off('render', onRender);
    map.off('idle', onIdle);
  };
}
