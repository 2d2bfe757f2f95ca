/**
 * Results by service channel (kanal layanan) on the Inovasi programme page: per configured channel the cases
 * referred, resolved and still open and the median days, for the regency or one kecamatan, all time or one
 * month; small groups hidden; exportable with the block that says what the file holds.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { downloadTables } from '../../core/export/download';
import { ExportButtons } from '../../core/ui/ExportButtons';
import { MissingTablesNote, useTableStatus } from '../../core/ui/table-status';
import { useAsync } from '../../core/ui/use-async';
import { useExportAbout } from '../../core/ui/use-export-about';
import { useFormat } from '../../core/ui/use-format';
import { type ChannelTable, channelResults, orderChannels } from './data/channel-results';

/** The channel table: on the programme page and, larger, on the presentation's channel slide. */
export function ChannelTableView({
  table,
  className,
  testId,
}: {
  table: ChannelTable;
  className: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const hidden = t('suppression.hidden');
  const n = (v: number | null) => (v === null ? hidden : f.int(v));
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          <th className="text">{t('innovation.channels.channel')}</th>
          <th>{t('innovation.channels.referred')}</th>
          <th>{t('innovation.channels.resolved')}</th>
          <th>{t('innovation.channels.open')}</th>
          <th>{t('innovation.channels.medianDays')}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key ?? '∅'} data-testid="channel-row">
            <td className="text">
              {r.name ?? t('innovation.channels.none')}
              {r.code && r.name !== r.code && <span className="muted"> ({r.code})</span>}
              {!r.listed && r.key !== null && (
                <span className="muted"> · {t('innovation.channels.unlisted')}</span>
              )}
            </td>
            <td>{n(r.referred)}</td>
            <td>{n(r.resolved)}</td>
            <td>{n(r.open)}</td>
            <td>{r.suppressed ? hidden : r.median_days === null ? '–' : f.int(r.median_days)}</td>
          </tr>
        ))}
      </tbody>
      {table.total && (
        <tfoot>
          <tr>
            <td className="text">{t('innovation.channels.total')}</td>
            <td>{f.int(table.total.referred)}</td>
            <td>{f.int(table.total.resolved)}</td>
            <td>{f.int(table.total.open)}</td>
            <td />
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export function ChannelResults({
  districts,
  months,
}: {
  districts: readonly { district_code: string; district_name: string }[];
  months: readonly { month: string }[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const about = useExportAbout();
  const { client, config } = useLoadedData();
  const tables = useTableStatus();
  const [district, setDistrict] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const loaded = tables.cases === 'loaded';
  const { data: rows } = useAsync(
    () => channelResults(client, { district, month }),
    [client, district, month],
    loaded,
  );
  const table = rows ? orderChannels(rows, config.channels) : null;
  const districtName = districts.find((d) => d.district_code === district)?.district_name;

  const exportFile = async (format: 'csv' | 'xlsx') => {
    if (!table) return;
    const label = (r: ChannelTable['rows'][number]) => r.name ?? t('innovation.channels.none');
    await downloadTables(
      'hasil-per-kanal',
      format,
      [
        {
          name: t('innovation.channels.title'),
          columns: [
            { key: 'channel', header: t('innovation.channels.channel'), kind: 'text' },
            { key: 'referred', header: t('innovation.channels.referred'), kind: 'number' },
            { key: 'resolved', header: t('innovation.channels.resolved'), kind: 'number' },
            { key: 'open', header: t('innovation.channels.open'), kind: 'number' },
            { key: 'median_days', header: t('innovation.channels.medianDays'), kind: 'number', decimals: 0 },
          ],
          rows: table.rows.map((r) => ({ ...r, channel: label(r) })),
        },
      ],
      about(t('innovation.channels.title'), [
        [t('innovation.channels.district'), districtName ?? t('innovation.channels.allDistricts')],
        [t('innovation.channels.month'), month ? f.month(month) : t('innovation.channels.allMonths')],
        [t('innovation.channels.note'), `${t('innovation.channels.monthNote')} ${t('suppression.note')}`],
      ]),
    );
  };

  return (
    <section className="card" data-testid="channel-results">
      <h3>{t('innovation.channels.title')}</h3>
      {!loaded ? (
        <MissingTablesNote needs={['cases']} />
      ) : (
        <>
          <div className="toolbar">
            <label className="field">
              {t('innovation.channels.district')}
              <select
                data-testid="channel-district"
                value={district ?? ''}
                onChange={(e) => setDistrict(e.target.value || null)}
              >
                <option value="">{t('innovation.channels.allDistricts')}</option>
                {districts.map((d) => (
                  <option key={d.district_code} value={d.district_code}>
                    {d.district_name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('innovation.channels.month')}
              <select
                data-testid="channel-month"
                value={month ?? ''}
                onChange={(e) => setMonth(e.target.value || null)}
              >
                <option value="">{t('innovation.channels.allMonths')}</option>
                {months.map((m) => (
                  <option key={m.month} value={m.month}>
                    {f.month(m.month)}
                  </option>
                ))}
              </select>
            </label>
            <ExportButtons testIdPrefix="channel-export-" onExport={exportFile} disabled={!table} />
          </div>
          {month && <p className="muted small">{t('innovation.channels.monthNote')}</p>}
          {table && <ChannelTableView table={table} className="data-table" testId="channel-table" />}
          {table?.anyHidden && <p className="muted small">{t('suppression.note')}</p>}
        </>
      )}
    </section>
  );
}
