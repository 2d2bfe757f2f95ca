import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CoverageResult } from '../../core/coverage-engine';
import { STATUS_COLORS } from '../../core/map/palette';
import { sessionPolicy } from '../../core/privacy/privacy';
import { useFormat } from '../../core/ui/use-format';
import { loadHistogram, topAgents } from './agent-load';

interface AgentPanelProps {
  result: CoverageResult;
  active: Uint8Array;
  agentIds: string[];
  homeVillageName: (agent: number) => string;
  minFamilies: number;
  maxFamilies: number;
  selectedAgent: number | null;
  onSelectAgent: (agent: number) => void;
}

const LIST_LIMIT = 25;

/** Agent load: histogram, agents below the ten-family rule, agents far from their families. */
export function AgentPanel(props: AgentPanelProps) {
  const {
    result,
    active,
    agentIds,
    homeVillageName,
    minFamilies,
    maxFamilies,
    selectedAgent,
    onSelectAgent,
  } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const agents = result.agent;
  const histogram = useMemo(() => loadHistogram(agents.families, active), [agents, active]);
  const below = useMemo(
    () =>
      topAgents(
        { ...agents, active },
        (i) => agents.belowMin[i] === 1,
        (r) => -r.families,
        LIST_LIMIT,
      ),
    [agents, active],
  );
  const far = useMemo(
    () =>
      topAgents(
        { ...agents, active },
        (i) => (agents.families[i] ?? 0) > 0 && !Number.isNaN(agents.meanDistanceM[i] ?? Number.NaN),
        (r) => r.meanDistanceM,
        LIST_LIMIT,
      ),
    [agents, active],
  );

  const list = (rows: typeof below, testId: string) => (
    <div className="table-scroll" data-testid={testId}>
      <table className="data-table">
        <thead>
          <tr>
            <th className="text">{t('supervisor.agent')}</th>
            <th className="text">{t('supervisor.home')}</th>
            <th>{t('supervisor.families')}</th>
            <th>{t('supervisor.meanDistance')}</th>
            <th>{t('supervisor.maxDistance')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.agent}
              className={`clickable${r.agent === selectedAgent ? ' selected' : ''}`}
              onClick={() => onSelectAgent(r.agent)}
            >
              <td className="text">{sessionPolicy().pseudonym('agent', agentIds[r.agent])}</td>
              <td className="text">{homeVillageName(r.agent)}</td>
              <td>{f.int(r.families)}</td>
              <td>{Number.isNaN(r.meanDistanceM) ? '–' : `${f.int(r.meanDistanceM)} m`}</td>
              <td>{Number.isNaN(r.maxDistanceM) ? '–' : `${f.int(r.maxDistanceM)} m`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="agent-panel" data-testid="agent-panel">
      <h3>{t('supervisor.loadHistogram')}</h3>
      <div style={{ width: '100%', height: 180 }} data-testid="load-histogram">
        <ResponsiveContainer>
          <BarChart data={histogram} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="families" interval={4} fontSize={11} />
            <YAxis fontSize={11} width={44} tickFormatter={(v: number) => f.int(v)} />
            <Tooltip formatter={(v) => [f.int(Number(v)), t('supervisor.agents')]} />
            <Bar dataKey="agents" isAnimationActive={false}>
              {histogram.map((b) => (
                <Cell
                  key={b.bin}
                  fill={
                    b.bin < minFamilies
                      ? STATUS_COLORS.agentBelowMin
                      : b.bin > maxFamilies
                        ? STATUS_COLORS.agentAboveCap
                        : STATUS_COLORS.agent
                  }
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <h4>
        {t('supervisor.belowList', { min: minFamilies })} ({f.int(result.totals.agentsBelowMin)})
      </h4>
      {list(below, 'agents-below')}
      <h4>{t('supervisor.farList')}</h4>
      {list(far, 'agents-far')}
    </section>
  );
}
