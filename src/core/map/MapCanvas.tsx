import type { Layer } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import {
  AttributionControl,
  type ErrorEvent,
  GeolocateControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { VIEW_BOUNDS, ZOOM_RANGE } from './view-bounds';
import { DETAIL_ZOOM, type LabelPoint } from './village-layers';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName, reportLoadFailure, runStep } from '../dataset/load-guard';
import { type BasemapProblem, watchBlockedTiles } from './basemap-watch';
import { mapUiStrings, relabelMap } from './control-strings';
import { showDistrictNames } from './district-names';
import { drawFromLoad } from './drawn-from-load';
import { dropHangingBasemap, onBasemapDropped } from './hanging-basemap';
import { showOpening } from './opening-view';
import { domOverlayPadding, type Padding } from './overlay-padding';
import { sameLayers } from './same-layers';
import { handLayers, type LabelledControl, releaseMap, type SharedMap, takeMap } from './shared-map';
import { drawNoSky } from './skyless';
import { whenDrawn } from './when-drawn';

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
  /** The kecamatan names, shown over the map in the overview (below the zoom of village detail). */
  districtNames: LabelPoint[];
  /** Where to open (e.g. from a shared link); the whole regency when absent. */
  initialView?: { lon: number; lat: number; zoom: number } | null;
  /** Called once the map has loaded and after every move or zoom. */
  onView: (view: MapView) => void;
  /** Called once the map's frame showing `layers` is on screen (when-drawn.ts), and again when onDrawn changes. */
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
 * errors are until the first idle, and only logged after it. No frame is asked for at the load: MapLibre says
 * 'idle' in the load's own frame when nothing is left to draw, and asks for the frames it still needs itself.
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
      });
    });
  });
}

/** A new MapLibre map in `host`, with its controls and the deck.gl overlay interleaved (@deck.gl/maplibre). */
function createMap(
  host: HTMLDivElement,
  style: StyleSpecification,
  locale: Record<string, string>,
  initialView: MapCanvasProps['initialView'],
  padding: Padding,
) {
  const map = new MapLibreMap({
    container: host,
    style,
    // The controls' tooltips and the map's accessible name in the page's language.
    locale,
    attributionControl: false,
    // Resized by shared-map.ts, only when its size changes and before it is drawn.
    trackResize: false,
    // Keep the view near the regency: the offline land layer ends 0.6° beyond it.
    maxBounds: [
      [VIEW_BOUNDS.west, VIEW_BOUNDS.south],
      [VIEW_BOUNDS.east, VIEW_BOUNDS.north],
    ],
    maxZoom: ZOOM_RANGE[1],
  });
  drawNoSky(map);
  drawFromLoad(map);
  dropHangingBasemap(map, Object.keys(style.sources));
  const controls: LabelledControl[] = [
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
  // Opened where the section will open it (opening-view.ts), before anything is drawn.
  showOpening(map, initialView, padding);
  for (const { control, position } of controls) map.addControl(control, position);
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  return { map, overlay, controls };
}

export function MapCanvas({
  style,
  layers,
  districtNames,
  initialView,
  onView,
  onDrawn,
  ariaLabel,
  flyTo,
  onLeave,
}: MapCanvasProps) {
  const container = useRef<HTMLElement>(null);
  const sharedRef = useRef<SharedMap | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  const { t, i18n } = useTranslation();
  // A configured online basemap that cannot be shown is said on the map, never just left blank.
  const [basemapProblem, setBasemapProblem] = useState<BasemapProblem | null>(null);

  // The map is taken once per mount (kept alive across sections, shared-map.ts); the style and the opening view
  // are fixed for the mount (boundaries load before it). A layout effect: the map is released while the section
  // is still in the page, and shown with the section's first paint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recreating the map on style change would lose the view
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const { shared, fresh } = takeMap(el, style, (host) =>
      createMap(host, style, mapUiStrings(t), initialView, domOverlayPadding(el)),
    );
    const { map } = shared;
    sharedRef.current = shared;
    const reportView = () => {
      const c = map.getCenter();
      const b = map.getBounds();
      onViewRef.current({
        lon: c.lng,
        lat: c.lat,
        zoom: map.getZoom(),
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      });
    };
    // The opening view: the link's, else the regency fitted clear of the panels over the map. A new map is
    // made fitted clear of the panels there now, so this fit at its 'load' moves it only when they changed
    // meanwhile: otherwise the boundaries would be cut into tiles and drawn twice, at two zooms.
    const openView = () => {
      showOpening(map, initialView, domOverlayPadding(el));
      reportView();
    };
    // A new map is reported at once, at the view it was made with: the section's layers that depend on the
    // zoom (the labels) are made for it before the map's load, not again after it, in a frame of their own.
    if (map.loaded()) openView();
    else {
      reportView();
      map.once('load', openView);
    }
    map.on('moveend', reportView);
    const basemap = style.sources.basemap;
    const tiles = basemap && 'tiles' in basemap ? (basemap.tiles ?? []) : [];
    const stopWatching = watchBlockedTiles(tiles, setBasemapProblem);
    const onError = (event: ErrorEvent) => {
      if ((event as { sourceId?: string }).sourceId === 'basemap')
        setBasemapProblem((problem) => problem ?? 'unavailable');
    };
    map.on('error', onError);
    // A basemap that never answered was left out (hanging-basemap.ts), maybe while another section showed the map.
    const stopDropped = onBasemapDropped(map, () => setBasemapProblem((problem) => problem ?? 'unavailable'));
    window.__gancang = { map, layersLoaded: () => shared.layers.every((layer) => layer.isLoaded) };
    const unmounted = new AbortController();
    if (fresh) void waitFirstDraw(map, unmounted.signal).catch(reportLoadFailure);
    return () => {
      unmounted.abort();
      stopWatching();
      stopDropped();
      map.off('load', openView);
      map.off('moveend', reportView);
      map.off('error', onError);
      releaseMap(shared);
      sharedRef.current = null;
    };
  }, []);

  // A language change re-words the live map's controls (the map itself, its view and layers stay).
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes with the language
  useEffect(() => {
    const shared = sharedRef.current;
    if (shared) relabelMap(shared.map, mapUiStrings(t), shared.controls);
  }, [i18n.language]);

  // Layers that draw what the map already shows are not handed over: deck.gl would redraw the whole map for
  // them (same-layers.ts). Handed layers make deck.gl ask the map for a frame. Handed before the page is
  // painted: a section whose layers are ready when it opens is drawn with them in its first frame (with
  // software rendering, a frame without them would cost as much).
  useLayoutEffect(() => {
    const shared = sharedRef.current;
    if (!shared || sameLayers(shared.layers, layers)) return;
    handLayers(shared, layers);
  }, [layers]);

  useEffect(() => {
    const shared = sharedRef.current;
    if (!shared) return;
    return showDistrictNames(shared.map, districtNames, DETAIL_ZOOM);
  }, [districtNames]);

  // Called again when onDrawn changes too: a section whose readiness needs more than its layers (say figures
  // that arrive after them) hears when the map shows them, however fast the map drew the layers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new layers are to be drawn again, even when kept
  useEffect(() => {
    const shared = sharedRef.current;
    if (!shared) return;
    return whenDrawn(shared.map, () => shared.layers, onDrawn);
  }, [layers, onDrawn]);

  useEffect(() => {
    if (!flyTo) return;
    const el = container.current;
    // Clear of the legend, time bar and notices over the map, so the area flown to is seen whole.
    const padding = el ? domOverlayPadding(el) : 80;
    sharedRef.current?.map.fitBounds(flyTo.bounds, { padding, maxZoom: 14, duration: 800 });
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
