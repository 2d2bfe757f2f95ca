import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTables } from '../../core/export/download';
import type { ExportAbout, ExportColumn } from '../../core/export/table-export';
import { blankHiddenAreas } from '../../core/privacy/area-suppression';
import { rowActivation } from '../../core/ui/row-activation';
import { useTableStatus } from '../../core/ui/table-status';
import { useExportAbout } from '../../core/ui/use-export-about';
import { useFormat } from '../../core/ui/use-format';
import type { AreaStat, PlannerUnit } from './data/planner-queries';
import {
  type ColumnFilter,
  filterSortRows,
  parseNumberFilter,
  parseTextFilter,
  type SortDirection,
} from './planner-table';

export interface AreaRow extends AreaStat {
  /** The measure in the chosen unit (what the map classifies). */
  value: number | null;
  /** `value` as the legend writes it (its decimals), so it reads inside the class of its colour. */
  valueText?: string;
  color: string;
}

type Key = 'name' | 'district_name' | 'households' | 'count' | 'rate' | 'density' | 'coverage_pct' | 'value';
const NUMERIC: readonly Key[] = ['households', 'count', 'rate', 'density', 'coverage_pct'];
const TEXT = new Set<Key>(['name', 'district_name']);

interface AreaTableProps {
  rows: AreaRow[];
  /** Codes of the areas whose figures exports leave blank (small groups and those hidden with them). */
  hiddenCodes: () => Promise<ReadonlySet<string>>;
  level: 'village' | 'district';
  selectedCode: string | null;
  fileStem: string;
  score: boolean;
  unit: PlannerUnit;
  /** A line above the table saying what its numbers are when it is not obvious (a comparison). */
  caption?: string | null;
  /** What an export of the table contains (measure, level, classification, filters), for its first lines. */
  contents: string;
  settings: ExportAbout;
  onSelect: (row: AreaRow) => void;
}

