import { useTranslation } from 'react-i18next';
import type { RegencySummary, VillageCoverage } from '../../core/cube/overview';
import type { TableLoad } from '../../core/sql/load-table';
import { MissingTablesNote, useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';

interface SummaryPanelProps {
  summary: RegencySummary;
  villages: VillageCoverage[];
  /** The coverage rule of the figures (household-status.ts): distance limit and visit window. */
  thresholdM: number;
  visitDays: number;
  loads: TableLoad[];
}

const WORST_COUNT = 5;

/** Regency figures (all from SQL) and the villages with the lowest coverage. */
export function SummaryPanel({ summary, villages, thresholdM, visitDays, loads }: SummaryPanelProps) {
  const { t } = useTranslation();
  const f = useFormat();
  // Agent and case figures of a dataset without those tables say so, instead of the 0 of an empty table.
  const na = useUnavailable();
  const km = f.limitKm(thresholdM);
  // Without visit dates "terjangkau" cannot be told: the ranking uses the distance-only share, and says so.
  const visits = summary.visits_recorded;
  const share = (v: VillageCoverage) =>
    visits ? v.coverage_pct : v.households > 0 ? (100 * v.near) / v.households : null;
  const worst = (na(['agents']) ? [] : villages)
    .map((v) => ({ ...v, share: share(v) }))
    .filter((v) => v.share !== null)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0))
    .slice(0, WORST_COUNT);
  const figures: [string, string, string][] = [
    ['villages', t('summary.villages'), f.int(summary.villages)],
    ['districts', t('summary.districts'), f.int(summary.districts)],
    ['households', t('summary.households'), f.int(summary.households)],
    ['agents', t('summary.agents'), na(['agents']) ?? f.int(summary.agents)],
    ['with-agent', t('summary.withAgent'), na(['agents']) ?? f.int(summary.with_agent)],
    ['cases', t('summary.cases'), na(['cases']) ?? f.int(summary.cases)],
    ['resolved', t('summary.resolved'), na(['cases']) ?? f.int(summary.cases_resolved)],
  ];
  return (
    <section className="summary" data-testid="coverage-summary" aria-label={t('summary.title')}>
      <h3>{t('summary.title')}</h3>
      <div className="headline" title={t('summary.coverageHelp', { km, days: visitDays })}>
        <span className="big" data-testid="coverage-pct">
          {na(['agents']) ?? (visits ? f.pct(summary.coverage_pct) : t('summary.noVisitDates'))}
        </span>
        <span>{t('summary.coverage', { km, days: visitDays })}</span>
      </div>
      <p className="muted" data-testid="near-pct">
        {t('summary.near', { km })}: {na(['agents']) ?? f.pct(summary.near_pct)}
      </p>
      <dl className="figures">
        {figures.map(([id, label, value]) => (
          <div key={id} data-testid={`figure-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.households_unknown_village > 0 && (
        <p className="warning">
          {t('summary.unknownVillage')}: {f.int(summary.households_unknown_village)}
        </p>
      )}
      {loads
        .filter((l) => l.rejected > 0)
        .map((l) => (
          <p className="warning" key={l.table}>
            {t('summary.rejected', { count: l.rejected, table: t(`table.table_${l.table}`) })}
          </p>
        ))}
      <MissingTablesNote needs={['agents', 'cases']} />
      <h4>{visits ? t('summary.worstCoverage') : t('summary.worstNear', { km })}</h4>
      <ol className="ranking" data-testid="worst-coverage">
        {worst.map((v) => (
          <li key={v.village_code}>
            <span>
              {v.village_name} <span className="muted">({v.district_name})</span>
            </span>
            <span>{f.pct(v.share)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
