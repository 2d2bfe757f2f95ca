import { useTranslation } from 'react-i18next';
import { COVERAGE_BREAKS, COVERAGE_RAMP, NO_DATA_COLOR, STATUS_COLORS } from '../../core/map/palette';
import { FoldingLegend } from '../../core/ui/FoldingLegend';
import { Legend } from '../../core/ui/Legend';
import { Segmented } from '../../core/ui/Segmented';
import { useTableStatus, useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { BivariateLegend } from './BivariateLegend';

export const MAP_MODES = ['coverage', 'bivariate'] as const;
export type MapMode = (typeof MAP_MODES)[number];

export const COVERAGE_INTERVALS = COVERAGE_BREAKS.slice(0, -1).map((from, i) => ({
  from,
  to: COVERAGE_BREAKS[i + 1] as number,
}));

interface SupervisorLegendProps {
  mode: MapMode;
  onMode: (mode: MapMode) => void;
  thresholdM: number;
  visitDays: number;
  /** False when the dataset records no visit dates (the coverage map then shows the distance-only share). */
  visitsRecorded: boolean;
  minFamilies: number;
  maxFamilies: number;
}

/** The supervision map's legend: the map mode, coverage classes or the bivariate key, and the status key. */
export function SupervisorLegend({
  mode,
  onMode,
  thresholdM,
  visitDays,
  visitsRecorded,
  minFamilies,
  maxFamilies,
}: SupervisorLegendProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  const noAgents = useTableStatus().agents === 'missing';
  const km = f.limitKm(thresholdM);
  return (
    <FoldingLegend toggleTestId="supervisor-legend-toggle">
      <Segmented
        label={t('supervisor.mapMode')}
        options={MAP_MODES}
        value={mode}
        onChange={onMode}
        optionLabel={(m) => t(m === 'coverage' ? 'supervisor.modeCoverage' : 'supervisor.modeBivariate')}
        testIdPrefix="mode"
      />
      {mode === 'coverage' ? (
        <Legend
          title={
            noAgents
              ? `${t('supervisor.coverage')}: ${na(['agents'])}`
              : visitsRecorded
                ? t('supervisor.legendCoverage', { km, days: visitDays })
                : t('supervisor.legendNear', { km })
          }
          items={[
            ...(noAgents ? [] : COVERAGE_INTERVALS).map((iv, k) => ({
              color: COVERAGE_RAMP[k] as string,
              label:
                k === COVERAGE_INTERVALS.length - 1 ? `${iv.from} – ${iv.to} %` : `${iv.from} – < ${iv.to} %`,
            })),
            { color: NO_DATA_COLOR, label: t('legend.noData') },
          ]}
        />
      ) : (
        <BivariateLegend
          title={t('supervisor.bivariateTitle')}
          xLabel={t('supervisor.bivariateX')}
          yLabel={t('supervisor.bivariateY')}
          note={t('supervisor.bivariateNote')}
        />
      )}
      <Legend
        testId="status-legend"
        title={t('supervisor.legendStatus')}
        items={[
          { color: STATUS_COLORS.noAgent, label: t('supervisor.noAgent') },
          { color: STATUS_COLORS.far, label: `${t('supervisor.far')} (> ${km} km)` },
          ...(visitsRecorded
            ? [{ color: STATUS_COLORS.unvisited, label: t('supervisor.unvisited', { days: visitDays }) }]
            : []),
          {
            color: STATUS_COLORS.agent,
            label: t('supervisor.agentNormal', { min: minFamilies }),
          },
          {
            color: STATUS_COLORS.agentBelowMin,
            label: t('supervisor.agentBelow', { min: minFamilies }),
          },
          {
            color: STATUS_COLORS.agentAboveCap,
            label: t('supervisor.agentAbove', { max: maxFamilies }),
          },
          { color: STATUS_COLORS.line, label: t('supervisor.lines') },
        ]}
      />
    </FoldingLegend>
  );
}
