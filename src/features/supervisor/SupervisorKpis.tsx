import { useTranslation } from 'react-i18next';
import type { CoverageTotals } from '../../core/coverage-engine';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';

interface SupervisorKpisProps {
  totals: CoverageTotals;
  minFamilies: number;
  maxFamilies: number;
}

/** The supervisor's key figures: coverage, households without or far from an agent, agents' loads. */
export function SupervisorKpis({ totals, minFamilies, maxFamilies }: SupervisorKpisProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  return (
    <div className="kpis" data-testid="supervisor-kpis">
      {(
        [
          ['supervisor-coverage', t('supervisor.coverage'), f.pct(totals.coveragePct), false],
          ['kpi-no-agent', t('supervisor.noAgent'), f.int(totals.noAgent), true],
          ['kpi-far', t('supervisor.far'), f.int(totals.far), true],
          [
            'kpi-below',
            t('supervisor.agentsBelow', { min: minFamilies }),
            f.int(totals.agentsBelowMin),
            false,
          ],
          [
            'kpi-above',
            t('supervisor.agentsAbove', { max: maxFamilies }),
            f.int(totals.agentsAboveCap),
            false,
          ],
          [
            'kpi-needing',
            t('supervisor.householdsNeeding'),
            f.int(totals.households - totals.covered),
            false,
          ],
        ] as const
      ).map(([testId, label, value, bad]) => (
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
