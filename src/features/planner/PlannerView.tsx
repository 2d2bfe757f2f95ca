import { bbox } from '@turf/turf';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import { caseTablesWhenQuiet } from '../../core/cube/prepared';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { baseStyle } from '../../core/map/base-style';
import { MapCanvas, type MapView } from '../../core/map/MapCanvas';
import { NO_DATA_COLOR } from '../../core/map/palette';
import type { NeedMeasure } from '../../core/sql/queries';
import { BoundaryNotice } from '../../core/ui/BoundaryNotice';
import { setDocumentState } from '../../core/ui/document-state';
import { MissingTablesNote, useAggregatesOnly } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { AnswerFailure } from './AnswerFailure';
import type { AreaRow } from './AreaTable';
import { ClassControls } from './ClassControls';
import { areaValue, changeRows, shiftMonth } from './choropleth';
import {
  type AreaStat,
  type NeedWeights,
  type PlannerFilters,
  type PlannerNeed,
  type PlannerQuery,
  type PlannerUnit,
  usesCases,
} from './data/planner-queries';
import { plannerExportAbout } from './export-about';
import { FilterControls } from './FilterControls';
import { KeyFigures } from './KeyFigures';
import { LayerControls } from './LayerControls';
import { AreaTooltip, HouseholdTooltip } from './MapTooltips';
import { MeasureControls } from './MeasureControls';
import { useOpeningMap } from './opening-map';
import { PlannerDetails } from './PlannerDetails';
import { PlannerLegendPanel } from './PlannerLegendPanel';
import { plannerLegend } from './planner-legend';
import { SummaryPanel } from './SummaryPanel';
import type { SqlMapResult } from './sql/SqlPanel';
import { type Bounds, sqlMapBounds } from './sql/sql-map-bounds';
import { TimeBar } from './TimeBar';
import type { CompareMonths, PlannerUrlState } from './url-state';
import { usePlannerClasses } from './use-planner-classes';
import { usePlannerData } from './use-planner-data';
import { usePlannerLayers } from './use-planner-layers';
import { usePlannerOverview } from './use-planner-overview';
import { usePlannerState } from './use-planner-state';
import { useRedrawClock, useRedrawDrawn } from './use-redraw-mark';
import { useTableRows } from './use-table-rows';
import './planner.css';

interface PlannerViewProps {
  measure: NeedMeasure;
  onMeasure: (measure: NeedMeasure) => void;
}

