import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapConfig } from '../dataset/app-config';
import { MAP_COLORS } from './palette';

export interface BaseStyleInput {
  land: FeatureCollection;
  villages: FeatureCollection;
  districts: FeatureCollection;
  regency: FeatureCollection;
  /** Optional online basemap; without it the style needs no network at all. */
  basemap: BasemapConfig | null;
}

/** Layer the village choropleth is drawn beneath, so boundaries stay on top of the fill. */
export const CHOROPLETH_BEFORE_LAYER = 'village-line';

/**
 * The offline MapLibre style: land, regency, kecamatan and village boundaries from local GeoJSON. The sea is the
 * map element's own colour (shared-map.ts), seen where the map draws nothing: a background layer would be one
 * more GPU program to compile before the first map (about 0.15 s with software WebGL).
 */
export function baseStyle(input: BaseStyleInput): StyleSpecification {
  const basemap = input.basemap;
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: input.land },
      villages: { type: 'geojson', data: input.villages },
      districts: { type: 'geojson', data: input.districts },
      regency: { type: 'geojson', data: input.regency },
      ...(basemap
        ? {
            basemap: {
              type: 'raster' as const,
              tiles: basemap.tiles,
              tileSize: basemap.tileSize ?? 256,
              attribution: basemap.attribution,
            },
          }
        : {}),
    },
    layers: [
      // Fills are drawn without MapLibre's outline pass: that pass is one more GPU program to compile before
      // the first map (slow with software WebGL). The coast is smoothed by a hairline in the land's colour;
      // the regency's edge lies under its own boundary line.
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        paint: { 'fill-color': MAP_COLORS.outsideRegency, 'fill-antialias': false },
      },
      {
        id: 'land-edge',
        type: 'line',
        source: 'land',
        paint: { 'line-color': MAP_COLORS.outsideRegency, 'line-width': 1 },
      },
      ...(basemap ? [{ id: 'basemap', type: 'raster' as const, source: 'basemap' }] : []),
      {
        id: 'regency-fill',
        type: 'fill',
        source: 'regency',
        paint: { 'fill-color': MAP_COLORS.land, 'fill-antialias': false },
      },
      {
        id: CHOROPLETH_BEFORE_LAYER,
        type: 'line',
        source: 'villages',
        paint: {
          'line-color': MAP_COLORS.villageLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 13, 1.2],
          'line-opacity': 0.8,
        },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        paint: {
          'line-color': MAP_COLORS.districtLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 13, 2.5],
        },
      },
      {
        id: 'regency-line',
        type: 'line',
        source: 'regency',
        paint: { 'line-color': MAP_COLORS.regencyLine, 'line-width': 2.5 },
      },
    ],
  };
}
