import type { PickingInfo } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classIntervals, classOf } from '../../analysis/classify';
import type { VillageBoundaries } from '../../app/load-boundaries';
import type { LoadedDataset } from '../../app/load-dataset';
import { setDocumentState } from '../../app/use-dashboard';
import { BoundaryNotice } from '../../components/BoundaryNotice';
import { Legend, type LegendItem } from '../../components/Legend';
import { MapCanvas } from '../../components/MapCanvas';
import { SummaryPanel } from '../../components/SummaryPanel';
import { useFormat } from '../../components/use-format';
import { VillageTooltip } from '../../components/VillageTooltip';
import type { AppConfig } from '../../data/app-config';
import {
  householdPointsSql,
  type NeedMeasure,
  type RegencySummary,
  regencySummary,
  type VillageStats,
  villageStats,
} from '../../data/queries';
import { DEFAULT_COVERAGE_THRESHOLD_M, NEED_CODES } from '../../data/schema';
import type { SqlClient } from '../../data/sql-client';
import { baseStyle } from '../../map/base-style';
import { hexToRgba, MAP_COLORS, NEED_RAMP, NO_DATA_COLOR } from '../../map/palette';
import { householdLayer, labelLayers, type PointCloud, villageFillLayer } from '../../map/village-layers';

const MEASURES: readonly NeedMeasure[] = ['any', ...NEED_CODES];
const CLASS_COUNT = NEED_RAMP.length;

/** Ramp colour of class k of n, spread over the whole ramp when there are fewer classes than colours. */
const classColor = (k: number, n: number): string =>
  NEED_RAMP[Math.round((k * (CLASS_COUNT - 1)) / Math.max(1, n - 1))] as string;

interface PlannerViewProps {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
  measure: NeedMeasure;
  onMeasure: (measure: NeedMeasure) => void;
}

async function loadPointCloud(client: SqlClient, measure: NeedMeasure): Promise<PointCloud> {
  const table = await client.queryTable(householdPointsSql(measure, DEFAULT_COVERAGE_THRESHOLD_M));
  const lon = table.getChild('lon')?.toArray() as Float64Array;
  const lat = table.getChild('lat')?.toArray() as Float64Array;
  const covered = table.getChild('covered')?.toArray() as Int32Array;
  const positions = new Float32Array(lon.length * 2);
  const colors = new Uint8Array(lon.length * 4);
  const yes = hexToRgba(MAP_COLORS.householdCovered);
  const no = hexToRgba(MAP_COLORS.householdNotCovered);
  for (let i = 0; i < lon.length; i++) {
    positions[2 * i] = lon[i] as number;
    positions[2 * i + 1] = lat[i] as number;
    colors.set(covered[i] ? yes : no, 4 * i);
  }
  return { length: lon.length, positions, colors };
}

/** Perencanaan: where the needs are, village by village, and how well agents cover them. */
export function PlannerView({ client, config, dataset, boundaries, measure, onMeasure }: PlannerViewProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [stats, setStats] = useState<VillageStats[] | null>(null);
  const [summary, setSummary] = useState<RegencySummary | null>(null);
  const [households, setHouseholds] = useState<PointCloud | null>(null);
  const [zoom, setZoom] = useState(9);
  const [hover, setHover] = useState<{ x: number; y: number; code: string } | null>(null);

  useEffect(() => {
    let current = true;
    void villageStats(client, measure, DEFAULT_COVERAGE_THRESHOLD_M).then((rows) => {
      if (current) setStats(rows);
    });
    return () => {
      current = false;
    };
  }, [client, measure]);

  useEffect(() => {
    void regencySummary(client, DEFAULT_COVERAGE_THRESHOLD_M).then(setSummary);
    void loadPointCloud(client, 'any').then(setHouseholds);
  }, [client]);

  const statsByCode = useMemo(() => new Map((stats ?? []).map((s) => [s.village_code, s] as const)), [stats]);
  const intervals = useMemo(
    () =>
      classIntervals(
        (stats ?? []).map((s) => s.need_rate),
        'quantile',
        CLASS_COUNT,
      ),
    [stats],
  );
  // A new version for every new colour map: deck.gl recolours only when the trigger changes.
  const fillVersion = useRef(0);
  const fillByCode = useMemo(() => {
    const fills = new Map<string, string>();
    for (const s of stats ?? []) {
      const k = classOf(s.need_rate, intervals);
      if (k >= 0) fills.set(s.village_code, classColor(k, intervals.length));
    }
    fillVersion.current += 1;
    return fills;
  }, [stats, intervals]);

  const measureLabel = t(`measure.${measure}`);
  const legendItems: LegendItem[] = [
    ...intervals.map((iv, k) => ({
      color: classColor(k, intervals.length),
      label:
        k === intervals.length - 1
          ? `${f.dec(iv.from)} – ${f.dec(iv.to)}`
          : `${f.dec(iv.from)} – < ${f.dec(iv.to)}`,
    })),
    { color: NO_DATA_COLOR, label: t('legend.noData') },
  ];

  const onHover = useCallback((info: PickingInfo<Feature>) => {
    const code = info.object?.properties?.village_code;
    setHover(code ? { x: info.x, y: info.y, code: String(code) } : null);
  }, []);

  const style = useMemo(
    () => baseStyle({ ...boundaries, basemap: config.basemap }),
    [boundaries, config.basemap],
  );
  const layers = useMemo(
    () => [
      ...villageFillLayer({
        villages: boundaries.villages,
        fillByCode,
        noDataColor: NO_DATA_COLOR,
        fillKey: String(fillVersion.current),
        onHover,
      }),
      ...(households ? [householdLayer('household-points', households, zoom)] : []),
      ...labelLayers(boundaries.villageLabels, boundaries.districtLabels, zoom),
    ],
    [boundaries, fillByCode, households, zoom, onHover],
  );
  const onDrawn = useCallback(() => {
    if (stats && summary) setDocumentState('ready');
  }, [stats, summary]);

  const hovered = hover ? statsByCode.get(hover.code) : undefined;
  return (
    <div className="planner">
      <aside className="side-panel">
        <label className="field">
          <span>{t('measure.label')}</span>
          <select
            data-testid="need-select"
            value={measure}
            onChange={(e) => onMeasure(e.target.value as NeedMeasure)}
          >
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <Legend
          title={t('legend.title', { measure: measureLabel })}
          items={legendItems}
          note={t('legend.method')}
        />
        <Legend
          testId="household-legend"
          title={t('legend.households')}
          items={[
            { color: MAP_COLORS.householdCovered, label: t('legend.householdCovered') },
            { color: MAP_COLORS.householdNotCovered, label: t('legend.householdNotCovered') },
          ]}
        />
        {summary && stats && (
          <SummaryPanel
            summary={summary}
            villages={stats}
            thresholdKm={DEFAULT_COVERAGE_THRESHOLD_M / 1000}
            loads={dataset.loads}
          />
        )}
      </aside>
      <div className="map-wrap">
        <BoundaryNotice boundaries={boundaries} />
        <MapCanvas
          style={style}
          layers={layers}
          onZoom={setZoom}
          onDrawn={onDrawn}
          ariaLabel={measureLabel}
        />
        {hover && hovered && (
          <VillageTooltip x={hover.x} y={hover.y} stats={hovered} measureLabel={measureLabel} />
        )}
        {dataset.source.synthetic && <div className="synthetic-stamp">{t('dataset.synthetic')}</div>}
      </div>
    </div>
  );
}
