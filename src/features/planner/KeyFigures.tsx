import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import type { PlannerTotals, PlannerUnit } from './data/planner-queries';

interface KeyFiguresProps {
  totals: PlannerTotals;
  score: boolean;
  unit: PlannerUnit;
}

/** Figures of the filtered households: the same SQL as the map and the table. */
export const KeyFigures = memo(function KeyFigures({ totals, score }: KeyFiguresProps) {
  const { t } = useTranslation();
  const f = useFormat();
  // Coverage needs the agents, the case counts the cases: a missing table shows "not available", never 0.
  const na = useUnavailable();
  const count = score ? f.dec(totals.count) : f.int(totals.count);
  const figures: [string, string, string][] = [
    ['households', t('planner.figures.households'), f.int(totals.households)],
    ['count', t(score ? 'planner.figures.scoreSum' : 'planner.figures.withNeed'), count],
    ['rate', t('planner.figures.rate'), totals.rate === null ? '–' : f.dec(totals.rate)],
    ['coverage', t('planner.figures.coverage'), na(['agents'], true) ?? f.pct(totals.coverage_pct)],
    ['villages', t('planner.figures.villagesWithNeed'), f.int(totals.villages_with_need)],
    ['reported', t('planner.figures.reported'), na(['cases']) ?? f.int(totals.cases_reported)],
    ['resolved', t('planner.figures.resolved'), na(['cases']) ?? f.int(totals.cases_resolved)],
    ['open', t('planner.figures.open'), na(['cases']) ?? f.int(totals.cases_open)],
  ];
  return (
    <section
      className="summary planner-figures"
      data-testid="planner-figures"
      aria-label={t('planner.figures.title')}
    >
      <h3>{t('planner.figures.title')}</h3>
      <dl className="figures">
        {figures.map(([id, label, value]) => (
          <div key={id} data-testid={`planner-figure-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
