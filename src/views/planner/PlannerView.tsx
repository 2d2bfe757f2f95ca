import type { PickingInfo } from '@deck.gl/core';
import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classify } from '../../analysis/classify';
import type { VillageBoundaries } from '../../app/load-boundaries';
import type { LoadedDataset } from '../../app/load-dataset';
import type { CompareMonths, PlannerUrlState } from '../../app/url-state';
import { setDocumentState } from '../../app/use-dashboard';
import { BoundaryNotice } from '../../components/BoundaryNotice';
import { DataQualityLegend } from '../../components/DataQualityLegend';
import { Legend, type LegendItem } from '../../components/Legend';
import { MapCanvas, type MapView } from '../../components/MapCanvas';
import { SummaryPanel } from '../../components/SummaryPanel';
import { MissingTablesNote, useAggregatesOnly } from '../../components/table-status';
import { useFormat } from '../../components/use-format';
import type { AppConfig } from '../../data/app-config';
import {
  type AreaStat,
  type HouseholdCard,
  householdCardSql,
  type NeedWeights,
  type PlannerFilters,
  type PlannerNeed,
  type PlannerQuery,
  type PlannerUnit,
  usesCases,
} from '../../data/planner-queries';
import {
  type NeedMeasure,
  type RegencySummary,
  regencySummary,
  type VillageStats,
  villageStats,
} from '../../data/queries';
import { DEFAULT_COVERAGE_THRESHOLD_M } from '../../data/schema';
import { queryRows, type SqlClient } from '../../data/sql-client';
import { baseStyle } from '../../map/base-style';
import { NO_DATA_COLOR, SUPPRESSED_COLOR } from '../../map/palette';
import {
  areaFillLayers,
  householdPointLayer,
  NEED_POINT_COLOR,
  NO_NEED_POINT_COLOR,
  needHeatmapLayer,
  needHexagonLayer,
  OUTSIDE_COLOR,
  RAMPS,
  sqlPointLayer,
  UNCLASSIFIED_COLOR,
} from '../../map/planner-layers';
import { labelLayers } from '../../map/village-layers';
import { type AreaRow, AreaTable } from './AreaTable';
import { ClassControls } from './ClassControls';
import {
  areaValue,
  changeRows,
  choropleth,
  fewerClasses,
  insideAreaFilter,
  shiftMonth,
  symmetricBreaks,
} from './choropleth';
import { FilterControls, type PlaceName } from './FilterControls';
import { KeyFigures } from './KeyFigures';
import { LayerControls } from './LayerControls';
import { AreaTooltip, HouseholdTooltip } from './MapTooltips';
import { MeasureControls } from './MeasureControls';
import { PlannerMapExport } from './PlannerMapExport';
import { mapCounts, monthName, periodValues } from './period';
import { type SqlMapResult, SqlPanel } from './SqlPanel';
import { TimeBar } from './TimeBar';
import { useAreaSuppression } from './use-area-suppression';
import { POINTS_ZOOM, useBoxPoints, useWeightedPoints } from './use-need-points';
import { usePeriodRows } from './use-period-rows';
import { lastAreasQuery, usePlannerData } from './use-planner-data';
import { usePlannerState } from './use-planner-state';
import { usePublishedHidden } from './use-published-hidden';
import { VillageProfile } from './VillageProfile';
import './planner.css';

interface PlannerViewProps {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
  measure: NeedMeasure;
  onMeasure: (measure: NeedMeasure) => void;
}

type Bounds = [number, number, number, number];

