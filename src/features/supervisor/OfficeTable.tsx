import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTables } from '../../core/export/download';
import { ExportButtons } from '../../core/ui/ExportButtons';
import { rowActivation } from '../../core/ui/row-activation';
import { SortableHead, useSort } from '../../core/ui/SortableHead';
import type { SortDirection } from '../../core/ui/sort-rows';
import { useExportAbout } from '../../core/ui/use-export-about';
import { useFormat } from '../../core/ui/use-format';
import { OFFICE_EXPORT_KEYS, officeExport } from './agent-export';
import {
  type AgentRow,
  type OfficeRow,
  type OfficeSortKey,
  officeRollup,
  sortOfficeRows,
} from './agent-list';

const COLUMNS: readonly OfficeSortKey[] = [
  'office',
  'activeAgents',
  'families',
  'coveragePct',
  'visitedPct',
  'neverVisited',
  'belowMin',
  'aboveCap',
];
const VISIT_COLUMNS = new Set<OfficeSortKey>(['coveragePct', 'visitedPct', 'neverVisited']);
/** Names A→Z and shares worst first; counts largest first. */
const firstDirection = (key: OfficeSortKey): SortDirection =>
  key === 'office' || key === 'coveragePct' || key === 'visitedPct' ? 'asc' : 'desc';

interface OfficeTableProps {
  agents: readonly AgentRow[];
  thresholdM: number;
  visitDays: number;
  visitsRecorded: boolean;
  minFamilies: number;
  maxFamilies: number;
  /** Opens the agent list filtered to one office. */
  onOffice: (office: string) => void;
}

/** Roll-up by office (OPD): each office head sees their staff's load, coverage and visits. */
export function OfficeTable(props: OfficeTableProps) {
  const { agents, thresholdM, visitDays, visitsRecorded, minFamilies, maxFamilies, onOffice } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const about = useExportAbout();
  const [sort, toggleSort] = useSort<OfficeSortKey>(
    visitsRecorded ? { key: 'coveragePct', direction: 'asc' } : { key: 'families', direction: 'desc' },
    firstDirection,
  );
  const offices = useMemo(() => officeRollup(agents), [agents]);
  const rows = useMemo(() => sortOfficeRows(offices, sort.key, sort.direction), [offices, sort]);
  const columns = COLUMNS.filter((c) => visitsRecorded || !VISIT_COLUMNS.has(c));
  const km = f.limitKm(thresholdM);
  const header = (key: OfficeSortKey | (typeof OFFICE_EXPORT_KEYS)[number]) =>
    t(`supervisor.officeCol.${key}`, { km, days: visitDays, min: minFamilies, max: maxFamilies });

  const cell = (o: OfficeRow, key: OfficeSortKey): string => {
    const v = o[key];
    if (key === 'office') return o.office ?? t('supervisor.unknownOffice');
    if (v === null || typeof v !== 'number') return '–';
    return key === 'coveragePct' || key === 'visitedPct' ? f.pct(v) : f.int(v);
  };

  const exportTable = (format: 'csv' | 'xlsx') => {
    const table = officeExport(
      rows,
      Object.fromEntries(OFFICE_EXPORT_KEYS.map((k) => [k, header(k)])) as Record<
        (typeof OFFICE_EXPORT_KEYS)[number],
        string
      >,
      t('supervisor.unknownOffice'),
    );
    return downloadTables(
      'rekap-opd',
      format,
      [{ name: t('supervisor.tabOffices'), ...table }],
      about(t('supervisor.officeTitle'), [
        [t('supervisor.threshold'), `${km} km`],
        [t('supervisor.visitDays'), t('supervisor.days', { n: f.int(visitDays) })],
      ]),
    );
  };

  return (
    <section data-testid="office-table">
      <h4>
        {t('supervisor.officeTitle')} ({f.int(rows.length)})
      </h4>
      <p className="muted">{t('supervisor.officeHint')}</p>
      <ExportButtons testIdPrefix="offices-export-" onExport={exportTable} />
      <div className="table-scroll">
        <table className="data-table">
          <SortableHead
            columns={columns}
            sort={sort}
            onSort={toggleSort}
            label={header}
            isText={(key) => key === 'office'}
            testIdPrefix="office-sort-"
          />
          <tbody>
            {rows.map((o) => (
              <tr
                key={o.office ?? ''}
                data-testid="office-row"
                className={o.office ? 'clickable' : ''}
                {...(o.office ? rowActivation(() => onOffice(o.office as string)) : {})}
              >
                {columns.map((key) => (
                  <td
                    key={key}
                    className={key === 'office' ? 'text' : ''}
                    lang={key === 'office' && o.office ? 'id' : undefined}
                  >
                    {cell(o, key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
