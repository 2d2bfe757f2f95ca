import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowActivation } from '../../core/ui/row-activation';
import { Segmented } from '../../core/ui/Segmented';
import { SortableHead, useSort } from '../../core/ui/SortableHead';
import { useFormat } from '../../core/ui/use-format';
import { type AreaRow, filterRows, type SortDirection, type SortKey, sortRows } from './coverage-rows';

const LEVELS = ['village', 'district'] as const;
type Level = (typeof LEVELS)[number];

const COLUMNS: readonly SortKey[] = [
  'name',
  'districtName',
  'households',
  'coveragePct',
  'nearPct',
  'unvisited',
  'needingAgent',
  'medianM',
  'p90M',
  'residentAgents',
];
const TEXT_COLUMNS = new Set<SortKey>(['name', 'districtName']);
const PCT_COLUMNS = new Set<SortKey>(['coveragePct', 'nearPct']);
/** Columns that need visit dates: left out for a dataset without them (they would all read 0). */
const VISIT_COLUMNS = new Set<SortKey>(['coveragePct', 'unvisited']);
/** Names A→Z and shares worst first; counts and distances largest first. */
const firstDirection = (key: SortKey): SortDirection =>
  TEXT_COLUMNS.has(key) || PCT_COLUMNS.has(key) ? 'asc' : 'desc';

interface CoverageTableProps {
  villages: AreaRow[];
  districts: AreaRow[];
  selectedCode: string | null;
  onSelect: (row: AreaRow, level: 'village' | 'district') => void;
  /** False when the dataset records no visit dates. */
  visitsRecorded: boolean;
}

/** Villages (or kecamatan) worst first: sortable, filterable, a click flies the map there. */
export function CoverageTable(props: CoverageTableProps) {
  const { villages, districts, selectedCode, onSelect, visitsRecorded } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const [level, setLevel] = useState<Level>('village');
  const [district, setDistrict] = useState('');
  const [text, setText] = useState('');
  const [sort, toggleSort] = useSort<SortKey>(
    { key: visitsRecorded ? 'coveragePct' : 'nearPct', direction: 'asc' },
    firstDirection,
  );
  const columns = COLUMNS.filter(
    (c) => (level === 'village' || c !== 'districtName') && (visitsRecorded || !VISIT_COLUMNS.has(c)),
  );

  const rows = useMemo(() => {
    const source =
      level === 'village' ? filterRows(villages, district, text) : filterRows(districts, '', text);
    return sortRows(source, sort.key, sort.direction);
  }, [level, villages, districts, district, text, sort]);

  const cell = (row: AreaRow, key: SortKey): string => {
    const v = row[key];
    if (v === null) return '–';
    if (typeof v === 'string') return v;
    if (PCT_COLUMNS.has(key)) return f.pct(v);
    if (key === 'medianM' || key === 'p90M') return `${f.int(v)} m`;
    return f.int(v);
  };

  return (
    <section data-testid="coverage-table" className="coverage-table">
      <div className="toolbar">
        <Segmented
          label={t('supervisor.rollup')}
          options={LEVELS}
          value={level}
          onChange={setLevel}
          optionLabel={(l) => t(l === 'village' ? 'supervisor.levelVillage' : 'supervisor.levelDistrict')}
          testIdPrefix="level"
        />
        {level === 'village' && (
          <select
            data-testid="district-filter"
            value={district}
            onChange={(e) => setDistrict(e.target.value)}
            aria-label={t('supervisor.col.district')}
          >
            <option value="">{t('supervisor.allDistricts')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        )}
        <input
          type="search"
          data-testid="village-search"
          placeholder={t('supervisor.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="muted">{t('supervisor.rows', { count: rows.length })}</span>
      </div>
      <p className="muted">{t('supervisor.selectHint')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <SortableHead
            columns={columns}
            sort={sort}
            onSort={toggleSort}
            label={(key) => t(`supervisor.col.${key === 'districtName' ? 'district' : key}`)}
            isText={(key) => TEXT_COLUMNS.has(key)}
            testIdPrefix="sort-"
          />
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.code}
                data-testid="coverage-row"
                className={`clickable${row.code === selectedCode ? ' selected' : ''}`}
                aria-selected={row.code === selectedCode}
                {...rowActivation(() => onSelect(row, level))}
              >
                {columns.map((key) => (
                  <td key={key} className={TEXT_COLUMNS.has(key) ? 'text' : ''}>
                    {cell(row, key)}
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
