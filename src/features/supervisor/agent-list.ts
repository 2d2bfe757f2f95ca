/**
 * The supervisor's follow-up lists as pure functions: every agent with their load, visits and farthest
 * family (filterable by place, type and office, sortable), and the same figures rolled up by office (OPD),
 * so an office head sees their own staff.
 */
import { type CoverageResult, HOUSEHOLD_STATUS, isNear } from '../../core/coverage-engine';
import { sessionPolicy } from '../../core/privacy/privacy';
import { type SortDirection, sortByKey } from '../../core/ui/sort-rows';
import { type AreaName, orNull } from './coverage-rows';

/** What the agents table says about each agent (in the engine's agent order). */
export interface AgentFacts {
  /** asn / pppk / honorer, as in the data. */
  type: readonly string[];
  /** Employer (OPD); null when the data does not say. */
  office: readonly (string | null)[];
  /** Home village index of each agent (engine order); −1 unknown. */
  villageIndex: Int32Array;
  active: Uint8Array;
}

export interface AgentRow {
  agent: number;
  /** The agent's pseudonym (never the id itself on screen). */
  code: string;
  type: string;
  office: string | null;
  village: string | null;
  villageCode: string | null;
  district: string | null;
  districtCode: string | null;
  active: boolean;
  families: number;
  /** Families terjangkau (near and visited within the window). */
  familiesCovered: number;
  /** Families visited within the window; null when the dataset records no visits. */
  visited: number | null;
  /** visited / families in %; null without families or visits. */
  visitedPct: number | null;
  neverVisited: number | null;
  maxDistanceM: number | null;
  belowMin: boolean;
  aboveCap: boolean;
}

/** Families per agent with each status: terjangkau and near (from the engine's household statuses). */
export function familiesByStatus(
  agentIndex: Int32Array,
  status: Uint8Array,
  agents: number,
): { covered: Int32Array; near: Int32Array } {
  const covered = new Int32Array(agents);
  const near = new Int32Array(agents);
  for (let i = 0; i < agentIndex.length; i++) {
    const a = agentIndex[i] as number;
    if (a < 0) continue;
    const s = status[i] as number;
    if (s === HOUSEHOLD_STATUS.covered) covered[a] = (covered[a] as number) + 1;
    if (isNear(s)) near[a] = (near[a] as number) + 1;
  }
  return { covered, near };
}

/** Pseudonyms made, by the dataset's agent ids (the same array while the dataset is loaded). */
const madePseudonyms = new WeakMap<readonly string[], string[]>();

/**
 * Each agent's pseudonym: fixed for the page session, so made once per dataset — not per slider move, nor each
 * time Pengawasan opens (7,200 keyed hashes take about 100 ms on a two-core machine).
 */
export function agentPseudonyms(agentIds: readonly string[]): string[] {
  let made = madePseudonyms.get(agentIds);
  if (!made) {
    const policy = sessionPolicy();
    made = agentIds.map((id) => policy.pseudonym('agent', id));
    madePseudonyms.set(agentIds, made);
  }
  return made;
}

/** One row per agent, active or not, in engine order. */

export function agentRows(
  result: CoverageResult,
  householdAgent: Int32Array,
  facts: AgentFacts,
  villages: readonly AreaName[],
  pseudonym: (agent: number) => string,
): AgentRow[] {
  const a = result.agent;
  const visits = result.totals.visitsRecorded;
  const { covered } = familiesByStatus(householdAgent, result.household.status, a.families.length);
  return Array.from({ length: a.families.length }, (_, i) => {
    const place = villages[facts.villageIndex[i] ?? -1];
    const families = a.families[i] ?? 0;
    const visited = visits ? (a.visitedRecently[i] ?? 0) : null;
    return {
      agent: i,
      code: pseudonym(i),
      type: facts.type[i] ?? '',
      office: facts.office[i] ?? null,
      village: place?.name ?? null,
      villageCode: place?.code ?? null,
      district: place?.districtName ?? null,
      districtCode: place?.districtCode ?? null,
      active: facts.active[i] !== 0,
      families,
      familiesCovered: covered[i] ?? 0,
      visited,
      visitedPct: visited !== null && families > 0 ? (100 * visited) / families : null,
      neverVisited: visits ? (a.neverVisited[i] ?? 0) : null,
      maxDistanceM: orNull(a.maxDistanceM[i]),
      belowMin: a.belowMin[i] === 1,
      aboveCap: a.aboveCap[i] === 1,
    };
  });
}

