import type { LngLatLike, Map as MapLibreMap } from 'maplibre-gl';
import { LngLat } from 'maplibre-gl';
import { REGENCY_BBOX } from '../domain/schema';
import type { Padding } from './overlay-padding';

/** The regency's extent [west, south, east, north]. */
const REGENCY_BOUNDS: [number, number, number, number] = [
  REGENCY_BBOX.west,
  REGENCY_BBOX.south,
  REGENCY_BBOX.east,
  REGENCY_BBOX.north,
];

/** Where a map opens: a shared link's view, else the whole regency. */
export type LinkView = { lon: number; lat: number; zoom: number } | null | undefined;

interface Camera {
  center: LngLatLike;
  zoom: number;
}

/** The opening camera: the link's view, else the regency fitted within `padding` (none when it cannot fit). */
function openingCamera(map: MapLibreMap, link: LinkView, padding: Padding): Camera | undefined {
  if (link) return { center: [link.lon, link.lat], zoom: link.zoom };
  const camera = map.cameraForBounds(REGENCY_BOUNDS, { padding });
  return camera?.center !== undefined && camera.zoom !== undefined
    ? { center: camera.center, zoom: camera.zoom }
    : undefined;
}

/** A camera as text, to well below a pixel. */
function cameraKey(center: LngLatLike, zoom: number): string {
  const { lng, lat } = LngLat.convert(center);
  return `${lng.toFixed(9)} ${lat.toFixed(9)} ${zoom.toFixed(6)}`;
}

/** The opening last asked of each map, and where the map was once it had jumped there (kept within its bounds). */
const lastOpening = new WeakMap<MapLibreMap, { asked: string; shown: string }>();

/**
 * Moves `map` at once to its opening view — the link's, else the regency fitted within `padding` — unless that
 * view was asked for last and the map has not moved since: a jump to where the map is would still draw it again
 * (with software rendering, a frame is dear).
 */
export function showOpening(map: MapLibreMap, link: LinkView, padding: Padding): void {
  const camera = openingCamera(map, link, padding);
  if (!camera) return;
  const asked = cameraKey(camera.center, camera.zoom);
  const last = lastOpening.get(map);
  if (last?.asked === asked && last.shown === cameraKey(map.getCenter(), map.getZoom())) return;
  map.jumpTo(camera);
  lastOpening.set(map, { asked, shown: cameraKey(map.getCenter(), map.getZoom()) });
}
