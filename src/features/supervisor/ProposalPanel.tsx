import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';
import { downloadBlob } from '../../core/export/download';
import { toCsv, toXlsx } from '../../core/export/table-export';
import { sessionPolicy } from '../../core/privacy/privacy';
import { useFormat } from '../../core/ui/use-format';
import { type ActionListContext, actionList } from './action-list';
import type { CoverageClient } from './coverage-client';
import type { AreaRow } from './coverage-rows';

interface ProposalPanelProps {
  client: CoverageClient;
  options: CoverageOptions;
  result: CoverageResult;
  villages: AreaRow[];
  /** Household ids in engine order, fetched on demand (they are only needed to export). */
  loadHouseholdIds: () => Promise<string[]>;
  agentIds: string[];
  householdVillage: Int32Array;
  onSelectVillage: (code: string) => void;
}

const TOP_VILLAGES = 10;

/** Reassignment proposal with before/after, the action list export, and where new agents help most. */
export function ProposalPanel(props: ProposalPanelProps) {
  const { client, options, result, villages, loadHouseholdIds, agentIds, householdVillage, onSelectVillage } =
    props;
  const { t } = useTranslation();
  const f = useFormat();
  const [proposal, setProposal] = useState<ReassignmentProposal | null>(null);
  const [busy, setBusy] = useState(false);
  // Full ids are a choice for the next export only: it resets once that file is made.
  const [fullIds, setFullIds] = useState(false);
  const [siteCount, setSiteCount] = useState(5);
  const [sites, setSites] = useState<NewAgentSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // A proposal belongs to the options it was made with: the parent remounts this panel when they change.
  const current = proposal;

  const exportList = (format: 'csv' | 'xlsx') =>
    run(async () => {
      if (!current) return;
      const householdIds = await loadHouseholdIds();
      const headers = t('supervisor.exportCols', { returnObjects: true }) as ActionListContext['headers'];
      const { columns, rows } = actionList(current.moves, {
        householdIds,
        agentIds,
        policy: sessionPolicy(),
        idMode: fullIds ? 'internal' : 'masked',
        headers,
        internalHeader: (header) => t('privacy.internalHeader', { header }),
        householdPlace: (h) => {
          const v = villages[householdVillage[h] ?? -1];
          return { village: v?.name ?? '', district: v?.districtName ?? '' };
        },
      });
      const tag = fullIds ? `-${t('privacy.internalTag')}` : '';
      const name = `usulan-penugasan-${Math.round(options.thresholdM)}m${tag}`;
      setFullIds(false);
      if (format === 'csv') downloadBlob(`${name}.csv`, toCsv(columns, rows), 'text/csv;charset=utf-8');
      else
        downloadBlob(
          `${name}.xlsx`,
          await toXlsx('usulan', columns, rows),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
    });

  const gains = current
    ? villages
        .map((v, i) => ({
          row: v,
          before: result.village.coveragePct[i] ?? Number.NaN,
          after: current.after.village.coveragePct[i] ?? Number.NaN,
        }))
        .filter((g) => !Number.isNaN(g.before) && g.after > g.before)
        .sort((a, b) => b.after - b.before - (a.after - a.before))
        .slice(0, TOP_VILLAGES)
    : [];
  const reasons = new Map<string, number>();
  for (const u of current?.unresolved ?? []) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);

  return (
    <section className="proposal-panel" data-testid="proposal-panel">
      <p className="muted">{t('supervisor.proposalIntro', { max: options.maxFamilies })}</p>
      <button
        type="button"
        className="primary"
        data-testid="run-proposal"
        disabled={busy}
        onClick={() => run(async () => setProposal(await client.propose(options)))}
      >
        {t('supervisor.runProposal')}
      </button>
      {busy && <span className="busy"> {t('supervisor.computing')}</span>}
      {error && <p className="warning">{error}</p>}
      {current && (
        <div data-testid="proposal-result">
          <table className="data-table">
            <thead>
              <tr>
                <th className="text" />
                <th>{t('supervisor.before')}</th>
                <th>{t('supervisor.after')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="text">{t('supervisor.coverage')}</td>
                <td data-testid="coverage-before">{f.pct(result.totals.coveragePct)}</td>
                <td data-testid="coverage-after">{f.pct(current.after.totals.coveragePct)}</td>
              </tr>
              <tr>
                <td className="text">{t('supervisor.householdsNeeding')}</td>
                <td>{f.int(result.totals.households - result.totals.covered)}</td>
                <td>{f.int(current.after.totals.households - current.after.totals.covered)}</td>
              </tr>
              <tr>
                <td className="text">{t('supervisor.agentsBelow', { min: options.minFamilies })}</td>
                <td>{f.int(result.totals.agentsBelowMin)}</td>
                <td>{f.int(current.after.totals.agentsBelowMin)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            <strong data-testid="moves-count">{f.int(current.moves.length)}</strong> {t('supervisor.moves')} ·{' '}
            {t('supervisor.unresolved')}: {f.int(current.unresolved.length)}
          </p>
          <ul className="muted">
            {[...reasons].map(([reason, n]) => (
              <li key={reason}>
                {t(`supervisor.reason_${reason}`)}: {f.int(n)}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('supervisor.algorithm')}: {current.algorithm}
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="secondary"
              data-testid="export-csv"
              onClick={() => exportList('csv')}
            >
              {t('supervisor.exportCsv')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="export-xlsx"
              onClick={() => exportList('xlsx')}
            >
              {t('supervisor.exportXlsx')}
            </button>
            <label>
              <input
                type="checkbox"
                data-testid="export-internal"
                checked={fullIds}
                onChange={(e) => setFullIds(e.target.checked)}
              />{' '}
              {t('privacy.internalExport')}
            </label>
          </div>
          <h4>{t('supervisor.villagesChanged')}</h4>
          <table className="data-table" data-testid="proposal-villages">
            <tbody>
              {gains.map((g) => (
                <tr key={g.row.code} className="clickable" onClick={() => onSelectVillage(g.row.code)}>
                  <td className="text">
                    {g.row.name} <span className="muted">({g.row.districtName})</span>
                  </td>
                  <td>{f.pct(g.before)}</td>
                  <td>→ {f.pct(g.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t('supervisor.newAgents')}</h4>
      <div className="toolbar">
        <label>
          {t('supervisor.newAgentsCount')}{' '}
          <input
            type="number"
            min={1}
            max={50}
            value={siteCount}
            data-testid="site-count"
            onChange={(e) => setSiteCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="secondary"
          data-testid="rank-sites"
          disabled={busy}
          onClick={() => run(async () => setSites(await client.rankSites(options, siteCount)))}
        >
          {t('supervisor.rankSites')}
        </button>
      </div>
      {sites && (
        <ol className="ranking" data-testid="site-ranking">
          {sites.map((s) => {
            const v = villages[s.village];
            return (
              <li key={s.village}>
                <button type="button" className="link" onClick={() => v && onSelectVillage(v.code)}>
                  {v?.name} <span className="muted">({v?.districtName})</span>
                </button>
                <span>
                  +{f.int(s.reachable)} {t('supervisor.reachable').toLowerCase()}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