/** Which agents a list shows. */
export const AGENT_SHOWS = ['active', 'belowMin', 'aboveCap', 'neverVisited', 'inactive', 'all'] as const;
export type AgentShow = (typeof AGENT_SHOWS)[number];

export interface AgentFilter {
  /** Matched (case-insensitive) against the pseudonym, the office and the home village. */
  text: string;
  districtCode: string;
  villageCode: string;
  type: string;
  office: string;
  show: AgentShow;
}

export const NO_AGENT_FILTER: AgentFilter = {
  text: '',
  districtCode: '',
  villageCode: '',
  type: '',
  office: '',
  show: 'active',
};

const SHOWN: Record<AgentShow, (r: AgentRow) => boolean> = {
  active: (r) => r.active,
  belowMin: (r) => r.active && r.belowMin,
  aboveCap: (r) => r.aboveCap,
  neverVisited: (r) => (r.neverVisited ?? 0) > 0,
  inactive: (r) => !r.active,
  all: () => true,
};

/**
 * Rows shown by filter `f`. `alsoMatches` widens the text search (the internal mode's names and ids,
 * never part of a row).
 */
export function filterAgentRows(
  rows: readonly AgentRow[],
  f: AgentFilter,
  alsoMatches: (row: AgentRow, needle: string) => boolean = () => false,
): AgentRow[] {
  const needle = f.text.trim().toLocaleLowerCase('id');
  const has = (v: string | null) => v?.toLocaleLowerCase('id').includes(needle) === true;
  return rows.filter(
    (r) =>
      SHOWN[f.show](r) &&
      (!f.districtCode || r.districtCode === f.districtCode) &&
      (!f.villageCode || r.villageCode === f.villageCode) &&
      (!f.type || r.type === f.type) &&
      (!f.office || r.office === f.office) &&
      (!needle || has(r.code) || has(r.office) || has(r.village) || alsoMatches(r, needle)),
  );
}

export type AgentSortKey =
  | 'code'
  | 'type'
  | 'office'
  | 'village'
  | 'families'
  | 'visitedPct'
  | 'neverVisited'
  | 'maxDistanceM';

/** Sorted copy; no data last; ties by load (most families first), then pseudonym. */
export const sortAgentRows = (rows: readonly AgentRow[], key: AgentSortKey, direction: SortDirection) =>
  sortByKey(rows, key, direction, (a, b) => b.families - a.families || a.code.localeCompare(b.code));

/** An office's (OPD's) staff figures. */
export interface OfficeRow {
  /** null: agents whose employer the data does not give. */
  office: string | null;
  agents: number;
  activeAgents: number;
  families: number;
  familiesCovered: number;
  /** familiesCovered / families in %. */
  coveragePct: number | null;
  visited: number | null;
  visitedPct: number | null;
  neverVisited: number | null;
  /** Active agents below the minimum of families, and above the cap. */
  belowMin: number;
  aboveCap: number;
}

/** Agents' figures summed by office (every agent, active or not, counts in `agents`). */
export function officeRollup(rows: readonly AgentRow[]): OfficeRow[] {
  const byOffice = new Map<string | null, OfficeRow>();
  for (const r of rows) {
    let o = byOffice.get(r.office);
    if (!o) {
      o = {
        office: r.office,
        agents: 0,
        activeAgents: 0,
        families: 0,
        familiesCovered: 0,
        coveragePct: null,
        visited: r.visited === null ? null : 0,
        visitedPct: null,
        neverVisited: r.neverVisited === null ? null : 0,
        belowMin: 0,
        aboveCap: 0,
      };
      byOffice.set(r.office, o);
    }
    o.agents++;
    if (r.active) o.activeAgents++;
    o.families += r.families;
    o.familiesCovered += r.familiesCovered;
    if (o.visited !== null && r.visited !== null) o.visited += r.visited;
    if (o.neverVisited !== null && r.neverVisited !== null) o.neverVisited += r.neverVisited;
    if (r.belowMin) o.belowMin++;
    if (r.aboveCap) o.aboveCap++;
  }
  const out = [...byOffice.values()];
  for (const o of out) {
    o.coveragePct = o.families > 0 ? (100 * o.familiesCovered) / o.families : null;
    o.visitedPct = o.visited !== null && o.families > 0 ? (100 * o.visited) / o.families : null;
  }
  return out;
}

export type OfficeSortKey = Exclude<keyof OfficeRow, 'visited'>;

export const sortOfficeRows = (rows: readonly OfficeRow[], key: OfficeSortKey, direction: SortDirection) =>
  sortByKey(rows, key, direction, (a, b) => b.families - a.families);
