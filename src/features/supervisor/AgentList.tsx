import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { downloadTables } from '../../core/export/download';
import { sessionPolicy } from '../../core/privacy/privacy';
import { ExportButtons } from '../../core/ui/ExportButtons';
import { rowActivation } from '../../core/ui/row-activation';
import { SortableHead, useSort } from '../../core/ui/SortableHead';
import type { SortDirection } from '../../core/ui/sort-rows';
import { useAsync } from '../../core/ui/use-async';
import { useExportAbout } from '../../core/ui/use-export-about';
import { useFormat } from '../../core/ui/use-format';
import { AGENT_EXPORT_KEYS, type AgentIdentity, agentExport } from './agent-export';
import { agentIdentities } from './agent-facts';
import {
  AGENT_SHOWS,
  type AgentFilter,
  type AgentRow,
  type AgentSortKey,
  filterAgentRows,
  NO_AGENT_FILTER,
  sortAgentRows,
} from './agent-list';
import type { AreaName } from './coverage-rows';

/** Rows drawn at a time (7,200 agents would make a phone crawl); "show more" adds as many again. */
const PAGE = 100;

const COLUMNS: readonly AgentSortKey[] = [
  'code',
  'type',
  'office',
  'village',
  'families',
  'visitedPct',
  'neverVisited',
  'maxDistanceM',
];
const TEXT = new Set<AgentSortKey>(['code', 'type', 'office', 'village']);
const VISIT_COLUMNS = new Set<AgentSortKey>(['visitedPct', 'neverVisited']);
const firstDirection = (key: AgentSortKey): SortDirection => (TEXT.has(key) ? 'asc' : 'desc');

interface AgentListProps {
  rows: readonly AgentRow[];
  villages: readonly AreaName[];
  visitDays: number;
  visitsRecorded: boolean;
  selectedAgent: number | null;
  onSelectAgent: (agent: number) => void;
  /** The office the list starts filtered to ('' = all). */
  office: string;
}

/** An agent's id and name as the internal mode's search reads them. */
const identityText = (who: AgentIdentity | undefined): string =>
  `${who?.id ?? ''} ${who?.name ?? ''}`.toLocaleLowerCase('id');

const unique = (values: readonly (string | null)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, 'id'));

