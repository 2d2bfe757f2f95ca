import type { Layer } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import {
  AttributionControl,
  GeolocateControl,
  type IControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { VIEW_BOUNDS, ZOOM_RANGE } from './view-bounds';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName, reportLoadFailure, runStep } from '../dataset/load-guard';
import { REGENCY_BBOX } from '../domain/schema';
import { type BasemapProblem, watchBlockedTiles } from './basemap-watch';
import { mapUiStrings, relabelMap } from './control-strings';
import { domOverlayPadding } from './overlay-padding';

// Served from the app's own origin; without it the built app's map never loads.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /**
     * Test and automation hook (documented in README, "Automation hooks"): the live map, and whether every
     * deck.gl layer last handed to it has been set up and has its data (then the next idle frame shows them).
     */
    __gancang?: {
      map: MapLibreMap;
      layersLoaded: () => boolean;
      /** The last area flown to (west, south, east, north): tests check it is seen clear of the panels. */
      lastFit?: [number, number, number, number];
    };
  }
}

/** Where the map looks: centre, zoom and the bounds on screen. */
export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

export interface MapCanvasProps {
  style: StyleSpecification;
  layers: Layer[];
  /** Where to open (e.g. from a shared link); the whole regency when absent. */
  initialView?: { lon: number; lat: number; zoom: number } | null;
  /** Called once the map has loaded and after every move or zoom. */
  onView: (view: MapView) => void;
  /** Called on the first idle after `layers` have been handed to deck.gl. */
  onDrawn: () => void;
  ariaLabel: string;
  /** When set (a new object each time), the map flies to these bounds [west, south, east, north]. */
  flyTo?: { bounds: [number, number, number, number] } | null;
  /** The pointer left the map (to a panel over it, or off it): hover cards should go. */
  onLeave?: () => void;
}

/**
 * The map's first 'load' and the first 'idle' after it, under the load deadline: a map worker that fails to
 * load, or a map that never loads, ends the dashboard's loading with a message naming the worker. Progress
 * restarts the deadline: a source the map worker has answered for, then every frame drawn after 'load' (a
 * slow machine drawing slowly is not stalled). Errors of an online basemap's tiles are not fatal; other map
 * errors are until the first idle, and only logged after it.
 */
function waitFirstDraw(map: MapLibreMap, signal: AbortSignal): Promise<void> {
  let drawn = false;
  return runStep({ step: 'map', file: fileName(workerUrl), signal }, (step) => {
    const progress = () => step.alive();
    step.signal.addEventListener('abort', () => {
      map.off('sourcedata', progress);
      map.off('render', progress);
    });
    return new Promise<void>((resolve, reject) => {
      map.on('error', (event) => {
        const error = new Error(event.error?.message ?? 'map error');
        if (drawn || (event as { sourceId?: string }).sourceId === 'basemap') console.error(error);
        else reject(error);
      });
      map.on('sourcedata', progress);
      map.once('load', () => {
        progress();
        map.on('render', progress);
        map.once('idle', () => {
          drawn = true;
          resolve();
        });
        map.triggerRepaint();
      });
    });
  });
}

/** MapLibre base map with deck.gl layers interleaved (through @deck.gl/maplibre). */
const regencyBounds: [number, number, number, number] = [
  REGENCY_BBOX.west,
  REGENCY_BBOX.south,
  REGENCY_BBOX.east,
  REGENCY_BBOX.north,
];