/** Perencanaan: where the needs are, how bad, and whether it gets better — by place and over time. */
export function PlannerView({ client, config, dataset, boundaries, measure, onMeasure }: PlannerViewProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [planned, update] = usePlannerState(client);
  const aggregatesOnly = useAggregatesOnly();
  // Village figures only: the layers drawn from homes are off whatever the link says (their toggles say why).
  const state = useMemo(
    () =>
      aggregatesOnly
        ? { ...planned, layers: { ...planned.layers, heatmap: false, hexagon: false, points: false } }
        : planned,
    [planned, aggregatesOnly],
  );
  const need: PlannerNeed = state.score ? 'score' : measure;
  const query = useMemo<PlannerQuery>(
    () => ({ need, weights: state.weights, filters: state.filters, month: state.month }),
    [need, state.weights, state.filters, state.month],
  );
  // With a month and a comparison, the map shows the change since that many months earlier.
  const comparing = state.month !== null && state.compare > 0;
  const data = usePlannerData(client, query, state.level, comparing ? state.compare : 0, aggregatesOnly);
  const [places, setPlaces] = useState<PlaceName[]>([]);
  const [overview, setOverview] = useState<{ summary: RegencySummary; villages: VillageStats[] } | null>(
    null,
  );
  const [playing, setPlaying] = useState(false);
  const [hover, setHover] = useState<{ x: number; y: number; code: string } | null>(null);
  const [pointHover, setPointHover] = useState<{ x: number; y: number; card: HouseholdCard } | null>(null);
  const [flyTo, setFlyTo] = useState<{ bounds: Bounds } | null>(null);
  const [sqlMap, setSqlMap] = useState<SqlMapResult | null>(null);
  const hoverSeq = useRef(0);

  // Time from a change of the measure, a filter or the month to the map drawn with the new data
  // (read by scripts/bench-planner.ts).
  const changedAt = useRef<{ t0: number; areas: AreaStat[] | null; committed?: number } | null>(null);
  const areasRef = useRef<AreaStat[] | null>(null);
  areasRef.current = data.areas;
  const markChange = useCallback(() => {
    changedAt.current = { t0: performance.now(), areas: areasRef.current };
  }, []);
  const change = useCallback(
    (patch: Parameters<typeof update>[0]) => {
      markChange();
      update(patch);
    },
    [markChange, update],
  );

  useEffect(() => {
    void queryRows<PlaceName>(
      client,
      'SELECT village_code, village_name, district_code, district_name FROM villages ORDER BY district_name, village_name',
    ).then(setPlaces);
    void Promise.all([
      regencySummary(client, DEFAULT_COVERAGE_THRESHOLD_M),
      villageStats(client, 'any', DEFAULT_COVERAGE_THRESHOLD_M),
    ]).then(([summary, villages]) => setOverview({ summary, villages }));
  }, [client]);

  const [view, setView] = useState<MapView | null>(null);
  const onView = useCallback(
    (v: MapView) => {
      setView(v);
      update({ view: { lon: v.lon, lat: v.lat, zoom: v.zoom } });
    },
    [update],
  );
  // The opening view (a shared link's) is read once: later moves come from the map.
  const [initialView] = useState(state.view);
  const zoom = view?.zoom ?? initialView?.zoom ?? 9;
  const level = data.level;
  const baseMonth = comparing && state.month ? shiftMonth(state.month, -state.compare) : null;
  const computed = useMemo(
    () =>
      !comparing ? data.areas : data.areas && data.baseAreas ? changeRows(data.areas, data.baseAreas) : null,
    [comparing, data.areas, data.baseAreas],
  );
  // While the comparison month's rows are on their way, the last map stays.
  const shownAreas = useRef<AreaStat[] | null>(null);
  if (computed) shownAreas.current = computed;
  const areas = computed ?? (comparing ? shownAreas.current : null);
  const format = useCallback(
    (n: number, d: number) =>
      n.toLocaleString(f.locale, {
        minimumFractionDigits: d,
        maximumFractionDigits: d,
        signDisplay: 'negative',
      }),
    [f.locale],
  );
  // Areas and their filters change together (no redraw with new filters over old numbers).
  const areaFilters = data.filters ?? state.filters;
  const inside = useMemo(
    () => (areas ?? []).filter((a) => insideAreaFilter(a, level, areaFilters)),
    [areas, level, areaFilters],
  );
  // Small groups and the areas hidden with them: grey on the map, outside the classes, blank in exports.
  const suppression = useAreaSuppression(client, query, level, data.areas);
  // An aggregate dataset's hidden villages (published without figures) are suppressed like small groups.
  const published = usePublishedHidden(client, aggregatesOnly);
  const hidden = useMemo(
    () =>
      level === 'village' && published.size > 0
        ? new Set([...suppression.hidden, ...published])
        : suppression.hidden,
    [level, published, suppression.hidden],
  );
  // While a month is shown, one set of classes for every month of the period (manual breaks are fixed anyway).
  const fixedPeriod = state.month !== null && !comparing;
  const period = usePeriodRows(
    client,
    query,
    level,
    useMemo(() => data.months?.map((m) => m.month) ?? null, [data.months]),
    fixedPeriod && state.method !== 'manual',
  );
  const minDecimals = state.unit === 'count' && need !== 'score' ? 0 : 1;
  // Classed once per period, filters, measure and method (not at every step of the playback).
  const periodClasses = useMemo(
    () =>
      period.rows
        ? classify(
            periodValues(
              period.rows,
              need,
              state.unit,
              (a) => insideAreaFilter(a, level, areaFilters) && !hidden.has(a.code),
            ),
            state.method,
            { classes: state.classes, minDecimals },
          )
        : undefined,
    [period.rows, need, state.unit, level, areaFilters, hidden, state.method, state.classes, minDecimals],
  );
  const map = useMemo(() => {
    if (!areas) return null;
    // A change is classed symmetric around zero on the diverging ramp; otherwise as the user chose.
    const breaks = comparing
      ? symmetricBreaks(
          inside.filter((a) => !hidden.has(a.code)).map((a) => areaValue(a, state.unit)),
          state.classes,
        )
      : state.breaks;
    const m = choropleth(
      inside,
      state.unit,
      comparing ? 'manual' : state.method,
      state.classes,
      breaks,
      comparing ? 'PuOr' : state.ramp,
      format,
      { minDecimals, classes: comparing ? undefined : periodClasses, hidden },
    );
    for (const a of areas)
      if (!m.fillByCode.has(a.code) && !inside.includes(a)) m.fillByCode.set(a.code, OUTSIDE_COLOR);
    return m;
  }, [
    areas,
    inside,
    hidden,
    comparing,
    state.unit,
    state.method,
    state.classes,
    state.breaks,
    state.ramp,
    format,
    minDecimals,
    periodClasses,
  ]);
  const outsideCount = (areas?.length ?? 0) - inside.length;
  const fillVersion = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key for every new colour map
  const fillKey = useMemo(() => String(++fillVersion.current), [map]);
  const statByCode = useMemo(() => new Map((areas ?? []).map((a) => [a.code, a] as const)), [areas]);

  const weighted = useWeightedPoints(client, query, state.layers.heatmap || state.layers.hexagon);
  const showPoints = state.layers.points && zoom >= POINTS_ZOOM;
  const boxPoints = useBoxPoints(client, query, view?.bounds ?? null, showPoints);
  // A hidden or reloaded point layer never reports the pointer leaving: forget its card.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the points change or hide
  useEffect(() => {
    hoverSeq.current += 1;
    setPointHover(null);
  }, [showPoints, boxPoints]);

  const selectVillage = useCallback(
    (code: string, fly: boolean) => {
      update({ selected: code, tab: 'profile' });
      const feature = boundaries.villages.features.find((x) => x.properties?.village_code === code);
      if (fly && feature) setFlyTo({ bounds: bbox(feature) as Bounds });
    },
    [boundaries, update],
  );
  const drillDown = useCallback(
    (code: string) => {
      change((s) => ({ ...s, level: 'village', filters: { ...s.filters, district: code, village: null } }));
      const feature = boundaries.districts.features.find((x) => x.properties?.district_code === code);
      if (feature) setFlyTo({ bounds: bbox(feature) as Bounds });
    },
    [boundaries, change],
  );

  const onHover = useCallback((info: PickingInfo<Feature>) => {
    const p = info.object?.properties;
    const code = p?.village_code ?? p?.district_code;
    setHover(code ? { x: info.x, y: info.y, code: String(code) } : null);
    // The pointer is on an area, not on a household: drop the household card.
    hoverSeq.current += 1;
    setPointHover(null);
  }, []);
  const onClick = useCallback(
    (info: PickingInfo<Feature>) => {
      const p = info.object?.properties;
      if (p?.village_code && level === 'village') selectVillage(String(p.village_code), false);
      else if (p?.district_code && level === 'district') drillDown(String(p.district_code));
    },
    [level, selectVillage, drillDown],
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

  const style = useMemo(
    () => baseStyle({ ...boundaries, basemap: config.basemap }),
    [boundaries, config.basemap],
  );
  const sqlCodes = useMemo(() => (sqlMap?.kind === 'villages' ? new Set(sqlMap.codes) : undefined), [sqlMap]);
  // A legend class picked by the user (by its colour): its areas are outlined and the table shows only them.
  const [legendPick, setLegendPick] = useState<string | null>(null);
  const pickCodes = useMemo(() => {
    if (!legendPick || !areas || !map) return undefined;
    return new Set(
      areas.filter((a) => (map.fillByCode.get(a.code) ?? NO_DATA_COLOR) === legendPick).map((a) => a.code),
    );
  }, [legendPick, areas, map]);
  // Same label layers (same data) until the zoom changes: deck.gl then keeps its text atlas and attributes.
  const labels = useMemo(
    () => labelLayers(boundaries.villageLabels, boundaries.districtLabels, zoom),
    [boundaries, zoom],
  );
  const layers = useMemo(
    () => [
      ...(state.layers.choropleth && map
        ? areaFillLayers({
            id: level === 'village' ? 'village-choropleth' : 'district-choropleth',
            areas: level === 'village' ? boundaries.villages : boundaries.districts,
            codeKey: level === 'village' ? 'village_code' : 'district_code',
            fillByCode: map.fillByCode,
            noDataColor: NO_DATA_COLOR,
            fillKey,
            opacity: state.opacity,
            onHover,
            onClick,
            selectedCode: level === 'village' ? state.selected : null,
            highlightCodes: sqlCodes ?? pickCodes,
          })
        : []),
      ...(weighted && state.layers.heatmap
        ? [needHeatmapLayer(weighted.data, state.opacity, state.ramp, weighted.key)]
        : []),
      ...(weighted && state.layers.hexagon
        ? [needHexagonLayer(weighted.data, state.opacity, state.ramp, weighted.key)]
        : []),
      ...(boxPoints && showPoints ? [householdPointLayer(boxPoints, 1, onPointHover)] : []),
      ...(sqlMap?.kind === 'points' ? [sqlPointLayer(sqlMap.positions)] : []),
      ...labels,
    ],
    [
      state.layers,
      map,
      level,
      boundaries,
      fillKey,
      state.opacity,
      state.selected,
      state.ramp,
      onHover,
      onClick,
      sqlCodes,
      pickCodes,
      weighted,
      boxPoints,
      showPoints,
      onPointHover,
      sqlMap,
      labels,
    ],
  );

  useEffect(() => {
    const pending = changedAt.current;
    if (pending && pending.areas !== areas && pending.committed === undefined)
      pending.committed = performance.now();
  }, [areas]);

  const onDrawn = useCallback(() => {
    if (!areas || !overview) return;
    setDocumentState('ready');
    const pending = changedAt.current;
    if (pending && pending.areas !== areas) {
      changedAt.current = null;
      performance.mark('gancang:planner-drawn', {
        detail: {
          ms: performance.now() - pending.t0,
          queryMs: lastAreasQuery.ms,
          cached: lastAreasQuery.cached,
          sentMs: lastAreasQuery.sentAt - pending.t0,
          committedMs: (pending.committed ?? Number.NaN) - pending.t0,
        },
      });
    }
  }, [areas, overview]);

  const measureLabel = need === 'score' ? t('planner.measure.score') : t(`measure.${need}`);
  const unitLabel = t(`planner.unitLong.${state.unit}`);
  const c = map?.classification;
  const legendItems: LegendItem[] = [
    ...(map?.labels ?? []).map((label, k) => ({
      color: map?.colors[k] as string,
      label: `${label} (${f.int(c?.counts[k] ?? 0)})`,
    })),
    ...(c && c.unclassified > 0
      ? [
          {
            color: UNCLASSIFIED_COLOR,
            label: `${t('planner.legend.unclassified')} (${f.int(c.unclassified)})`,
          },
        ]
      : []),
    ...(outsideCount > 0
      ? [{ color: OUTSIDE_COLOR, label: `${t('planner.legend.outside')} (${f.int(outsideCount)})` }]
      : []),
    { color: NO_DATA_COLOR, label: `${t('legend.noData')} (${f.int(c?.noData ?? 0)})` },
    ...(map && map.suppressed > 0
      ? [{ color: SUPPRESSED_COLOR, label: `${t('suppression.legend')} (${f.int(map.suppressed)})` }]
      : []),
  ];
  // Heatmap / hexagons alone: their ramp from low to high instead of the area classes.
  const densityItems: LegendItem[] = RAMPS[state.ramp]
    .slice(2)
    .filter((_, i, all) => i % 2 === 0 || i === all.length - 1)
    .map((color, i, all) => ({
      color,
      label: i === 0 ? t('planner.legend.low') : i === all.length - 1 ? t('planner.legend.high') : '',
    }));
  const source = usesCases(query)
    ? state.month
      ? t('planner.legend.sourceMonth', { month: state.month })
      : t('planner.legend.sourceCases')
    : t('planner.legend.sourceFlags');
  // What the map counts, said in its title: need flags, cases under the filters, or cases open at a month's end.
  const counts = mapCounts(state.month, usesCases(query));
  const countsArgs = counts.kind === 'month' ? { month: monthName(counts.month, f.locale) } : {};
  const legendTitle = comparing
    ? t('planner.compare.legendTitle', { measure: measureLabel, unit: unitLabel })
    : `${t(`mapClasses.counts.${counts.kind}`, countsArgs)}: ${measureLabel} — ${unitLabel}`;
  const fewer = c && fewerClasses(c);
  const periodNote =
    !fixedPeriod || !data.months?.length
      ? null
      : state.method === 'manual' || period.status === 'ready'
        ? t('mapClasses.period.fixed', {
            from: monthName(data.months[0]?.month ?? '', f.locale),
            to: monthName(data.months[data.months.length - 1]?.month ?? '', f.locale),
          })
        : t(`mapClasses.period.${period.status}`);
  const legendNote = comparing
    ? `${t('planner.compare.method')} · ${t('planner.legend.halfOpen')} · ${t('planner.compare.versus', { month: state.month, base: baseMonth })}`
    : [
        t('planner.legend.method', { method: t(`planner.method.${state.method}`) }),
        fewer && t(`mapClasses.fewer.${fewer.reason}`, { count: fewer.count, requested: fewer.requested }),
        periodNote,
        t('planner.legend.halfOpen'),
        published.size > 0 && t('planner.legend.publishedHidden', { count: published.size }),
        source,
      ]
        .filter(Boolean)
        .join(' · ');
  // File names of the table and the map sheet: what, how, where (and the comparison).
  const stem = `${need}-${state.unit}-${level === 'village' ? 'desa' : 'kecamatan'}${comparing ? `-perubahan-${state.compare}bln` : ''}`;

  const rows: AreaRow[] = useMemo(
    () =>
      (areas ?? []).map((a) => {
        const value = areaValue(a, state.unit);
        return {
          ...a,
          value,
          valueText: value === null || !map ? undefined : map.write(value),
          color: map?.fillByCode.get(a.code) ?? NO_DATA_COLOR,
        };
      }),
    [areas, state.unit, map],
  );
  // Areas without households in the filters are left out of the table (they are "no data" on the map).
  const tableRows = useMemo(
    () =>
      rows.filter(
        (r) =>
          r.households > 0 &&
          insideAreaFilter(r, level, areaFilters) &&
          (legendPick === null || r.color === legendPick),
      ),
    [rows, level, areaFilters, legendPick],
  );
  // The table may follow a frame later than the map (React renders it at low priority).
  const deferredRows = useDeferredValue(tableRows);
  const valueText = (a: AreaStat) => {
    const v = areaValue(a, state.unit);
    if (v === null) return t('tooltip.noData');
    // As the legend reads it, so the value shown lies in the class its colour says.
    const text = map ? map.write(v) : state.unit === 'count' && need !== 'score' ? f.int(v) : f.dec(v);
    return comparing && v > 0 ? `+${text}` : text;
  };
  const supervisorHref = (code: string) => {
    const p = new URLSearchParams(window.location.search);
    p.set('section', 'supervisor');
    p.set('desa', code);
    return `?${p.toString()}`;
  };
  const hovered = hover ? statByCode.get(hover.code) : undefined;
  const selectedStat = state.selected && level === 'village' ? statByCode.get(state.selected) : undefined;
  // An SQL result on the map: outline its villages or draw its points, and fly to them.
  const showSqlOnMap = useCallback(
    (result: SqlMapResult | null) => {
      setSqlMap(result);
      if (result?.kind === 'villages') {
        const codes = new Set(result.codes);
        const features = boundaries.villages.features.filter((x) =>
          codes.has(String(x.properties?.village_code)),
        );
        if (features.length) setFlyTo({ bounds: bbox({ type: 'FeatureCollection', features }) as Bounds });
      } else if (result?.kind === 'points' && result.positions.length >= 2) {
        const lons = result.positions.filter((_, i) => i % 2 === 0);
        const lats = result.positions.filter((_, i) => i % 2 === 1);
        setFlyTo({
          bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((v, i) =>
            i < 2 ? v - 0.005 : v + 0.005,
          ) as Bounds,
        });
      }
    },
    [boundaries],
  );
  const onMonth = useCallback((month: string | null) => change({ month }), [change]);
  // Stable handlers, so the memoised panels re-render only when their own values change.
  const handlers = useMemo(
    () => ({
      need: (n: PlannerNeed) => {
        markChange();
        if (n === 'score') update({ score: true });
        else {
          if (state.score) update({ score: false });
          onMeasure(n);
        }
      },
      unit: (unit: PlannerUnit) => change({ unit }),
      weights: (weights: NeedWeights) => change({ weights }),
      level: (l: 'village' | 'district') => change({ level: l }),
      layers: (layers: PlannerUrlState['layers']) => update({ layers }),
      opacity: (opacity: number) => update({ opacity }),
      filters: (filters: PlannerFilters) => change({ filters }),
      compare: (compare: CompareMonths) => change({ compare }),
      select: (row: AreaRow) => (level === 'village' ? selectVillage(row.code, true) : drillDown(row.code)),
    }),
    [markChange, update, onMeasure, change, level, selectVillage, drillDown, state.score],
  );
  const summaryPanel = useMemo(
    () =>
      overview && (
        <SummaryPanel
          summary={overview.summary}
          villages={overview.villages}
          thresholdKm={DEFAULT_COVERAGE_THRESHOLD_M / 1000}
          loads={dataset.loads}
        />
      ),
    [overview, dataset.loads],
  );

  return (
    <div className="planner planner-view" data-testid="planner" lang={i18n.language}>
      <aside className="side-panel planner-controls">
        <MeasureControls
          need={need}
          unit={state.unit}
          weights={state.weights}
          onNeed={handlers.need}
          onUnit={handlers.unit}
          onWeights={handlers.weights}
        />
        <ClassControls
          method={state.method}
          classes={state.classes}
          breaks={state.breaks}
          ramp={state.ramp}
          onChange={change}
        />
        <LayerControls
          level={state.level}
          layers={state.layers}
          opacity={state.opacity}
          onLevel={handlers.level}
          onLayers={handlers.layers}
          onOpacity={handlers.opacity}
        />
        <details className="control-group" open>
          <summary>{t('planner.filters.title')}</summary>
          <FilterControls filters={state.filters} places={places} onChange={handlers.filters} />
        </details>
        {data.error && <p className="warning">{data.error}</p>}
        {data.totals && <KeyFigures totals={data.totals} score={need === 'score'} unit={state.unit} />}
        {aggregatesOnly ? <MissingTablesNote needs={['households']} /> : summaryPanel}
      </aside>
      <div className="map-wrap">
        <BoundaryNotice boundaries={boundaries} />
        <MapCanvas
          style={style}
          layers={layers}
          initialView={initialView}
          onView={onView}
          onDrawn={onDrawn}
          ariaLabel={measureLabel}
          flyTo={flyTo}
        />
        {/* Collapsible: on a small screen the legend would hide part of the regency. */}
        <details className="map-legend-float planner-legend" open>
          <summary data-testid="legend-toggle">{t('legend.toggle')}</summary>
          {state.layers.choropleth || !(state.layers.heatmap || state.layers.hexagon) ? (
            <Legend
              title={legendTitle}
              items={legendItems}
              note={legendNote}
              onPick={setLegendPick}
              picked={legendPick}
            />
          ) : (
            <Legend
              title={measureLabel}
              items={densityItems}
              note={`${t(state.layers.hexagon ? 'planner.legend.hexagonNote' : 'planner.legend.heatmapNote')} · ${source}`}
            />
          )}
          {/* The sheet is the area map: offered while it is on screen. */}
          {state.layers.choropleth && map && areas && (
            <PlannerMapExport
              boundaries={boundaries}
              source={dataset.source}
              areas={areas}
              hidden={hidden}
              level={level}
              fillByCode={map.fillByCode}
              classes={map.labels.map((label, k) => ({ color: map.colors[k] as string, label }))}
              extra={[
                ...(c && c.unclassified > 0
                  ? [{ color: UNCLASSIFIED_COLOR, label: t('planner.legend.unclassified') }]
                  : []),
                ...(outsideCount > 0 ? [{ color: OUTSIDE_COLOR, label: t('planner.legend.outside') }] : []),
              ]}
              measureLabel={
                comparing ? t('planner.compare.measure', { measure: measureLabel }) : measureLabel
              }
              legendTitle={legendTitle}
              note={legendNote}
              filters={areaFilters}
              places={places}
              fileStem={`peta-${stem}`}
            />
          )}
          <DataQualityLegend client={client} reports={dataset.reports} />
          {state.layers.points && (
            <Legend
              testId="household-legend"
              title={t('planner.legend.households', { zoom: POINTS_ZOOM })}
              items={[
                { color: NEED_POINT_COLOR, label: t('planner.legend.withNeed') },
                { color: NO_NEED_POINT_COLOR, label: t('planner.legend.withoutNeed') },
              ]}
            />
          )}
        </details>
        {level === 'district' && <div className="drill-hint">{t('planner.tooltip.drill')}</div>}
        {pointHover ? (
          <HouseholdTooltip x={pointHover.x} y={pointHover.y} card={pointHover.card} />
        ) : (
          hover &&
          hovered && (
            <AreaTooltip
              x={hover.x}
              y={hover.y}
              stat={hovered}
              level={level}
              measureLabel={`${measureLabel} (${unitLabel})`}
              valueText={valueText(hovered)}
            />
          )
        )}
        {/* Shown while a month is chosen even when no month has cases: the way back to "all time". */}
        {data.months && (data.months.length > 0 || state.month !== null) && (
          <TimeBar
            months={data.months}
            month={state.month}
            playing={playing}
            onMonth={onMonth}
            onPlaying={setPlaying}
            compare={state.compare}
            onCompare={handlers.compare}
            counts={t(`mapClasses.countsShort.${counts.kind}`, countsArgs)}
            openOnly={aggregatesOnly}
          />
        )}
        {dataset.source.synthetic && <div className="synthetic-stamp">{t('dataset.synthetic')}</div>}
      </div>
      <aside className="planner-details">
        <div className="tabs" role="tablist">
          {(['table', 'profile', 'sql'] as const).map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={state.tab === key}
              data-testid={`tab-${key}`}
              className={state.tab === key ? 'active' : ''}
              onClick={() => update({ tab: key })}
            >
              {t(`planner.tabs.${key}`)}
            </button>
          ))}
        </div>
        {state.tab === 'table' && (
          <AreaTable
            rows={deferredRows}
            hiddenCodes={suppression.settled}
            level={level}
            selectedCode={state.selected}
            score={need === 'score'}
            unit={state.unit}
            fileStem={`perencanaan-${stem}`}
            caption={
              [
                comparing ? t('planner.compare.tableCaption', { month: state.month, base: baseMonth }) : '',
                legendPick ? t('planner.legend.pickedCaption') : '',
              ]
                .filter(Boolean)
                .join(' ') || null
            }
            onSelect={handlers.select}
          />
        )}
        {(state.tab === 'profile' || state.tab === 'sql') && aggregatesOnly && (
          <p className="warning" data-testid="needs-households">
            {t('storage.needsHouseholds')}
          </p>
        )}
        {state.tab === 'profile' &&
          !aggregatesOnly &&
          (state.selected && selectedStat ? (
            <VillageProfile
              client={client}
              query={query}
              code={state.selected}
              stat={selectedStat}
              supervisorHref={supervisorHref(state.selected)}
              onClose={() => update({ selected: null, tab: 'table' })}
            />
          ) : (
            <p className="muted">{t('planner.profile.hint')}</p>
          ))}
        {state.tab === 'sql' && !aggregatesOnly && <SqlPanel client={client} onShowOnMap={showSqlOnMap} />}
      </aside>
    </div>
  );
}
