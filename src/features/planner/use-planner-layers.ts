import type { PickingInfo } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VillageBoundaries } from '../../core/dataset/load-boundaries';
import { NO_DATA_COLOR } from '../../core/map/palette';
import { villageLabelLayers } from '../../core/map/village-layers';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import type { Choropleth } from './choropleth';
import { type HouseholdCard, householdCardSql, type PlannerQuery } from './data/planner-queries';
import {
  areaFillLayers,
  householdPointLayer,
  needHeatmapLayer,
  needHexagonLayer,
  type RampName,
  sqlAreaLayers,
  sqlPointLayer,
} from './planner-layers';
import type { SqlMapResult } from './sql/SqlPanel';
import type { PlannerUrlState } from './url-state';
import { POINTS_ZOOM, useBoxPoints, useWeightedPoints } from './use-need-points';

export interface PlannerLayersInput {
  client: SqlClient;
  query: PlannerQuery;
  layers: PlannerUrlState['layers'];
  opacity: number;
  ramp: RampName;
  selected: string | null;
  zoom: number;
  /** The map's visible box, for the household points. */
  bounds: [number, number, number, number] | null;
  boundaries: VillageBoundaries;
  level: 'village' | 'district';
  /** The classified areas; null while their figures load. */
  map: Choropleth | null;
  /** An SQL result shown on the map: villages outlined or points drawn. */
  sqlMap: SqlMapResult | null;
  /** Areas of the legend class the user picked: outlined. */
  pickCodes: ReadonlySet<string> | undefined;
  onVillageClick: (code: string) => void;
  onDistrictClick: (code: string) => void;
}

export interface Hover {
  x: number;
  y: number;
  code: string;
}

export interface PointHover {
  x: number;
  y: number;
  card: HouseholdCard;
}

/**
 * The planner map's deck.gl layers — area classes, heatmap, hexagons, household points, an SQL result, labels —
 * and what the pointer is over (an area, or a household whose card is read on demand).
 */
export function usePlannerLayers(input: PlannerLayersInput) {
  const { client, query, layers: on, opacity, ramp, selected, zoom, boundaries, level, map, sqlMap } = input;
  const [hover, setHover] = useState<Hover | null>(null);
  const [pointHover, setPointHover] = useState<PointHover | null>(null);
  const hoverSeq = useRef(0);
  // The latest click handlers, so the layers stay the same objects while only a handler changes.
  const clicks = useRef(input);
  clicks.current = input;

  const weighted = useWeightedPoints(client, query, on.heatmap || on.hexagon);
  const showPoints = on.points && zoom >= POINTS_ZOOM;
  const boxPoints = useBoxPoints(client, query, input.bounds, showPoints);
  // A hidden or reloaded point layer never reports the pointer leaving: forget its card.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the points change or hide
  useEffect(() => {
    hoverSeq.current += 1;
    setPointHover(null);
  }, [showPoints, boxPoints]);

  const onHover = useCallback((info: PickingInfo<Feature>) => {
    const p = info.object?.properties;
    const code = p?.village_code ?? p?.district_code;
    setHover(code ? { x: info.x, y: info.y, code: String(code) } : null);
    // The pointer is on an area, not on a household: drop the household card.
    hoverSeq.current += 1;
    setPointHover(null);
  }, []);
  // The pointer left the map: no card stays behind (deck.gl does not always hear the leave).
  const clearHover = useCallback(() => {
    hoverSeq.current += 1;
    setHover(null);
    setPointHover(null);
  }, []);
  const onClick = useCallback(
    (info: PickingInfo<Feature>) => {
      const p = info.object?.properties;
      if (p?.village_code && level === 'village') clicks.current.onVillageClick(String(p.village_code));
      else if (p?.district_code && level === 'district')
        clicks.current.onDistrictClick(String(p.district_code));
    },
    [level],
  );
  const onPointHover = useCallback(
    (info: PickingInfo) => {
      const seq = ++hoverSeq.current;
      const hid = info.index >= 0 ? boxPoints?.hid[info.index] : undefined;
      if (hid === undefined) {
        setPointHover(null);
        return;
      }
      void queryRows<HouseholdCard>(client, householdCardSql(hid)).then(([card]) => {
        if (seq === hoverSeq.current && card) setPointHover({ x: info.x, y: info.y, card });
      });
    },
    [client, boxPoints],
  );

  const sqlAreas = useMemo(
    () => (sqlMap?.kind === 'villages' ? sqlAreaLayers(boundaries.villages, new Set(sqlMap.codes)) : []),
    [sqlMap, boundaries],
  );
  const highlightCodes = input.pickCodes;
  // Same label layers (same data) until the zoom changes: deck.gl then keeps its text atlas and attributes.
  const labels = useMemo(() => villageLabelLayers(boundaries.villageLabels, zoom), [boundaries, zoom]);
  const layers = useMemo(
    () => [
      ...(on.choropleth && map
        ? areaFillLayers({
            id: level === 'village' ? 'village-choropleth' : 'district-choropleth',
            areas: level === 'village' ? boundaries.villages : boundaries.districts,
            codeKey: level === 'village' ? 'village_code' : 'district_code',
            fillByCode: map.fillByCode,
            noDataColor: NO_DATA_COLOR,
            opacity,
            onHover,
            onClick,
            selectedCode: level === 'village' ? selected : null,
            highlightCodes,
          })
        : []),
      ...(weighted && on.heatmap ? [needHeatmapLayer(weighted.data, opacity, ramp, weighted.key)] : []),
      ...(weighted && on.hexagon ? [needHexagonLayer(weighted.data, opacity, ramp, weighted.key)] : []),
      ...(boxPoints && showPoints ? [householdPointLayer(boxPoints, 1, onPointHover)] : []),
      ...sqlAreas,
      ...(sqlMap?.kind === 'points' ? [sqlPointLayer(sqlMap.positions)] : []),
      ...labels,
    ],
    [
      on,
      map,
      level,
      boundaries,
      opacity,
      selected,
      ramp,
      onHover,
      onClick,
      highlightCodes,
      weighted,
      boxPoints,
      showPoints,
      onPointHover,
      sqlMap,
      sqlAreas,
      labels,
    ],
  );
  return { layers, hover, pointHover, clearHover };
}