export function MapCanvas({
  style,
  layers,
  initialView,
  onView,
  onDrawn,
  ariaLabel,
  flyTo,
  onLeave,
}: MapCanvasProps) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const handedLayers = useRef<readonly Layer[]>([]);
  const callbacks = useRef({ onView, onDrawn });
  callbacks.current = { onView, onDrawn };
  const { t, i18n } = useTranslation();
  // The map's controls, in the order added: their words follow the page's language.
  const labelledControls = useRef<{ control: IControl; position: 'top-right' | 'bottom-right' }[]>([]);
  // A configured online basemap that cannot be shown is said on the map, never just left blank.
  const [basemapProblem, setBasemapProblem] = useState<BasemapProblem | null>(null);

  // The map is created once; the style and the opening view are fixed for the map's life
  // (boundaries load before it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recreating the map on style change would lose the view
  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style,
      ...(initialView
        ? { center: [initialView.lon, initialView.lat] as [number, number], zoom: initialView.zoom }
        : {
            bounds: regencyBounds,
            fitBoundsOptions: { padding: 20 },
          }),
      // The controls' tooltips and the map's accessible name in the page's language.
      locale: mapUiStrings(t),
      attributionControl: false,
      // Keep the view near the regency: the offline land layer ends 0.6° beyond it.
      maxBounds: [
        [VIEW_BOUNDS.west, VIEW_BOUNDS.south],
        [VIEW_BOUNDS.east, VIEW_BOUNDS.north],
      ],
      maxZoom: ZOOM_RANGE[1],
    });
    labelledControls.current = [
      { control: new NavigationControl({ showCompass: true, visualizePitch: false }), position: 'top-right' },
      // "Di sekitar saya": the device's position, when the user allows it; it stays in the browser.
      {
        control: new GeolocateControl({
          positionOptions: { enableHighAccuracy: true, timeout: 15_000 },
          trackUserLocation: false,
          fitBoundsOptions: { maxZoom: 14 },
        }),
        position: 'top-right',
      },
      // Only a configured online basemap has attributions to show.
      ...('basemap' in style.sources
        ? [{ control: new AttributionControl({ compact: true }), position: 'bottom-right' as const }]
        : []),
      { control: new ScaleControl({ unit: 'metric' }), position: 'bottom-right' },
    ];
    for (const { control, position } of labelledControls.current) map.addControl(control, position);
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    const reportView = () => {
      const c = map.getCenter();
      const b = map.getBounds();
      callbacks.current.onView({
        lon: c.lng,
        lat: c.lat,
        zoom: map.getZoom(),
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      });
    };
    map.on('load', reportView);
    // The opening view of the regency is fitted again once the panels over the map are laid out, clear of them.
    if (!initialView)
      map.once('load', () => {
        const el = container.current;
        if (el) map.fitBounds(regencyBounds, { padding: domOverlayPadding(el), duration: 0 });
      });
    map.on('moveend', reportView);
    const basemap = style.sources.basemap;
    const tiles = basemap && 'tiles' in basemap ? (basemap.tiles ?? []) : [];
    const stopWatching = watchBlockedTiles(tiles, setBasemapProblem);
    map.on('error', (event) => {
      if ((event as { sourceId?: string }).sourceId === 'basemap') {
        setBasemapProblem((problem) => problem ?? 'unavailable');
      }
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__gancang = { map, layersLoaded: () => handedLayers.current.every((layer) => layer.isLoaded) };
    const unmounted = new AbortController();
    void waitFirstDraw(map, unmounted.signal).catch(reportLoadFailure);
    return () => {
      unmounted.abort();
      stopWatching();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // A language change re-words the live map's controls (the map itself, its view and layers stay).
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes with the language
  useEffect(() => {
    const map = mapRef.current;
    if (map) relabelMap(map, mapUiStrings(t), labelledControls.current);
  }, [i18n.language]);

  useEffect(() => {
    const map = mapRef.current;
    const overlay = overlayRef.current;
    if (!map || !overlay) return;
    overlay.setProps({ layers });
    handedLayers.current = layers;
    map.triggerRepaint();
    map.once('idle', () => callbacks.current.onDrawn());
  }, [layers]);

  useEffect(() => {
    if (!flyTo) return;
    const el = container.current;
    // Clear of the legend, time bar and notices over the map, so the area flown to is seen whole.
    const padding = el ? domOverlayPadding(el) : 80;
    mapRef.current?.fitBounds(flyTo.bounds, { padding, maxZoom: 14, duration: 800 });
    if (window.__gancang) window.__gancang.lastFit = flyTo.bounds;
  }, [flyTo]);

  return (
    <>
      <section
        ref={container}
        className="map-canvas"
        aria-label={ariaLabel}
        data-testid="map"
        onPointerLeave={onLeave}
      />
      {basemapProblem && (
        <p
          className="notice basemap-notice"
          role="status"
          data-testid="basemap-notice"
          data-problem={basemapProblem}
        >
          {t(`basemap.${basemapProblem}`)}
        </p>
      )}
    </>
  );
}
