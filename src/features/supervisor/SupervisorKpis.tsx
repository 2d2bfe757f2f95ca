import { useTranslation } from 'react-i18next';
import type { CoverageTotals } from '../../core/coverage-engine';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';

interface SupervisorKpisProps {
  totals: CoverageTotals;
  thresholdM: number;
  visitDays: number;
  /** The day visit ages are counted to (YYYY-MM-DD). */
  visitReference: string | null;
  minFamilies: number;
  maxFamilies: number;
}

/**
 * The supervisor's key figures: effective coverage (near and visited) with the distance-only figure on a
 * second line, households without an agent, far, not visited, and agents' loads.
 */
export function SupervisorKpis(props: SupervisorKpisProps) {
  const { totals, thresholdM, visitDays, visitReference, minFamilies, maxFamilies } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  const km = f.limitKm(thresholdM);
  // Without visit dates nobody can be called terjangkau or belum dikunjungi: say so, never 0 %.
  const noVisits = totals.visitsRecorded ? null : t('supervisor.visitsNotRecorded');
  const figures: [string, string, string, boolean][] = [
    ['kpi-no-agent', t('supervisor.noAgent'), f.int(totals.noAgent), true],
    ['kpi-far', t('supervisor.far'), f.int(totals.far), true],
    [
      'kpi-unvisited',
      t('supervisor.unvisited', { days: visitDays }),
      noVisits ?? f.int(totals.unvisited),
      true,
    ],
    ...(totals.visitUnknown > 0
      ? [
          ['kpi-visit-unknown', t('supervisor.visitUnknown'), f.int(totals.visitUnknown), false] as [
            string,
            string,
            string,
            boolean,
          ],
        ]
      : []),
    ['kpi-below', t('supervisor.agentsBelow', { min: minFamilies }), f.int(totals.agentsBelowMin), false],
    ['kpi-above', t('supervisor.agentsAbove', { max: maxFamilies }), f.int(totals.agentsAboveCap), false],
    ['kpi-needing', t('supervisor.householdsNeeding'), f.int(totals.households - totals.near), false],
  ];
  return (
    <div className="kpis" data-testid="supervisor-kpis">
      <div className="kpi headline-kpi">
        <span className="label">{t('supervisor.coverageEffective', { km, days: visitDays })}</span>
        <span className="value" data-testid="supervisor-coverage">
          {na(['agents']) ?? noVisits ?? f.pct(totals.coveragePct)}
        </span>
        <span className="sub" data-testid="supervisor-near">
          {t('supervisor.nearShare', { km })}: {na(['agents']) ?? f.pct(totals.nearPct)}
        </span>
        {visitReference && totals.visitsRecorded && (
          <span className="sub" data-testid="visit-reference">
            {t('supervisor.visitReference', { date: f.date(visitReference) })}
          </span>
        )}
      </div>
      {figures.map(([testId, label, value, bad]) => (
        <div key={testId} className={bad ? 'kpi bad' : 'kpi'}>
          <span className="label">{label}</span>
          <span className="value" data-testid={testId}>
            {na(['agents']) ?? value}
          </span>
        </div>
      ))}
    </div>
  );
}
