import { useTranslation } from 'react-i18next';
import { sessionPolicy } from '../../core/privacy/privacy';
import { isolate } from '../../core/ui/bidi';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import type { AreaStat, HouseholdCard } from './data/planner-queries';

interface AreaTooltipProps {
  x: number;
  y: number;
  stat: AreaStat;
  level: 'village' | 'district';
  measureLabel: string;
  valueText: string;
}

/** Hover card of a village or kecamatan. */
export function AreaTooltip({ x, y, stat, level, measureLabel, valueText }: AreaTooltipProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: x + 12, top: y + 12 }}>
      <strong>
        {level === 'district' ? t('tooltip.district', { name: isolate(stat.name) }) : stat.name}
      </strong>
      {level === 'village' && (
        <div className="muted">{t('tooltip.district', { name: isolate(stat.district_name) })}</div>
      )}
      <dl>
        <dt>{t('tooltip.households')}</dt>
        <dd>{f.int(stat.households)}</dd>
        <dt>{measureLabel}</dt>
        <dd>{valueText}</dd>
        <dt>{t('planner.col.rate')}</dt>
        <dd>{stat.rate === null ? t('tooltip.noData') : f.dec(stat.rate)}</dd>
        <dt>{t('planner.figures.coverage')}</dt>
        <dd>{na(['agents']) ?? f.pct(stat.coverage_pct)}</dd>
      </dl>
      {level === 'district' && <div className="muted">{t('planner.tooltip.drill')}</div>}
    </div>
  );
}

/** Hover card of one household: its pseudonym, no name. */
export function HouseholdTooltip({ x, y, card }: { x: number; y: number; card: HouseholdCard }) {
  const { t } = useTranslation();
  const na = useUnavailable();
  const needs = card.needs ? card.needs.split(',').filter(Boolean) : [];
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: x + 12, top: y + 12 }}>
      <strong data-testid="household-id">{sessionPolicy().pseudonym('household', card.household_id)}</strong>
      <div>{card.village_name}</div>
      <div className="muted">{t('tooltip.district', { name: isolate(card.district_name) })}</div>
      <dl>
        <dt>{t('planner.filters.decile')}</dt>
        <dd>{card.decile ?? '–'}</dd>
        <dt>{t('planner.filters.agent')}</dt>
        <dd>{na(['agents']) ?? t(`planner.agent.${card.agent_kind ?? 'none'}`)}</dd>
        <dt>{t('planner.figures.coverage')}</dt>
        <dd>{na(['agents']) ?? (card.covered ? '✓' : '✗')}</dd>
        <dt>{t('measure.label')}</dt>
        <dd>{needs.length ? needs.map((n) => t(`measure.${n}`)).join(', ') : '–'}</dd>
      </dl>
    </div>
  );
}