/** Perencanaan: where the needs are, how bad, and whether it gets better — by place and over time. */
export function PlannerView({ measure, onMeasure }: PlannerViewProps) {
  const { client, config, dataset, boundaries } = useLoadedData();
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
  const { places, overview } = usePlannerOverview(client);
  const [playing, setPlaying] = useState(false);
  const [flyTo, setFlyTo] = useState<{ bounds: Bounds } | null>(null);
  const [sqlMap, setSqlMap] = useState<SqlMapResult | null>(null);

  const clock = useRedrawClock(data.areas);
  const { markChange } = clock;
  const change = useCallback(
    (patch: Parameters<typeof update>[0]) => {
      markChange();
      update(patch);
    },
    [markChange, update],
  );

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
  const redrawn = useRedrawDrawn(clock, areas);
  const { map, hidden, suppression, published, period, fixedPeriod, areaFilters, outsideCount } =
    usePlannerClasses({
      client,
      query,
      level,
      areas,
      dataAreas: data.areas,
      dataFilters: data.filters,
      months: data.months,
      comparing,
      aggregatesOnly,
      filters: state.filters,
      unit: state.unit,
      method: state.method,
      classes: state.classes,
      breaks: state.breaks,
      ramp: state.ramp,
    });
  const statByCode = useMemo(() => new Map((areas ?? []).map((a) => [a.code, a] as const)), [areas]);

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

  const style = useMemo(
    () => baseStyle({ ...boundaries, basemap: config.basemap }),
    [boundaries, config.basemap],
  );
  // A legend class picked by the user (by its colour): its areas are outlined and the table shows only them.
  const [legendPick, setLegendPick] = useState<string | null>(null);
  const pickCodes = useMemo(() => {
    if (!legendPick || !areas || !map) return undefined;
    return new Set(
      areas.filter((a) => (map.fillByCode.get(a.code) ?? NO_DATA_COLOR) === legendPick).map((a) => a.code),
    );
  }, [legendPick, areas, map]);
  const { layers, hover, pointHover, clearHover } = usePlannerLayers({
    client,
    query,
    layers: state.layers,
    opacity: state.opacity,
    ramp: state.ramp,
    selected: state.selected,
    zoom,
    bounds: view?.bounds ?? null,
    boundaries,
    level,
    map,
    sqlMap,
    pickCodes,
    onVillageClick: (code) => selectVillage(code, false),
    onDistrictClick: drillDown,
  });
  const legend = plannerLegend({
    t,
    f,
    need,
    unit: state.unit,
    method: state.method,
    ramp: state.ramp,
    month: state.month,
    comparing,
    baseMonth,
    usesCases: usesCases(query),
    map,
    classes: state.classes,
    outsideCount,
    fixedPeriod,
    months: data.months,
    periodStatus: period.status,
    publishedHidden: published.size,
  });
  const keepIfOpening = useOpeningMap(map, level, legend, state.layers.choropleth);
  const table = useTableRows(areas, state.unit, map, level, areaFilters, legendPick);
  const onDrawn = useCallback(() => {
    if (!areas || !overview) return;
    redrawn();
    // Ready once the table shows the areas too (it follows the map at a lower priority); the case tables are
    // made once the first map is on screen (prepared.ts), not while it is drawn.
    if (!table.shown) return;
    keepIfOpening();
    setDocumentState('ready');
    caseTablesWhenQuiet(client);
  }, [areas, overview, redrawn, keepIfOpening, client, table.shown]);
  const { measureLabel, unitLabel, counts, countsArgs } = legend;
  // File names of the table and the map sheet: what, how, where (and the comparison).
  const stem = `${need}-${state.unit}-${level === 'village' ? 'desa' : 'kecamatan'}${comparing ? `-perubahan-${state.compare}bln` : ''}`;
  const valueText = (a: AreaStat) => {
    const v = areaValue(a, state.unit);
    if (v === null) return t('tooltip.noData');
    // As the legend reads it, so the value shown lies in the class its colour says.
    const text = map ? map.write(v) : state.unit === 'count' && need !== 'score' ? f.int(v) : f.dec(v);
    return comparing && v > 0 ? `+${text}` : text;
  };
  const hovered = hover ? statByCode.get(hover.code) : undefined;
  const selectedStat = state.selected && level === 'village' ? statByCode.get(state.selected) : undefined;
  // An SQL result on the map: outline its villages or draw its points, and fly to them.
  const showSqlOnMap = useCallback(
    (result: SqlMapResult | null) => {
      setSqlMap(result);
      const bounds = sqlMapBounds(result, boundaries.villages);
      if (bounds) setFlyTo({ bounds });
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
          thresholdM={DEFAULT_COVERAGE_OPTIONS.thresholdM}
          visitDays={DEFAULT_COVERAGE_OPTIONS.visitDays}
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
        {data.error && <AnswerFailure error={data.error} />}
        {data.totals && <KeyFigures totals={data.totals} score={need === 'score'} unit={state.unit} />}
        {aggregatesOnly ? <MissingTablesNote needs={['households']} /> : summaryPanel}
      </aside>
      <div className="map-wrap">
        <BoundaryNotice />
        <MapCanvas
          style={style}
          layers={layers}
          districtNames={boundaries.districtLabels}
          initialView={initialView}
          onView={onView}
          onDrawn={onDrawn}
          ariaLabel={measureLabel}
          flyTo={flyTo}
          onLeave={clearHover}
        />
        <PlannerLegendPanel
          legend={legend}
          layers={state.layers}
          picked={legendPick}
          onPick={setLegendPick}
          sqlMap={sqlMap}
          onClearSql={() => setSqlMap(null)}
          sheet={
            map && areas
              ? {
                  map,
                  areas,
                  hidden,
                  level,
                  outsideCount,
                  comparing,
                  filters: areaFilters,
                  places,
                  fileStem: `peta-${stem}`,
                }
              : null
          }
        />
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
      <PlannerDetails
        query={query}
        tab={state.tab}
        selected={state.selected}
        selectedStat={selectedStat}
        onTab={(tab) => update({ tab })}
        onCloseProfile={() => update({ selected: null, tab: 'table' })}
        rows={table.rows}
        hiddenCodes={suppression.settled}
        level={level}
        score={need === 'score'}
        unit={state.unit}
        fileStem={`perencanaan-${stem}`}
        exportAbout={plannerExportAbout({ level, legend, comparing, filters: areaFilters, places }, t)}
        caption={
          [
            comparing ? t('planner.compare.tableCaption', { month: state.month, base: baseMonth }) : '',
            legendPick ? t('planner.legend.pickedCaption') : '',
          ]
            .filter(Boolean)
            .join(' ') || null
        }
        onSelect={handlers.select}
        onShowOnMap={showSqlOnMap}
      />
    </div>
  );
}
