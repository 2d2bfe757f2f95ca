import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend as ChartLegend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { plannerTables } from '../../core/cube/prepared';
import { useLoadedData } from '../../core/dataset/loaded-context';
import { sessionPolicy } from '../../core/privacy/privacy';
import { queryRows } from '../../core/sql/sql-client';
import { isolate } from '../../core/ui/bidi';
import { inAppClick, useNavigation } from '../../core/ui/navigation';
import { MissingTablesNote, useUnavailable } from '../../core/ui/table-status';
import { useAsync } from '../../core/ui/use-async';
import { useFormat } from '../../core/ui/use-format';
import {
  type AreaStat,
  type DecileBin,
  type MonthBin,
  monthlyCases,
  type NeedBreakdown,
  type PlannerQuery,
  type VillageAgent,
  type VillageFacts,
  villageAgentsSql,
  villageDecilesSql,
  villageFactsSql,
  villageNeedsSql,
} from './data/planner-queries';

interface Profile {
  needs: NeedBreakdown[];
  trend: MonthBin[];
  deciles: DecileBin[];
  agents: VillageAgent[];
  facts: VillageFacts;
}

interface VillageProfileProps {
  query: PlannerQuery;
  code: string;
  stat: AreaStat | undefined;
  onClose: () => void;
}

/** A village's profile: key figures, needs, monthly trend, deciles and its agents (all SQL). */
export function VillageProfile({ query, code, stat, onClose }: VillageProfileProps) {
  const { client } = useLoadedData();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  const { data: profile, error } = useAsync(async (): Promise<Profile | null> => {
    await plannerTables(client);
    const needs = await queryRows<NeedBreakdown>(client, villageNeedsSql(query, code));
    const trend = await monthlyCases(client, query, code);
    const deciles = await queryRows<DecileBin>(client, villageDecilesSql(query, code));
    const agents = await queryRows<VillageAgent>(client, villageAgentsSql(query, code));
    const [facts] = await queryRows<VillageFacts>(client, villageFactsSql(query, code));
    return facts ? { needs, trend, deciles, agents, facts } : null;
  }, [client, query, code]);

  if (error) return <p className="warning">{error}</p>;
  if (!profile || !stat) return <p className="busy">{t('planner.profile.loading')}</p>;
  const needs = profile.needs.map((n) => ({ ...n, label: t(`measure.${n.need}`) }));
  const deciles = profile.deciles.map((d) => ({
    ...d,
    label: d.decile === null ? '?' : String(d.decile),
    without: d.households - d.with_need,
  }));
  return (
    <section className="village-profile" data-testid="village-profile">
      <header className="profile-head">
        <div>
          <h3 data-testid="profile-name">{stat.name}</h3>
          <span className="muted">{t('tooltip.district', { name: isolate(stat.district_name) })}</span>
        </div>
        <button type="button" className="secondary" onClick={onClose} aria-label={t('planner.profile.close')}>
          ×
        </button>
      </header>
      <dl className="figures">
        <div>
          <dt>{t('planner.figures.households')}</dt>
          <dd data-testid="profile-households">{f.int(stat.households)}</dd>
        </div>
        <div>
          <dt>{t('planner.figures.rate')}</dt>
          <dd>{stat.rate === null ? '–' : f.dec(stat.rate)}</dd>
        </div>
        <div>
          <dt>{t('planner.figures.coverage')}</dt>
          <dd>{na(['agents']) ?? f.pct(stat.coverage_pct)}</dd>
        </div>
        <div>
          <dt>{t('planner.profile.area')}</dt>
          <dd>{stat.area_km2 === null ? '–' : `${f.dec(stat.area_km2)} km²`}</dd>
        </div>
        <div>
          <dt>{t('planner.profile.agentsServing')}</dt>
          <dd>{na(['agents']) ?? f.int(profile.facts.agents_serving)}</dd>
        </div>
        <div>
          <dt>{t('planner.profile.residentAgents')}</dt>
          <dd>{na(['agents']) ?? f.int(profile.facts.resident_agents)}</dd>
        </div>
        <div>
          <dt>{t('planner.profile.noAgent')}</dt>
          <dd>{na(['agents']) ?? f.int(profile.facts.households_no_agent)}</dd>
        </div>
      </dl>
      <a
        className="link-button"
        data-testid="profile-supervisor-link"
        href={navigation.supervisorVillageHref(code)}
        onClick={(e) => inAppClick(e, () => navigation.openSupervisorVillage(code))}
      >
        {t('planner.profile.toSupervisor')} →
      </a>

      <h4>{t('planner.profile.needs')}</h4>
      <div className="chart" data-testid="profile-needs">
        <ResponsiveContainer width="100%" height={170}>
          <BarChart data={needs} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v) => f.int(Number(v))} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => f.int(Number(v))} />
            <Bar
              dataKey="count"
              name={t('planner.profile.households')}
              fill="#e31a1c"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h4>{t('planner.profile.trend')}</h4>
      <MissingTablesNote needs={['cases']} />
      <div className="chart" data-testid="profile-trend" hidden={na(['cases']) !== null}>
        <ResponsiveContainer width="100%" height={160}>
          <LineChart data={profile.trend} margin={{ left: 0, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 10 }} minTickGap={24} />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <ChartLegend wrapperStyle={{ fontSize: 11 }} />
            <Line
              dataKey="reported"
              name={t('planner.time.reported')}
              stroke="#fd8d3c"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="resolved"
              name={t('planner.time.resolved')}
              stroke="#2b8cbe"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="open"
              name={t('planner.time.open')}
              stroke="#54278f"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>

      <h4>{t('planner.profile.deciles')}</h4>
      <div className="chart" data-testid="profile-deciles">
        <ResponsiveContainer width="100%" height={150}>
          <BarChart data={deciles} margin={{ left: 0, right: 16 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <ChartLegend wrapperStyle={{ fontSize: 11 }} />
            <Bar
              dataKey="with_need"
              stackId="d"
              name={t('planner.profile.withNeed')}
              fill="#bd0026"
              isAnimationActive={false}
            />
            <Bar
              dataKey="without"
              stackId="d"
              name={t('planner.profile.withoutNeed')}
              fill="#c6dbef"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h4>{t('planner.profile.agents')}</h4>
      <MissingTablesNote needs={['agents']} />
      <table className="data-table" data-testid="profile-agents" hidden={na(['agents']) !== null}>
        <thead>
          <tr>
            <th className="text">{t('planner.profile.agentId')}</th>
            <th className="text">{t('planner.profile.agentType')}</th>
            <th>{t('planner.profile.families')}</th>
            <th>{t('planner.profile.covered')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.agents.map((a) => (
            <tr key={a.agent_id}>
              <td className="text">{sessionPolicy().pseudonym('agent', a.agent_id)}</td>
              <td className="text">
                {a.agent_type ? t(`planner.agentType.${a.agent_type}`, a.agent_type) : '–'}
              </td>
              <td>{f.int(a.families)}</td>
              <td>{f.pct(a.families > 0 ? (100 * a.covered) / a.families : null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('planner.profile.maskedNote')}</p>
    </section>
  );
}
