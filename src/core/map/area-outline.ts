import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import { hexToRgba, MAP_COLORS, type Rgba } from './palette';

/**
 * Areas drawn as an outline only, `widthPx` screen pixels wide at every zoom (deck.gl's default unit, the metre,
 * would draw it invisibly thin on the regency and as wide as a street up close): a selection, the areas picked
 * from the legend, an SQL result's villages.
 */
export const areaOutlineLayer = (id: string, data: FeatureCollection, color: Rgba, widthPx: number): Layer =>
  new GeoJsonLayer({
    id,
    data,
    filled: false,
    stroked: true,
    getLineColor: color,
    lineWidthUnits: 'pixels',
    getLineWidth: widthPx,
  });

/** The area the user selected, in the selection colour: the same outline on every map that selects an area. */
export const selectedAreaLayer = (id: string, data: FeatureCollection): Layer =>
  areaOutlineLayer(id, data, hexToRgba(MAP_COLORS.selection), 4);