/** Every agent: searchable, filterable by place, type and office, sortable; a click shows them on the map. */
export function AgentList(props: AgentListProps) {
  const { rows, villages, visitDays, visitsRecorded, selectedAgent, onSelectAgent, office } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const { client } = useLoadedData();
  const about = useExportAbout();
  const [filter, setFilter] = useState<AgentFilter>({ ...NO_AGENT_FILTER, office });
  const [sort, toggleSort] = useSort<AgentSortKey>({ key: 'families', direction: 'desc' }, firstDirection);
  const [shown, setShown] = useState(PAGE);
  // The explicit, labelled internal mode of this list: names and ids shown and searchable until it is
  // switched off or the list is left (never kept, never in the link).
  const [internal, setInternal] = useState(false);
  const loaded = useAsync(() => agentIdentities(client), [client], internal).data;
  const identities = internal ? (loaded ?? null) : null;
  const set = (patch: Partial<AgentFilter>) => {
    setFilter((x) => ({ ...x, ...patch }));
    setShown(PAGE);
  };

  const districts = useMemo(
    () =>
      [...new Map(villages.map((v) => [v.districtCode, v.districtName])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1], 'id'),
      ),
    [villages],
  );
  const types = useMemo(() => unique(rows.map((r) => r.type)), [rows]);
  const offices = useMemo(() => unique(rows.map((r) => r.office)), [rows]);
  const listed = useMemo(() => {
    const byIdentity = identities
      ? (r: AgentRow, needle: string) => identityText(identities[r.agent]).includes(needle)
      : undefined;
    return sortAgentRows(filterAgentRows(rows, filter, byIdentity), sort.key, sort.direction);
  }, [rows, filter, sort, identities]);
  const columns = COLUMNS.filter((c) => visitsRecorded || !VISIT_COLUMNS.has(c));

  const cell = (r: AgentRow, key: AgentSortKey): string => {
    switch (key) {
      case 'type':
        return t(`supervisor.agentType.${r.type}`, { defaultValue: r.type });
      case 'office':
        return r.office ?? '–';
      case 'village':
        return r.village ?? '–';
      case 'families':
        return f.int(r.families);
      case 'visitedPct':
        return r.visited === null || r.families === 0 ? '–' : `${f.int(r.visited)}/${f.int(r.families)}`;
      case 'neverVisited':
        return r.neverVisited === null ? '–' : f.int(r.neverVisited);
      case 'maxDistanceM':
        return r.maxDistanceM === null ? '–' : `${f.dec(r.maxDistanceM / 1000)} km`;
      default:
        return identities ? `${identities[r.agent]?.id ?? ''} · ${identities[r.agent]?.name ?? ''}` : r.code;
    }
  };

  const exportList = async (format: 'csv' | 'xlsx', idMode: 'masked' | 'internal') => {
    const identities = idMode === 'internal' ? await agentIdentities(client) : undefined;
    const table = agentExport(listed, {
      policy: sessionPolicy(),
      idMode,
      ...(identities ? { identities } : {}),
      headers: Object.fromEntries(
        AGENT_EXPORT_KEYS.map((k) => [k, t(`supervisor.agentExport.${k}`, { days: visitDays })]),
      ) as Record<(typeof AGENT_EXPORT_KEYS)[number], string>,
      internalHeader: (header) => t('privacy.internalHeader', { header }),
      typeLabel: (type) => t(`supervisor.agentType.${type}`, { defaultValue: type }),
      yesNo: (v) => t(v ? 'supervisor.yes' : 'supervisor.no'),
    });
    const tag = idMode === 'internal' ? `-${t('privacy.internalTag')}` : '';
    await downloadTables(
      `daftar-agen${tag}`,
      format,
      [{ name: t('supervisor.tabAgents'), ...table }],
      about(t('supervisor.agentListTitle'), [
        [t('supervisor.agentExport.filter'), t(`supervisor.agentShow.${filter.show}`)],
        [t('supervisor.visitDays'), t('supervisor.days', { n: f.int(visitDays) })],
      ]),
    );
  };

  return (
    <section data-testid="agent-list">
      <h4>
        {t('supervisor.agentListTitle')} ({f.int(listed.length)})
      </h4>
      <div className="toolbar agent-filters">
        <input
          type="search"
          data-testid="agent-search"
          placeholder={t(identities ? 'supervisor.agentSearchInternal' : 'supervisor.agentSearch')}
          aria-label={t(identities ? 'supervisor.agentSearchInternal' : 'supervisor.agentSearch')}
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <select
          aria-label={t('supervisor.agentShowLabel')}
          data-testid="agent-show"
          value={filter.show}
          onChange={(e) => set({ show: e.target.value as AgentFilter['show'] })}
        >
          {AGENT_SHOWS.filter((s) => visitsRecorded || s !== 'neverVisited').map((s) => (
            <option key={s} value={s}>
              {t(`supervisor.agentShow.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('supervisor.col.district')}
          data-testid="agent-district"
          value={filter.districtCode}
          onChange={(e) => set({ districtCode: e.target.value, villageCode: '' })}
        >
          <option value="">{t('supervisor.allDistricts')}</option>
          {districts.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('supervisor.home')}
          data-testid="agent-village"
          value={filter.villageCode}
          onChange={(e) => set({ villageCode: e.target.value })}
        >
          <option value="">{t('supervisor.allVillages')}</option>
          {villages
            .filter((v) => !filter.districtCode || v.districtCode === filter.districtCode)
            .map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
        </select>
        <select
          aria-label={t('supervisor.agentExport.type')}
          data-testid="agent-type"
          value={filter.type}
          onChange={(e) => set({ type: e.target.value })}
        >
          <option value="">{t('supervisor.allTypes')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`supervisor.agentType.${type}`, { defaultValue: type })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('supervisor.agentExport.office')}
          data-testid="agent-office"
          value={filter.office}
          onChange={(e) => set({ office: e.target.value })}
        >
          <option value="">{t('supervisor.allOffices')}</option>
          {offices.map((o) => (
            <option key={o} value={o} lang="id">
              {o}
            </option>
          ))}
        </select>
      </div>
      <label className="internal-toggle">
        <input
          type="checkbox"
          data-testid="agents-internal"
          checked={internal}
          onChange={(e) => setInternal(e.target.checked)}
        />{' '}
        {t('supervisor.internalList')}
      </label>
      {internal && (
        <p className="warning" data-testid="agents-internal-banner" role="status">
          {t('supervisor.internalListBanner')}
        </p>
      )}
      <ExportButtons internal testIdPrefix="agents-export-" onExport={exportList} />
      <div className="table-scroll">
        <table className="data-table">
          <SortableHead
            columns={columns}
            sort={sort}
            onSort={toggleSort}
            label={(key) => t(`supervisor.agentCol.${key}`, { days: visitDays })}
            isText={(key) => TEXT.has(key)}
            testIdPrefix="agent-sort-"
          />
          <tbody>
            {listed.slice(0, shown).map((r) => (
              <tr
                key={r.agent}
                data-testid="agent-row"
                className={`clickable${r.agent === selectedAgent ? ' selected' : ''}${r.active ? '' : ' muted'}`}
                aria-selected={r.agent === selectedAgent}
                {...rowActivation(() => onSelectAgent(r.agent))}
              >
                {columns.map((key) => (
                  // An office's name is the regency's own, in Indonesian in either UI language.
                  <td
                    key={key}
                    className={TEXT.has(key) ? 'text' : ''}
                    lang={key === 'office' && r.office ? 'id' : undefined}
                  >
                    {cell(r, key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {listed.length > shown && (
        <button
          type="button"
          className="secondary"
          data-testid="agents-more"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t('supervisor.showMore', { shown: f.int(shown), total: f.int(listed.length) })}
        </button>
      )}
    </section>
  );
}
