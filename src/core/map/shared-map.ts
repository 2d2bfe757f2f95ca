import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { IControl, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { type FrameGate, gateOverlayFrames } from './frame-gate';
import { placeAnchors } from './layer-anchors';
import { tellOverlaySize } from './overlay-size';
import { MAP_COLORS } from './palette';

export interface LabelledControl {
  control: IControl;
  position: 'top-right' | 'bottom-right';
}

/** One live map: MapLibre with the deck.gl overlay, in its own element that moves between sections. */
export interface SharedMap {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
  /** MapLibre's container: placed inside whichever section shows the map. */
  host: HTMLDivElement;
  /** The map's controls, in the order added: their words follow the page's language. */
  controls: LabelledControl[];
  style: StyleSpecification;
  inUse: boolean;
  /** False for a second map shown while the shared one is in use (it is removed when released). */
  kept: boolean;
  /** The deck.gl layers last handed to the overlay (handLayers). */
  layers: readonly Layer[];
  /** Layers that hold deck.gl's places among the map's own (layer-anchors.ts), handed with every section's. */
  anchors: readonly Layer[];
  /** Another section's layers drawn beneath them until their programs are compiled (warmKeptMap). */
  warming: readonly Layer[];
  /** Rests deck.gl's frame loop while nothing happens (frame-gate.ts). */
  gate: FrameGate | null;
  /** Resizes the map when its element's size changes (the map is made with trackResize off). */
  sizing: ResizeObserver | null;
}

let kept: SharedMap | null = null;

/** The source's settings without its data (compared by identity: the same loaded boundaries). */
function sourceSettings(source: StyleSpecification['sources'][string]): string {
  const { data: _data, ...rest } = source as { data?: unknown };
  return JSON.stringify(rest);
}

/** Same sources (the same data objects, the same settings) and the same layers: the live map can be kept. */
export function sameStyle(a: StyleSpecification, b: StyleSpecification): boolean {
  const keys = Object.keys(a.sources);
  if (keys.join('\n') !== Object.keys(b.sources).join('\n')) return false;
  for (const key of keys) {
    const sa = a.sources[key];
    const sb = b.sources[key];
    if (!sa || !sb || (sa as { data?: unknown }).data !== (sb as { data?: unknown }).data) return false;
    if (sourceSettings(sa) !== sourceSettings(sb)) return false;
  }
  return JSON.stringify({ ...a, sources: null }) === JSON.stringify({ ...b, sources: null });
}

/**
 * The map for a section that shows one, placed in `parent`. A section switch keeps the map, its WebGL context
 * and its compiled layers alive: the next section takes the same map when its style is the same (the same
 * boundaries and basemap) and only hands it new layers. `create` builds a new map in the given element when
 * there is none to take, when the style changed (e.g. other boundaries), or while the kept map is shown.
 */
export function takeMap(
  parent: HTMLElement,
  style: StyleSpecification,
  create: (host: HTMLDivElement) => Pick<SharedMap, 'map' | 'overlay' | 'controls'>,
): { shared: SharedMap; fresh: boolean } {
  if (kept && !kept.inUse && sameStyle(kept.style, style)) {
    kept.inUse = true;
    show(kept, parent);
    return { shared: kept, fresh: false };
  }
  const keep = kept === null || !kept.inUse;
  if (keep && kept) removeMap(kept);
  const host = document.createElement('div');
  // Set through the CSSOM (allowed by the page's CSP): the map fills the section that shows it.
  host.style.width = '100%';
  host.style.height = '100%';
  // The sea: the map's style has no background layer (base-style.ts), so its canvas is clear where it draws
  // nothing and this shows through, as the sea did when MapLibre drew it.
  host.style.backgroundColor = MAP_COLORS.sea;
  parent.appendChild(host);
  const shared: SharedMap = {
    ...create(host),
    host,
    style,
    inUse: true,
    kept: keep,
    layers: [],
    anchors: placeAnchors(),
    warming: [],
    gate: null,
    sizing: null,
  };
  // Drawn again at once, before the page is painted: a resized drawing buffer is blank until drawn.
  shared.sizing = new ResizeObserver(() => {
    if (fitToHost(shared)) shared.map.redraw();
  });
  shared.sizing.observe(host);
  shared.gate = gateOverlayFrames(shared.map, shared.overlay, () =>
    shared.layers.every((layer) => layer.isLoaded),
  );
  shared.map.once('style.load', () => placeOnParsedStyle(shared));
  if (keep) kept = shared;
  return { shared, fresh: true };
}

/**
 * Adds deck.gl's places (the anchors', layer-anchors.ts) to a new map's style as soon as it is parsed, with the
 * layers handed so far. deck.gl itself adds them only once the style is loaded, that is once every source has
 * its tiles: the map's first loaded frame would then draw without the section's layers, and the style change
 * cost another frame (with software rendering, about a hundred milliseconds each). MapLibre adds layers to a
 * parsed style, and deck.gl asks only `isStyleLoaded` whether it may, so the map answers yes for this one call.
 */
function placeOnParsedStyle(shared: SharedMap): void {
  const map = shared.map;
  const own = map.isStyleLoaded;
  map.isStyleLoaded = () => true;
  try {
    handLayers(shared, shared.layers);
  } finally {
    map.isStyleLoaded = own;
  }
}

/** Hands the overlay new layers (deck.gl's loop, resting or not, takes them up at its next frame). */
export function handLayers(shared: SharedMap, layers: readonly Layer[]): void {
  shared.overlay.setProps({ layers: [...shared.anchors, ...shared.warming, ...layers] as Layer[] });
  shared.layers = layers;
  shared.gate?.wake();
}

/**
 * Has the kept map draw `layers` beneath its own until their GPU programs are compiled, so that another
 * section's first frame does not wait for them (with software rendering, each new program costs about half a
 * second). Give them data the view cannot show. The section's own layers may change meanwhile (handLayers keeps
 * the warming ones beneath). No-op when no kept map is shown; otherwise true once every layer has its programs,
 * false when that did not happen within WARM_WAIT_MS (a hidden page draws nothing).
 */
export async function warmKeptMap(layers: readonly Layer[]): Promise<boolean> {
  const shared = kept;
  if (!shared?.inUse || layers.length === 0) return false;
  shared.warming = layers;
  handLayers(shared, shared.layers);
  // The overlay draws within the map's frames: the first ones may come before deck.gl has set the layers up
  // (a busy machine), so it waits for a frame after which every layer has its programs.
  const compiled = () => layers.every((layer) => layer.getModels().length > 0);
  const done = await new Promise<boolean>((resolve) => {
    const end = (result: boolean) => {
      clearTimeout(timer);
      shared.map.off('render', frame);
      resolve(result);
    };
    const frame = () => {
      if (compiled()) end(true);
    };
    const timer = setTimeout(() => end(compiled()), WARM_WAIT_MS);
    shared.map.on('render', frame);
  });
  shared.warming = [];
  // A map removed meanwhile (other boundaries) has no overlay to tell.
  if (kept === shared) handLayers(shared, shared.layers);
  return done;
}

/** How long warmKeptMap waits for the frame that draws its layers. */
const WARM_WAIT_MS = 15_000;

/**
 * The section no longer shows the map: its layers go, the map stays for the next section (or is removed). Call
 * it while the section is still in the page (a layout effect's cleanup): the map is parked at its size.
 */
export function releaseMap(shared: SharedMap): void {
  shared.inUse = false;
  handLayers(shared, []);
  if (shared.kept) park(shared);
  else removeMap(shared);
}

function removeMap(shared: SharedMap): void {
  shared.sizing?.disconnect();
  shared.map.remove();
  shared.host.remove();
}

/**
 * Resizes the map to its element when their sizes differ (true); a resize makes the drawing buffer again and
 * draws the whole map, so never for nothing. MapLibre's own observer (trackResize) resized on every
 * observation, and only after a throttle: a section's first frame was drawn at the old size, then again.
 * deck.gl hears of the new size at once too (overlay-size.ts).
 */
function fitToHost({ map, host, overlay }: SharedMap): boolean {
  const canvas = map.getCanvas();
  const { clientWidth: width, clientHeight: height } = host;
  // A hidden element (no size) keeps the map as it is; shown again, it is observed at its size.
  if (width === 0 || height === 0) return false;
  if (width === canvas.clientWidth && height === canvas.clientHeight) return false;
  map.resize();
  tellOverlaySize(overlay);
  return true;
}

let parking: HTMLDivElement | null = null;

/**
 * Where a released map waits: in the page, hidden, at the size it had. Taken out of the page, it would be
 * resized to nothing, and once more when shown — each time its drawing buffer made again and the whole map
 * drawn again.
 */
function park({ host }: SharedMap): void {
  const { width, height } = host.getBoundingClientRect();
  if (!parking?.isConnected) {
    parking = document.createElement('div');
    parking.setAttribute('aria-hidden', 'true');
    parking.inert = true;
    Object.assign(parking.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      visibility: 'hidden',
      pointerEvents: 'none',
      zIndex: '-1',
    });
    document.body.appendChild(parking);
  }
  host.style.width = `${width}px`;
  host.style.height = `${height}px`;
  parking.appendChild(host);
}

/**
 * A kept map shown in `parent`, resized at once when its size there differs (before the section fits its view
 * to it, and before it is drawn), else drawn again.
 */
function show(shared: SharedMap, parent: HTMLElement): void {
  const { host, map } = shared;
  host.style.width = '100%';
  host.style.height = '100%';
  parent.appendChild(host);
  fitToHost(shared);
  map.triggerRepaint();
}
