/**
 * Layer factories and colour ramps of the planner's map (Perencanaan), as data: the kecamatan
 * choropleth (drill up), a heatmap and hexagons of household needs, household points at high
 * zoom, and the places an SQL result names.
 */
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { areaOutlineLayer, selectedAreaLayer } from '../../core/map/area-outline';
import { CHOROPLETH_BEFORE_LAYER } from '../../core/map/base-style';
import { DotLayer } from '../../core/map/dot-layer';
import { hexToRgba, MAP_COLORS, type Rgba } from '../../core/map/palette';
import { featureSubset, fillKeyOf, pointAttributes } from '../../core/map/stable-layer-data';

/** Colour-blind-safe sequential ramps (ColorBrewer 9-class, viridis) and one diverging ramp for std-dev. */
export const RAMPS = {
  YlOrRd: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'],
  viridis: [
    '#fde725',
    '#a0da39',
    '#4ac16d',
    '#1fa187',
    '#277f8e',
    '#365c8d',
    '#46327e',
    '#440154',
    '#2d0a45',
  ],
  PuBu: ['#fff7fb', '#ece7f2', '#d0d1e6', '#a6bddb', '#74a9cf', '#3690c0', '#0570b0', '#045a8d', '#023858'],
  Purples: [
    '#fcfbfd',
    '#efedf5',
    '#dadaeb',
    '#bcbddc',
    '#9e9ac8',
    '#807dba',
    '#6a51a3',
    '#54278f',
    '#3f007d',
  ],
  PuOr: ['#2d004b', '#542788', '#8073ac', '#b2abd2', '#f7f7f7', '#fee0b6', '#fdb863', '#e08214', '#b35806'],
} as const;
export type RampName = keyof typeof RAMPS;
export const RAMP_NAMES = Object.keys(RAMPS) as RampName[];

/** Colour of class k of n: spread over the whole 9-colour ramp when there are fewer classes. */
export function rampColor(ramp: RampName, k: number, n: number): string {
  const colors = RAMPS[ramp];
  return colors[Math.round((k * (colors.length - 1)) / Math.max(1, n - 1))] as string;
}

/** Colour of values outside manual breaks (DHIS2's "unclassified"). */
export const UNCLASSIFIED_COLOR = '#ffffff';
/** Areas outside the kecamatan/village filter: left blank (close to the land colour). */
export const OUTSIDE_COLOR = '#ecebe6';
export const NEED_POINT_COLOR = '#7a0177';
export const NO_NEED_POINT_COLOR = '#9aa5ad';

export interface AreaFillInput {
  id: string;
  areas: FeatureCollection;
  /** Property holding the area's code (`village_code` or `district_code`). */
  codeKey: string;
  fillByCode: ReadonlyMap<string, string>;
  noDataColor: string;
  /** 0–1. */
  opacity: number;
  onHover: (info: PickingInfo<Feature>) => void;
  onClick?: (info: PickingInfo<Feature>) => void;
  selectedCode?: string | null;
  /** Codes outlined as picked from the legend. */
  highlightCodes?: ReadonlySet<string>;
}

/** Choropleth of villages or kecamatan under MapLibre's boundary lines, with selection and legend-pick outlines. */
export function areaFillLayers(input: AreaFillInput): Layer[] {
  const code = (f: Feature) => String(f.properties?.[input.codeKey]);
  const selected = featureSubset(input.areas, input.selectedCode ? [input.selectedCode] : [], code);
  const highlighted = featureSubset(input.areas, input.highlightCodes ?? [], code);
  return [
    new GeoJsonLayer<Record<string, unknown>>({
      id: input.id,
      data: input.areas,
      ...({ beforeId: CHOROPLETH_BEFORE_LAYER } as object),
      filled: true,
      stroked: false,
      pickable: true,
      autoHighlight: true,
      highlightColor: [0, 0, 0, 60],
      opacity: input.opacity,
      getFillColor: (f) => hexToRgba(input.fillByCode.get(code(f as Feature)) ?? input.noDataColor) as Rgba,
      updateTriggers: { getFillColor: fillKeyOf(input.fillByCode, input.noDataColor) },
      onHover: input.onHover as (info: PickingInfo) => void,
      onClick: input.onClick as ((info: PickingInfo) => void) | undefined,
    }),
    areaOutlineLayer(`${input.id}-picked`, highlighted, [0, 0, 0, 255], 2.5),
    selectedAreaLayer(`${input.id}-selection`, selected),
  ];
}

