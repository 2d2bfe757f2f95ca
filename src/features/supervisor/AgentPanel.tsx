import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CoverageResult } from '../../core/coverage-engine';
import { STATUS_COLORS } from '../../core/map/palette';
import { useFormat } from '../../core/ui/use-format';
import { AgentList } from './AgentList';
import type { AgentRow } from './agent-list';
import { loadHistogram } from './agent-load';
import type { AreaName } from './coverage-rows';

interface AgentPanelProps {
  result: CoverageResult;
  active: Uint8Array;
  rows: readonly AgentRow[];
  villages: readonly AreaName[];
  minFamilies: number;
  maxFamilies: number;
  visitDays: number;
  selectedAgent: number | null;
  onSelectAgent: (agent: number) => void;
  /** Opened from the office roll-up: the list starts filtered to this office. */
  office: string;
}

/** Agent load: the histogram of families per agent, and every agent in a list to follow up. */
export function AgentPanel(props: AgentPanelProps) {
  const {
    result,
    active,
    rows,
    villages,
    minFamilies,
    maxFamilies,
    visitDays,
    selectedAgent,
    onSelectAgent,
    office,
  } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const agents = result.agent;
  const histogram = useMemo(() => loadHistogram(agents.families, active), [agents, active]);

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
      <p className="muted">
        {t('supervisor.belowSummary', {
          min: minFamilies,
          n: f.int(result.totals.agentsBelowMin),
          max: maxFamilies,
          above: f.int(result.totals.agentsAboveCap),
        })}
      </p>
      <AgentList
        key={office}
        rows={rows}
        villages={villages}
        visitDays={visitDays}
        visitsRecorded={result.totals.visitsRecorded}
        selectedAgent={selectedAgent}
        onSelectAgent={onSelectAgent}
        office={office}
      />
    </section>
  );
}
