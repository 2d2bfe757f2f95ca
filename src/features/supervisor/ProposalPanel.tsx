import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';

import { useLoadedData } from '../../core/dataset/loaded-context';
import { downloadTables } from '../../core/export/download';
import { type IdMode, sessionPolicy } from '../../core/privacy/privacy';
import { queryRows } from '../../core/sql/sql-client';
import { ExportButtons, type ExportFormat } from '../../core/ui/ExportButtons';
import { FailureNotice } from '../../core/ui/FailureNotice';
import { useExportAbout } from '../../core/ui/use-export-about';
import { useFormat } from '../../core/ui/use-format';
import { type ActionListContext, actionList, MOVE_KEYS, UNRESOLVED_KEYS } from './action-list';
import { agentIdentities } from './agent-facts';
import type { CoverageClient } from './coverage-client';
import type { AreaRow } from './coverage-rows';

interface ProposalPanelProps {
  client: CoverageClient;
  options: CoverageOptions;
  result: CoverageResult;
  villages: AreaRow[];
  agentIds: string[];
  /** Each agent's office (OPD), engine order. */
  agentOffice: readonly (string | null)[];
  householdVillage: Int32Array;
  onSelectVillage: (code: string) => void;
}

const TOP_VILLAGES = 10;

/** Reassignment proposal with before/after, the action list export, and where new agents help most. */
export function ProposalPanel(props: ProposalPanelProps) {
  const {
    client: coverageClient,
    options,
    result,
    villages,
    agentIds,
    agentOffice,
    householdVillage,
    onSelectVillage,
  } = props;
  const { client } = useLoadedData();
  const about = useExportAbout();
  const { t } = useTranslation();
  const f = useFormat();
  const km = f.limitKm(options.thresholdM);
  const [proposal, setProposal] = useState<ReassignmentProposal | null>(null);
  const [busy, setBusy] = useState(false);
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

  const exportList = async (format: ExportFormat, idMode: IdMode) => {
    if (!current) return;
    const internal = idMode === 'internal';
    const households = await queryRows<{ household_id: string; head_name: string | null }>(
      client,
      `SELECT household_id, ${internal ? 'head_name' : 'NULL AS head_name'} FROM households ORDER BY rowid`,
    );
    const table = actionList(current.moves, current.unresolved, {
      householdIds: households.map((h) => h.household_id),
      ...(internal
        ? { headNames: households.map((h) => h.head_name), agentIdentities: await agentIdentities(client) }
        : {}),
      agentIds,
      agentOffice,
      nearestDistanceM: result.household.nearestDistanceM,
      policy: sessionPolicy(),
      idMode,
      headers: Object.fromEntries(
        [...MOVE_KEYS, ...UNRESOLVED_KEYS].map((k) => [k, t(`supervisor.exportCols.${k}`)]),
      ) as ActionListContext['headers'],
      reasonLabel: (reason) => t(`supervisor.reason_${reason}`),
      internalHeader: (header) => t('privacy.internalHeader', { header }),
      householdPlace: (h) => {
        const v = villages[householdVillage[h] ?? -1];
        return { village: v?.name ?? '', district: v?.districtName ?? '' };
      },
    });
    const tag = internal ? `-${t('privacy.internalTag')}` : '';
    await downloadTables(
      `usulan-penugasan-${Math.round(options.thresholdM)}m${tag}`,
      format,
      [
        { name: t('supervisor.sheetMoves'), ...table.moves },
        { name: t('supervisor.sheetUnresolved'), ...table.unresolved },
      ],
      about(t('supervisor.actionListTitle'), [
        [t('supervisor.threshold'), `${km} km`],
        [t('supervisor.capacity'), t('supervisor.capacityValue', { max: options.maxFamilies })],
      ]),
    );
  };

  const gains = current
    ? villages
        .map((v, i) => ({
          row: v,
          before: result.village.nearPct[i] ?? Number.NaN,
          after: current.after.village.nearPct[i] ?? Number.NaN,
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
        onClick={() => run(async () => setProposal(await coverageClient.propose(options)))}
      >
        {t('supervisor.runProposal')}
      </button>
      {busy && <span className="busy"> {t('supervisor.computing')}</span>}
      {error && <FailureNotice text={t('supervisor.actionFailed')} detail={error} testId="proposal-error" />}
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
                <td className="text">{t('supervisor.nearShare', { km })}</td>
                <td data-testid="coverage-before">{f.pct(result.totals.nearPct)}</td>
                <td data-testid="coverage-after">{f.pct(current.after.totals.nearPct)}</td>
              </tr>
              <tr>
                <td className="text">{t('supervisor.householdsNeeding')}</td>
                <td>{f.int(result.totals.households - result.totals.near)}</td>
                <td>{f.int(current.after.totals.households - current.after.totals.near)}</td>
              </tr>
              <tr>
                <td className="text">{t('supervisor.agentsBelow', { min: options.minFamilies })}</td>
                <td>{f.int(result.totals.agentsBelowMin)}</td>
                <td>{f.int(current.after.totals.agentsBelowMin)}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted" data-testid="proposal-visit-note">
            {t('supervisor.proposalVisitNote', { days: options.visitDays })}
          </p>
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
          <p className="muted" data-testid="proposal-guarantee">
            {t('supervisor.guarantee', { min: options.minFamilies })}
          </p>
          <ExportButtons
            internal
            testIdPrefix="export-"
            disabled={busy}
            onExport={(format, idMode) => run(() => exportList(format, idMode))}
          />
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
          onClick={() => run(async () => setSites(await coverageClient.rankSites(options, siteCount)))}
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