/** Villages or kecamatan: sortable, filterable with >, <, >=, <= and ranges, exportable. */
export const AreaTable = memo(function AreaTable({
  rows,
  hiddenCodes,
  level,
  selectedCode,
  fileStem,
  score,
  unit,
  caption,
  contents,
  settings,
  onSelect,
}: AreaTableProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const about = useExportAbout();
  const [sort, setSort] = useState<{ key: Key; direction: SortDirection }>({
    key: 'value',
    direction: 'desc',
  });
  const [texts, setTexts] = useState<Partial<Record<Key, string>>>({});
  const [internal, setInternal] = useState(false);
  const filters = useMemo(() => {
    const out: Record<string, ColumnFilter | null | undefined> = {};
    for (const [k, text] of Object.entries(texts))
      out[k] = TEXT.has(k as Key) ? parseTextFilter(text ?? '') : parseNumberFilter(text ?? '');
    return out;
  }, [texts]);
  const shown = useMemo(
    () => filterSortRows(rows, filters, sort.key, sort.direction, f.locale),
    [rows, filters, sort, f.locale],
  );
  // The unit of the map is shown once (as the map value), on screen and in exports; coverage is left out
  // without agent data, where it would read 0 everywhere (the key figures say why it is absent).
  const noAgents = useTableStatus().agents === 'missing';
  const all: Key[] = [
    'name',
    ...(level === 'village' ? (['district_name'] as const) : []),
    'value',
    ...NUMERIC.filter((k) => !(noAgents && k === 'coverage_pct')),
  ];
  const columns = all.filter((k) => k !== unit);

  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!selectedCode) return;
    body.current?.querySelector(`tr[data-code="${selectedCode}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedCode]);

  const header = (k: Key) => t(`planner.col.${k}`);
  // The map's value is headed by its unit; its swatch gives the map colour.
  const columnTitle = (k: Key) => (k === 'value' ? header(unit) : header(k));
  const cell = (row: AreaRow, k: Key): string => {
    const v = row[k];
    if (v === null || v === undefined) return '–';
    if (typeof v === 'string') return v;
    if (k === 'value' && row.valueText !== undefined) return row.valueText;
    if (k === 'households' || (k === 'count' && !score)) return f.int(v);
    if (k === 'coverage_pct') return f.pct(v);
    return f.dec(v);
  };
  // The file has the screen's columns (the map value headed by its unit, no second copy of that unit), rounded
  // as the screen writes them. An internal file (small groups not hidden) says so in its first column's title.
  const decimals = (k: Key): number | undefined =>
    TEXT.has(k)
      ? undefined
      : k === 'households' || (!score && (k === 'count' || (k === 'value' && unit === 'count')))
        ? 0
        : 1;
  const exportColumns = (unsuppressed: boolean): ExportColumn[] => [
    {
      key: 'code',
      header: unsuppressed
        ? t('planner.table.internalHeader', { header: t('planner.col.code') })
        : t('planner.col.code'),
      kind: 'text',
    },
    ...columns.map((k) => ({
      key: k,
      header: columnTitle(k),
      kind: TEXT.has(k) ? ('text' as const) : ('number' as const),
      decimals: decimals(k),
    })),
  ];
  // Hidden areas are blanked in exports unless the user says this one file stays internal (the choice is reset
  // after each file). Filters and the order apply to the blanked figures, so neither which rows are exported
  // nor where a hidden row stands tells anything about its figures.
  const exportFile = async (format: 'csv' | 'xlsx') => {
    const unsuppressed = internal;
    setInternal(false);
    const rowsOut = (unsuppressed
      ? shown
      : filterSortRows(
          blankHiddenAreas(rows, await hiddenCodes()),
          filters,
          sort.key,
          sort.direction,
          f.locale,
        )) as unknown as Record<string, unknown>[];
    const name = `${fileStem}${unsuppressed ? `-${t('planner.table.internalTag')}` : ''}`;
    const columnsOut = exportColumns(unsuppressed);
    await downloadTables(
      name,
      format,
      [{ name: t('planner.tabs.table'), columns: columnsOut, rows: rowsOut }],
      about(contents, [...settings, ...(caption ? ([[t('planner.table.note'), caption]] as const) : [])]),
    );
  };

  return (
    <section className="area-table" data-testid="area-table">
      {caption && (
        <p className="warning" data-testid="table-caption">
          {caption}
        </p>
      )}
      <div className="toolbar">
        <span className="muted" data-testid="area-count">
          {t('planner.table.rows', { count: shown.length, total: rows.length })}
        </span>
        <button type="button" data-testid="export-csv" onClick={() => void exportFile('csv')}>
          CSV
        </button>
        <button type="button" data-testid="export-xlsx" onClick={() => void exportFile('xlsx')}>
          XLSX
        </button>
        <label className="muted" title={t('planner.table.internalHelp')}>
          <input
            type="checkbox"
            data-testid="export-internal"
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
          />{' '}
          {t('planner.table.internal')}
        </label>
      </div>
      <p className="muted">{t('planner.table.filterHelp')}</p>
      {!internal && <p className="muted small">{t('suppression.exportNote')}</p>}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((k) => (
                <th
                  key={k}
                  className={TEXT.has(k) ? 'text' : ''}
                  data-testid={`sort-${k}`}
                  aria-sort={
                    sort.key === k ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                  onClick={() =>
                    setSort((s) =>
                      s.key === k
                        ? { key: k, direction: s.direction === 'asc' ? 'desc' : 'asc' }
                        : { key: k, direction: TEXT.has(k) ? 'asc' : 'desc' },
                    )
                  }
                >
                  {columnTitle(k)}
                  {sort.key === k ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </th>
              ))}
            </tr>
            <tr className="filter-row">
              {columns.map((k) => (
                <th key={k}>
                  <input
                    type="text"
                    data-testid={`filter-${k}`}
                    aria-label={t('planner.table.filterOf', { column: header(k) })}
                    className={texts[k] && filters[k] === undefined ? 'invalid' : ''}
                    placeholder={TEXT.has(k) ? t('planner.table.search') : '> 0'}
                    value={texts[k] ?? ''}
                    onChange={(e) => setTexts((s) => ({ ...s, [k]: e.target.value }))}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((row) => (
              <tr
                key={row.code}
                data-code={row.code}
                data-testid="area-row"
                className={`clickable${row.code === selectedCode ? ' selected' : ''}`}
                aria-selected={row.code === selectedCode}
                {...rowActivation(() => onSelect(row))}
              >
                {columns.map((k) => (
                  <td key={k} className={TEXT.has(k) ? 'text' : ''}>
                    {k === 'value' && <span className="swatch mini" style={{ background: row.color }} />}
                    {cell(row, k)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
