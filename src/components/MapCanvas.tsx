import type { Layer } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { REGENCY_BBOX } from '../data/schema';

const MAX_BOUNDS_PAD_DEG = 0.4;

// Served from the app's own origin; without it the built app's map never loads.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Test and automation hook: the live map (documented in README, "Automation hooks"). */
    __gancang?: { map: MapLibreMap };
  }
}

export interface MapCanvasProps {
  style: StyleSpecification;
  layers: Layer[];
  onZoom: (zoom: number) => void;
  /** Called on the first idle after `layers` have been handed to deck.gl. */
  onDrawn: () => void;
  ariaLabel: string;
  /** When set (a new object each time), the map flies to these bounds [west, south, east, north]. */
  flyTo?: { bounds: [number, number, number, number] } | null;
}

/** MapLibre base map with deck.gl layers interleaved (through @deck.gl/maplibre). */
export function MapCanvas({ style, layers, onZoom, onDrawn, ariaLabel, flyTo }: MapCanvasProps) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const callbacks = useRef({ onZoom, onDrawn });
  callbacks.current = { onZoom, onDrawn };

  // The map is created once; the style is fixed for the map's life (boundaries load before it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recreating the map on style change would lose the view
  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style,
      bounds: [REGENCY_BBOX.west, REGENCY_BBOX.south, REGENCY_BBOX.east, REGENCY_BBOX.north],
      fitBoundsOptions: { padding: 20 },
      // Only a configured online basemap has attributions to show.
      attributionControl: 'basemap' in style.sources ? { compact: true } : false,
      // Keep the view near the regency: the offline land layer ends 0.6° beyond it.
      maxBounds: [
        [REGENCY_BBOX.west - MAX_BOUNDS_PAD_DEG, REGENCY_BBOX.south - MAX_BOUNDS_PAD_DEG],
        [REGENCY_BBOX.east + MAX_BOUNDS_PAD_DEG, REGENCY_BBOX.north + MAX_BOUNDS_PAD_DEG],
      ],
      maxZoom: 17,
    });
    map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    const reportZoom = () => callbacks.current.onZoom(map.getZoom());
    map.on('load', reportZoom);
    map.on('zoomend', reportZoom);
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__gancang = { map };
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const overlay = overlayRef.current;
    if (!map || !overlay) return;
    overlay.setProps({ layers });
    map.triggerRepaint();
    map.once('idle', () => callbacks.current.onDrawn());
  }, [layers]);

  useEffect(() => {
    if (!flyTo) return;
    mapRef.current?.fitBounds(flyTo.bounds, { padding: 80, maxZoom: 14, duration: 800 });
  }, [flyTo]);

  return <section ref={container} className="map-canvas" aria-label={ariaLabel} data-testid="map" />;
}
