/**
 * A configured online basemap whose tile server takes requests and never answers (a captive portal, a link
 * that drops packets) would hold the map forever: MapLibre says the map has loaded, and is idle, only once
 * every source has its tiles. The map would then stay unfinished until the load deadline ended the whole
 * dashboard in an error, for a background the area map does not need. So when the basemap still waits for
 * tiles BASEMAP_WAIT_MS after it asked for them (or after the map was made) while the rest of the map has its
 * tiles, the map goes on without it: the basemap's layer and source are removed from this map (its pending
 * requests are dropped with them) and the section says the basemap is unavailable. Tiles that fail are not
 * this case: MapLibre counts them as done.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export const BASEMAP_SOURCE = 'basemap';
/** How long the rest of the map, loaded, waits for the basemap's tiles before going on without it. */
export const BASEMAP_WAIT_MS = 8_000;

type WatchedMap = Pick<
  MapLibreMap,
  'isSourceLoaded' | 'getSource' | 'getLayer' | 'removeLayer' | 'removeSource' | 'on' | 'off'
>;

const dropped = new WeakSet<object>();
const listeners = new WeakMap<object, Set<() => void>>();

/** Whether this map went on without its basemap. */
export const basemapDropped = (map: object): boolean => dropped.has(map);

/**
 * Calls `listener` when this map goes on without its basemap, at once if it already has; returns what stops
 * listening.
 */
export function onBasemapDropped(map: object, listener: () => void): () => void {
  if (dropped.has(map)) listener();
  let set = listeners.get(map);
  if (!set) {
    set = new Set();
    listeners.set(map, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Watches a new map made with `sourceIds` (its style's sources) for the life of the map; no-op without a
 * basemap source. A wait starts when the map is made, and at the basemap's first request for tiles after it
 * last had all it asked for.
 */
export function dropHangingBasemap(
  map: WatchedMap,
  sourceIds: readonly string[],
  waitMs = BASEMAP_WAIT_MS,
): void {
  if (!sourceIds.includes(BASEMAP_SOURCE)) return;
  const others = sourceIds.filter((id) => id !== BASEMAP_SOURCE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A source the style has not added yet, or a map removed meanwhile, is not loaded.
  const loaded = (id: string) => {
    try {
      return map.isSourceLoaded(id);
    } catch {
      return false;
    }
  };
  const stop = () => {
    clearTimeout(timer);
    map.off('sourcedataloading', asked);
    map.off('sourcedata', answered);
    map.off('remove', stop);
  };
  const check = () => {
    timer = undefined;
    if (loaded(BASEMAP_SOURCE)) return;
    // The rest of the map is still on its way (a slow machine, not the basemap): wait on.
    if (!others.every(loaded)) {
      arm();
      return;
    }
    stop();
    dropped.add(map);
    if (map.getLayer(BASEMAP_SOURCE)) map.removeLayer(BASEMAP_SOURCE);
    if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
    for (const listener of listeners.get(map) ?? []) listener();
  };
  const arm = () => {
    timer ??= setTimeout(check, waitMs);
  };
  function asked(event: { sourceId?: string }) {
    if (event.sourceId === BASEMAP_SOURCE) arm();
  }
  // Every tile it asked for came (or failed): the next wait starts at its next request.
  function answered(event: { sourceId?: string }) {
    if (event.sourceId !== BASEMAP_SOURCE || !loaded(BASEMAP_SOURCE)) return;
    clearTimeout(timer);
    timer = undefined;
  }
  map.on('sourcedataloading', asked);
  map.on('sourcedata', answered);
  map.on('remove', stop);
  arm();
}