/** Positions and weights of households as typed arrays (from one DuckDB query). */
export interface WeightedPoints {
  length: number;
  lon: Float32Array;
  lat: Float32Array;
  weight: Float32Array;
}

const heatRange = (ramp: RampName): Rgba[] => RAMPS[ramp].slice(2).map((c) => hexToRgba(c));

/** Accessor of the i-th weighted point's position (the data is its index range). */
const positionOf =
  (points: WeightedPoints) =>
  (_: unknown, { index }: { index: number }): [number, number] => [
    points.lon[index] as number,
    points.lat[index] as number,
  ];

/** Kernel density of household needs (weighted by the measure). */
export function needHeatmapLayer(
  points: WeightedPoints,
  opacity: number,
  ramp: RampName,
  key: string,
): Layer {
  return new HeatmapLayer<unknown>({
    id: 'need-heatmap',
    data: { length: points.length },
    getPosition: positionOf(points),
    getWeight: (_: unknown, { index }: { index: number }) => points.weight[index] as number,
    radiusPixels: 28,
    intensity: 1,
    threshold: 0.04,
    // The weights are blurred over 28 px anyway: a 512² weight texture looks the same as the default
    // 2048² and costs a sixteenth of the fill (which decides the time without a GPU).
    weightsTextureSize: 512,
    opacity,
    colorRange: heatRange(ramp),
    updateTriggers: { getPosition: key, getWeight: key },
  });
}

/** Hexagons of `radiusM` metres coloured by the sum of the measure inside. */
export function needHexagonLayer(
  points: WeightedPoints,
  opacity: number,
  ramp: RampName,
  key: string,
  radiusM = 1000,
): Layer {
  return new HexagonLayer<unknown>({
    id: 'need-hexagons',
    data: { length: points.length },
    getPosition: positionOf(points),
    getColorWeight: (_: unknown, { index }: { index: number }) => points.weight[index] as number,
    colorAggregation: 'SUM',
    radius: radiusM,
    coverage: 0.92,
    extruded: false,
    opacity,
    colorRange: heatRange(ramp),
    pickable: false,
    updateTriggers: { getPosition: key, getColorWeight: key },
  });
}

/** Households in view at high zoom: purple with the measured need, grey without. */
export interface BoxPoints {
  length: number;
  hid: Int32Array;
  positions: Float32Array;
  colors: Uint8Array;
}

export function householdPointLayer(
  points: BoxPoints,
  opacity: number,
  onHover: (info: PickingInfo) => void,
): Layer {
  return new DotLayer({
    id: 'planner-households',
    data: pointAttributes(points),
    pickable: true,
    opacity,
    getRadius: 3.5,
    stroked: true,
    getLineColor: [255, 255, 255, 220],
    getLineWidth: 0.75,
    onHover,
  });
}

/** Points of an SQL result with lon/lat columns. */
const SQL_COLOR = hexToRgba(MAP_COLORS.sqlResult);
const HALO = hexToRgba(MAP_COLORS.labelHalo);

/** The villages an SQL result names: a bold line in the SQL colour on a white halo, over any fill or level. */
export function sqlAreaLayers(villages: FeatureCollection, codes: ReadonlySet<string>): Layer[] {
  const named = featureSubset(villages, codes, (f) => String(f.properties?.village_code));
  return [
    areaOutlineLayer('sql-areas-halo', named, HALO, 6),
    areaOutlineLayer('sql-areas', named, SQL_COLOR, 3),
  ];
}

/** The households an SQL result names: dots in the SQL colour with a white ring. */
export function sqlPointLayer(positions: Float32Array): Layer {
  return new DotLayer({
    id: 'sql-points',
    data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
    getRadius: 5,
    getFillColor: SQL_COLOR,
    stroked: true,
    getLineColor: HALO,
    getLineWidth: 1.5,
  });
}
