/**
 * Keeps the planner's opening map as the next visit's first look (core/first-look): drawn as the page opened,
 * with the area layer on. Only the areas' colours as drawn and the legend's words are kept.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSource } from '../../core/dataset/dataset-source';
import type { VillageBoundaries } from '../../core/dataset/load-boundaries';
import { useLoadedData } from '../../core/dataset/loaded-context';
import {
  FIRST_LOOK_VERSION,
  isOpeningDraw,
  PAGE_OPENING,
  saveFirstLook,
} from '../../core/first-look/first-look';
import { areaPaths } from '../../core/first-look/first-look-paths';
import { NO_DATA_COLOR } from '../../core/map/palette';
import type { Choropleth } from './choropleth';
import type { PlannerLegend } from './planner-legend';

export interface OpeningMap {
  boundaries: VillageBoundaries;
  level: 'village' | 'district';
  map: Choropleth;
  legend: PlannerLegend;
  source: DatasetSource;
  lang: string;
  /** The area layer is on (else the map shows no area colours to keep). */
  areasShown: boolean;
}

/** Keeps the map just drawn when it is the page's opening map; true when kept. */
export function keepOpeningMap({
  boundaries,
  level,
  map,
  legend,
  source,
  lang,
  areasShown,
}: OpeningMap): boolean {
  if (!isOpeningDraw() || !areasShown) return false;
  const features: Feature<Polygon | MultiPolygon>[] =
    level === 'village' ? boundaries.villages.features : boundaries.districts.features;
  const codeKey = level === 'village' ? 'village_code' : 'district_code';
  const { height, paths } = areaPaths(features, (f) => {
    const code = f.properties?.[codeKey];
    return typeof code === 'string' ? code : undefined;
  });
  if (!paths.length) return false;
  return saveFirstLook({
    version: FIRST_LOOK_VERSION,
    ...PAGE_OPENING,
    savedAt: new Date().toISOString(),
    lang,
    datasetName: source.name,
    synthetic: source.synthetic,
    title: legend.title,
    legend: legend.items.map(({ color, label }) => ({ color, label })),
    height,
    areas: paths.map((p) => ({ code: p.code, d: p.d, fill: map.fillByCode.get(p.code) ?? NO_DATA_COLOR })),
  });
}

/**
 * The planner's map as it is now — `map` null before it is classified; the boundaries, dataset and language of
 * the page — kept when the map reports it has drawn: returns a stable callback for that moment, so the map's
 * "drawn" handler does not change with every render.
 */
export function useOpeningMap(
  map: Choropleth | null,
  level: OpeningMap['level'],
  legend: PlannerLegend,
  areasShown: boolean,
): () => void {
  const { boundaries, dataset } = useLoadedData();
  const { i18n } = useTranslation();
  const latest = useRef<OpeningMap | null>(null);
  latest.current = map && {
    boundaries,
    level,
    map,
    legend,
    source: dataset.source,
    lang: i18n.language,
    areasShown,
  };
  return useCallback(() => {
    if (latest.current) keepOpeningMap(latest.current);
  }, []);
}
