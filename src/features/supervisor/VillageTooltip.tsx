import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../core/ui/bidi';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import type { AreaRow } from './coverage-rows';

interface VillageTooltipProps {
  row: AreaRow;
  x: number;
  y: number;
  visitsRecorded: boolean;
}

/** The figures of the village under the pointer: households, coverage (effective and by distance), distances. */
export function VillageTooltip({ row, x, y, visitsRecorded }: VillageTooltipProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  const figures: [string, string][] = [
    [
      t('supervisor.col.coveragePct'),
      visitsRecorded ? f.pct(row.coveragePct) : t('supervisor.visitsNotRecorded'),
    ],
    [t('supervisor.col.nearPct'), f.pct(row.nearPct)],
    [t('supervisor.col.unvisited'), f.int(row.unvisited)],
    [t('supervisor.col.needingAgent'), f.int(row.needingAgent)],
    [t('supervisor.col.medianM'), row.medianM === null ? '–' : `${f.int(row.medianM)} m`],
    [t('supervisor.col.residentAgents'), f.int(row.residentAgents)],
  ];
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: x + 12, top: y + 12 }}>
      <strong>{row.name}</strong>
      <div className="muted">{t('tooltip.district', { name: isolate(row.districtName) })}</div>
      <dl>
        <dt>{t('supervisor.col.households')}</dt>
        <dd>{f.int(row.households)}</dd>
        {figures.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            {/* Without agent data each figure says "not available", never 0. */}
            <dd>{na(['agents']) ?? value}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}
