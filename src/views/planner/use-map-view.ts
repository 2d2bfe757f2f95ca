import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

/**
 * Follows the live map's view (window.__gancang.map, set by MapCanvas) and restores a saved view
 * once. MapCanvas reports only the zoom; the planner also needs the centre (for the URL) and the
 * bounds (for the household points in view).
 */
export function useMapView(
  initial: { lon: number; lat: number; zoom: number } | null,
  onView: (view: MapView) => void,
): MapView | null {
  const [view, setView] = useState<MapView | null>(null);
  const callback = useRef(onView);
  callback.current = onView;
  const restore = useRef(initial);

  useEffect(() => {
    let map: MapLibreMap | undefined;
    let timer = 0;
    const report = () => {
      if (!map) return;
      const c = map.getCenter();
      const b = map.getBounds();
      const next: MapView = {
        lon: c.lng,
        lat: c.lat,
        zoom: map.getZoom(),
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      };
      setView(next);
      callback.current(next);
    };
    const attach = () => {
      map = window.__gancang?.map;
      if (!map) {
        timer = window.setTimeout(attach, 50);
        return;
      }
      const saved = restore.current;
      if (saved) map.jumpTo({ center: [saved.lon, saved.lat], zoom: saved.zoom });
      restore.current = null;
      map.on('moveend', report);
      if (map.loaded()) report();
      else map.once('load', report);
    };
    attach();
    return () => {
      window.clearTimeout(timer);
      map?.off('moveend', report);
    };
  }, []);
  return view;
}
