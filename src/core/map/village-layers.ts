import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { type PlaceableLabel, placeLabels } from '../geo/label-placement';
import { selectedAreaLayer } from './area-outline';
import { CHOROPLETH_BEFORE_LAYER } from './base-style';
import { DotLayer } from './dot-layer';
import { hexToRgba, MAP_COLORS, type Rgba } from './palette';
import { type PointCloud, pointsForZoom } from './point-thinning';
import { featureSubset, fillKeyOf, pointAttributes, shownData } from './stable-layer-data';

/** Zoom at which village detail (names, household points) replaces the kecamatan overview. */
export const DETAIL_ZOOM = 11;
export const HOUSEHOLD_ZOOM = 12;

export type LabelPoint = PlaceableLabel;

const VILLAGE_LABEL_PX = 12;

export interface VillageFillInput {
  villages: FeatureCollection;
  /** Fill colour per village code; villages absent from it are drawn as "no data". */
  fillByCode: ReadonlyMap<string, string>;
  noDataColor: string;
  onHover: (info: PickingInfo<Feature>) => void;
  onClick?: (info: PickingInfo<Feature>) => void;
  /** Village drawn with a heavy outline (the selection). */
  selectedCode?: string | null;
}

/** The village choropleth, drawn under MapLibre's boundary lines. */
export function villageFillLayer(input: VillageFillInput): Layer[] {
  const selected = featureSubset(input.villages, input.selectedCode ? [input.selectedCode] : [], (f) =>
    String(f.properties?.village_code),
  );
  return [
    new GeoJsonLayer<Record<string, unknown>>({
      id: 'village-choropleth',
      data: input.villages,
      // Read by @deck.gl/maplibre in interleaved mode; not in the layer's own prop types.
      ...({ beforeId: CHOROPLETH_BEFORE_LAYER } as object),
      filled: true,
      stroked: false,
      pickable: true,
      autoHighlight: true,
      highlightColor: [0, 0, 0, 60],
      getFillColor: (f) =>
        hexToRgba(input.fillByCode.get(String(f.properties?.village_code)) ?? input.noDataColor, 215) as Rgba,
      updateTriggers: { getFillColor: fillKeyOf(input.fillByCode, input.noDataColor) },
      onHover: input.onHover as (info: PickingInfo) => void,
      onClick: input.onClick as ((info: PickingInfo) => void) | undefined,
    }),
    selectedAreaLayer('village-selection', selected),
  ];
}

/**
 * Household points, at every zoom. Below HOUSEHOLD_ZOOM, where they are small and unoutlined, points hidden
 * under another of their colour are left out (point-thinning.ts).
 */
export function householdLayer(id: string, points: PointCloud, zoom: number): Layer {
  const radius = zoom >= HOUSEHOLD_ZOOM ? 3 : zoom >= DETAIL_ZOOM ? 2 : 1.5;
  const drawn = zoom >= HOUSEHOLD_ZOOM ? points : pointsForZoom(points, zoom, radius);
  return new DotLayer({
    id,
    data: pointAttributes(drawn),
    getRadius: radius,
    stroked: zoom >= HOUSEHOLD_ZOOM,
    getLineColor: [255, 255, 255, 200],
    getLineWidth: 0.5,
  });
}

const charactersOf = (labels: readonly LabelPoint[]): string[] => [
  ...new Set(labels.flatMap((l) => [...l.text])),
];

/**
 * Zoom from which the village names' layer exists (hidden below DETAIL_ZOOM): its GPU programs and glyph atlas
 * are made while the user zooms in, not for a first map that cannot show the names.
 */
export const VILLAGE_LABELS_FROM_ZOOM = DETAIL_ZOOM - 0.5;

/**
 * Village names from DETAIL_ZOOM on, each on a light plate (readable over points and dark fills), thinned per
 * zoom so they never overlap. Draw them last. The kecamatan names of the overview are text of the page over the
 * map (district-names.ts).
 */
export function villageLabelLayers(villageLabels: LabelPoint[], zoom: number): Layer[] {
  if (zoom < VILLAGE_LABELS_FROM_ZOOM) return [];
  const visible = zoom >= DETAIL_ZOOM;
  return [
    new TextLayer<LabelPoint>({
      id: 'village-labels',
      data: shownData(visible, () => placeLabels(villageLabels, zoom, VILLAGE_LABEL_PX)),
      visible,
      getPosition: (d) => d.position,
      getText: (d) => d.text,
      getSize: VILLAGE_LABEL_PX,
      getColor: hexToRgba(MAP_COLORS.label),
      // DejaVu's J overhangs its origin and deck.gl's atlas clips it; Liberation Sans (Arial metrics) does not.
      fontFamily: 'Liberation Sans, Arial, Helvetica, sans-serif',
      // Every character of every name up front: the 'auto' atlas missed letters first seen after a
      // re-placement (e.g. 'J'), see visgl/deck.gl#7337.
      characterSet: charactersOf(villageLabels),
      // A roomy atlas (buffer) keeps glyphs that overhang their box from being clipped.
      background: true,
      fontSettings: { buffer: 12 },
      getBackgroundColor: [255, 255, 255, 190],
      backgroundPadding: [3, 1, 3, 1],
    }),
  ];
}
