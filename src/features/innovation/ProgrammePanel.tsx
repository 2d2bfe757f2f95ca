import type { PickingInfo } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { baseStyle } from '../../core/map/base-style';
import { MapCanvas } from '../../core/map/MapCanvas';
import { NO_DATA_COLOR } from '../../core/map/palette';
import { villageFillLayer, villageLabelLayers } from '../../core/map/village-layers';
import type { VillageStats } from '../../core/sql/queries';
import { isolate } from '../../core/ui/bidi';
import { setDocumentState } from '../../core/ui/document-state';
import { Legend } from '../../core/ui/Legend';
import { Segmented } from '../../core/ui/Segmented';
import { MissingTablesNote, useTableStatus } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { ChannelResults } from './ChannelResults';
import { ChartCard, needChart, trendChart } from './charts';
import type { ProgrammeResults, ProgrammeSummary } from './data/innovation-programme';
import { SUMMARY_NEEDS } from './data/programme-availability';
import { publishProgramme } from './data/programme-suppression';
import { figureText } from './figure-text';
import { isHiddenVillage, MAP_THEMES, type MapTheme, themeFills } from './map-themes';

interface ProgrammeProps {
  programme: ProgrammeResults;
  villages: VillageStats[];
  footer: string;
}

/** Programme results from the loaded data: figures, needs, trend, kecamatan and the village map. */
export function ProgrammePanel({ programme, villages, footer }: ProgrammeProps) {
  const { boundaries, config } = useLoadedData();
  const { t } = useTranslation();
  const f = useFormat();
  const published = useMemo(() => publishProgramme(programme), [programme]);
  const { summary, needs, months, districts } = published;
  const hidden = t('suppression.hidden');
  const tables = useTableStatus();
  const figure = (key: keyof ProgrammeSummary, format: (n: number) => string) =>
    published.summary[key] === null && programme.summary[key] !== null
      ? hidden
      : figureText(programme.summary[key] as number | null, SUMMARY_NEEDS[key], tables, format, t);
  const [theme, setTheme] = useState<MapTheme>('coverage');
  const [zoom, setZoom] = useState(9);
  const [hover, setHover] = useState<{ x: number; y: number; code: string } | null>(null);

  const fills = useMemo(
    () =>
      themeFills(
        villages,
        theme,
        { noData: t('legend.noData'), suppressed: t('mapSheet.suppressedLegend') },
        f.fixed,
      ),
    [villages, theme, t, f],
  );
  const onHover = useCallback((info: PickingInfo<Feature>) => {
    const code = info.object?.properties?.village_code;
    setHover(code ? { x: info.x, y: info.y, code: String(code) } : null);
  }, []);
  const markReady = useCallback(() => setDocumentState('ready'), []);
  const style = useMemo(
    () => baseStyle({ ...boundaries, basemap: config.basemap }),
    [boundaries, config.basemap],
  );
  const layers = useMemo(
    () => [
      ...villageFillLayer({
        villages: boundaries.villages,
        fillByCode: fills.fillByCode,
        noDataColor: NO_DATA_COLOR,
        onHover,
      }),
      ...villageLabelLayers(boundaries.villageLabels, zoom),
    ],
    [boundaries, fills, onHover, zoom],
  );
  const hovered = hover ? villages.find((v) => v.village_code === hover.code) : undefined;
  const hoveredSuppressed = hovered ? isHiddenVillage(hovered) : false;

  const dash = (n: number | null, fmt: (x: number) => string) => (n === null ? hidden : fmt(n));
  const kpis: [string, string, string][] = [
    ['agents', t('innovation.programme.agents'), figure('agents_active', f.int)],
    ['families', t('innovation.programme.families'), figure('families_reached', f.int)],
    ['coverage', t('innovation.programme.coverage'), figure('coverage_pct', f.pct)],
    ['reported', t('innovation.programme.reported'), figure('cases_reported', f.int)],
    ['resolved', t('innovation.programme.resolved'), figure('cases_resolved', f.int)],
    [
      'median',
      t('innovation.programme.medianDays'),
      figure('median_days', (n) => t('innovation.programme.days', { n: f.int(n) })),
    ],
  ];

  return (
    <div className="programme">
      <section className="card">
        <h3>{t('innovation.programme.title')}</h3>
        <div className="kpis wide" data-testid="programme-kpis">
          {kpis.map(([id, label, value]) => (
            <div className="kpi" key={id} data-testid={`kpi-${id}`}>
              <span className="label">{label}</span>
              <span className="value">{value}</span>
            </div>
          ))}
        </div>
        <MissingTablesNote needs={['agents', 'cases']} />
        <p className="muted small">
          {t('innovation.programme.period', {
            from: programme.summary.first_report ?? '–',
            to: programme.summary.last_report ?? '–',
            households: dash(summary.households, f.int),
          })}
        </p>
      </section>

      <section className="card map-card">
        <header>
          <h3>{t('innovation.programme.mapTitle')}</h3>
          <Segmented
            label={t('innovation.programme.mapTitle')}
            options={MAP_THEMES}
            value={theme}
            onChange={setTheme}
            optionLabel={(m) => t(`innovation.map.${m}`)}
            testIdPrefix="theme"
          />
        </header>
        <div className="map-wrap programme-map">
          <MapCanvas
            style={style}
            layers={layers}
            districtNames={boundaries.districtLabels}
            onView={(v) => setZoom(v.zoom)}
            onDrawn={markReady}
            ariaLabel={t('innovation.programme.mapTitle')}
          />
          <div className="map-legend-float">
            <Legend
              title={
                theme === 'coverage' && tables.agents === 'missing'
                  ? `${t('innovation.map.coverageLegend')}: ${t('storage.unavailable_agents')}`
                  : t(`innovation.map.${theme}Legend`)
              }
              items={fills.legend}
            />
          </div>
          {hover && hovered && (
            <div className="tooltip" data-testid="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
              <strong>{hovered.village_name}</strong>
              <div className="muted">{t('tooltip.district', { name: isolate(hovered.district_name) })}</div>
              {hoveredSuppressed ? (
                <p>{t('innovation.privacy.suppressed')}</p>
              ) : (
                <dl>
                  <dt>{t('tooltip.households')}</dt>
                  <dd>{f.int(hovered.households)}</dd>
                  <dt>{t('tooltip.coverage')}</dt>
                  <dd>{figureText(hovered.coverage_pct, ['agents'], tables, f.pct, t)}</dd>
                  <dt>{t('innovation.map.needRate')}</dt>
                  <dd>{hovered.need_rate === null ? '–' : f.dec(hovered.need_rate)}</dd>
                </dl>
              )}
            </div>
          )}
        </div>
      </section>

      <div className="two-col">
        <ChartCard
          title={t('innovation.programme.needsTitle')}
          fileName="kebutuhan-per-kategori.png"
          footer={footer}
          testId="needs-chart"
        >
          {needChart(needs, t, f.int)}
        </ChartCard>
        <ChartCard
          title={t('innovation.programme.trendTitle')}
          fileName="tren-bulanan.png"
          footer={footer}
          testId="trend-chart"
        >
          {trendChart(
            months,
            {
              reported: t('innovation.programme.reported'),
              resolved: t('innovation.programme.resolved'),
              hidden,
            },
            f.int,
          )}
        </ChartCard>
      </div>

      <section className="card">
        <h3>{t('innovation.programme.needsTitle')}</h3>
        <table className="data-table" data-testid="needs-table">
          <thead>
            <tr>
              <th className="text">{t('innovation.programme.need')}</th>
              <th>{t('innovation.programme.reported')}</th>
              <th>{t('innovation.programme.resolved')}</th>
              <th>{t('innovation.programme.resolvedPct')}</th>
              <th>{t('innovation.programme.medianDays')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.need}>
                <td className="text">{t(`measure.${n.need}`, n.need)}</td>
                <td>{dash(n.reported, f.int)}</td>
                <td>{dash(n.resolved, f.int)}</td>
                <td>
                  {n.suppressed
                    ? hidden
                    : n.reported && n.resolved !== null
                      ? f.pct((100 * n.resolved) / n.reported)
                      : '–'}
                </td>
                <td>{n.suppressed ? hidden : n.median_days === null ? '–' : f.int(n.median_days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <ChannelResults districts={programme.districts} months={programme.months} />

      <section className="card">
        <h3>{t('innovation.programme.districtsTitle')}</h3>
        <table className="data-table" data-testid="districts-table">
          <thead>
            <tr>
              <th className="text">{t('innovation.programme.district')}</th>
              <th>{t('innovation.programme.households')}</th>
              <th>{t('innovation.programme.families')}</th>
              <th>{t('innovation.programme.agents')}</th>
              <th>{t('innovation.programme.coverage')}</th>
              <th>{t('innovation.programme.reported')}</th>
              <th>{t('innovation.programme.resolved')}</th>
              <th>{t('innovation.programme.medianDays')}</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.district_code}>
                <td className="text">{d.district_name}</td>
                <td>{dash(d.households, f.int)}</td>
                <td>{dash(d.families_reached, f.int)}</td>
                <td>{dash(d.agents_active, f.int)}</td>
                <td>{d.suppressed ? hidden : dash(d.coverage_pct, f.pct)}</td>
                <td>{dash(d.reported, f.int)}</td>
                <td>{dash(d.resolved, f.int)}</td>
                <td>{d.suppressed ? hidden : d.median_days === null ? '–' : f.int(d.median_days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('suppression.note')}</p>
      </section>
    </div>
  );
}
