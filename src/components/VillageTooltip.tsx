import { useTranslation } from 'react-i18next';
import type { VillageStats } from '../data/queries';
import { isolate } from './bidi';
import { useFormat } from './use-format';

interface VillageTooltipProps {
  x: number;
  y: number;
  stats: VillageStats;
  measureLabel: string;
}

/** Hover card of a village: where it is and its key figures. */
export function VillageTooltip({ x, y, stats, measureLabel }: VillageTooltipProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: x + 12, top: y + 12 }}>
      <strong>{stats.village_name}</strong>
      <div className="muted">{t('tooltip.district', { name: isolate(stats.district_name) })}</div>
      <dl>
        <dt>{t('tooltip.households')}</dt>
        <dd>{f.int(stats.households)}</dd>
        <dt>{measureLabel}</dt>
        <dd>
          {stats.need_rate === null
            ? t('tooltip.noData')
            : `${f.int(stats.need_count)} · ${t('tooltip.rate', { value: f.dec(stats.need_rate) })}`}
        </dd>
        <dt>{t('tooltip.coverage')}</dt>
        <dd>{f.pct(stats.coverage_pct)}</dd>
        <dt>{t('tooltip.residentAgents')}</dt>
        <dd>{f.int(stats.resident_agents)}</dd>
      </dl>
    </div>
  );
}
