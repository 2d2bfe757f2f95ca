import type { ReassignmentMove, UnresolvedReason } from '../../core/coverage-engine';
import type { ExportColumn, ExportSheet } from '../../core/export/table-export';
import type { IdMode, MaskingPolicy } from '../../core/privacy/privacy';
import type { AgentIdentity } from './agent-export';
import { kmOneDecimal } from './agent-export';

/** Header keys of the action list's two tables. */
export const MOVE_KEYS = [
  'agent',
  'agentName',
  'agentOffice',
  'household',
  'headName',
  'village',
  'district',
  'distanceKm',
  'fromAgent',
  'fromOffice',
] as const;
export const UNRESOLVED_KEYS = [
  'household',
  'headName',
  'village',
  'district',
  'reason',
  'nearestKm',
] as const;
export type ActionHeaderKey = (typeof MOVE_KEYS)[number] | (typeof UNRESOLVED_KEYS)[number];

/** Keys holding personal data or full ids: names only in an internal export, ids as pseudonyms otherwise. */
const NAMES = new Set<ActionHeaderKey>(['agentName', 'headName']);
const IDS = new Set<ActionHeaderKey>(['agent', 'household', 'fromAgent']);

export interface ActionListContext {
  householdIds: readonly string[];
  /** Household heads' names in engine order; loaded only for an internal export. */
  headNames?: readonly (string | null)[];
  agentIds: readonly string[];
  /** Agents' id, name and NIP in engine order; loaded only for an internal export. */
  agentIdentities?: readonly AgentIdentity[];
  /** Each agent's office (OPD), engine order. */
  agentOffice: readonly (string | null)[];
  /** Village and kecamatan name of each household. */
  householdPlace: (household: number) => { village: string; district: string };
  /** Distance from each household to its nearest active agent (m; NaN none). */
  nearestDistanceM: Float64Array;
  /** The masking policy: ids become its pseudonyms unless `idMode` is 'internal'. */
  policy: MaskingPolicy;
  /** 'internal' (full ids and names) only when the user asked for it for this one export. */
  idMode: IdMode;
  headers: Record<ActionHeaderKey, string>;
  reasonLabel: (reason: UnresolvedReason) => string;
  /** Wraps a personal column's header in internal mode, so the file says it holds personal data. */
  internalHeader: (header: string) => string;
}

function columnsOf(keys: readonly ActionHeaderKey[], ctx: ActionListContext): ExportColumn[] {
  const internal = ctx.idMode === 'internal';
  return keys
    .filter((k) => internal || !NAMES.has(k))
    .map((key) => ({
      key,
      header:
        internal && (NAMES.has(key) || IDS.has(key))
          ? ctx.internalHeader(ctx.headers[key])
          : ctx.headers[key],
      ...(key === 'distanceKm' || key === 'nearestKm' ? { kind: 'number' as const } : {}),
    }));
}

/**
 * The supervisor's action list: one row per proposed assignment (new agent and office, the family, its
 * village and kecamatan, the distance in km, the agent it leaves), and the families the proposal could not
 * place with the reason, as a second table. Ids are pseudonyms and names absent unless internal.
 */
export function actionList(
  moves: readonly ReassignmentMove[],
  unresolved: readonly { household: number; reason: UnresolvedReason }[],
  ctx: ActionListContext,
): { moves: Omit<ExportSheet, 'name'>; unresolved: Omit<ExportSheet, 'name'> } {
  const internal = ctx.idMode === 'internal';
  const agent = (index: number) =>
    index >= 0 ? ctx.policy.id('agent', ctx.agentIds[index], ctx.idMode) : '';
  const household = (h: number) => ({
    household: ctx.policy.id('household', ctx.householdIds[h], ctx.idMode),
    ...(internal ? { headName: ctx.headNames?.[h] ?? '' } : {}),
    ...ctx.householdPlace(h),
  });
  const moveRows = moves.map((m) => ({
    agent: agent(m.toAgent),
    ...(internal ? { agentName: ctx.agentIdentities?.[m.toAgent]?.name ?? '' } : {}),
    agentOffice: ctx.agentOffice[m.toAgent] ?? '',
    ...household(m.household),
    distanceKm: kmOneDecimal(m.distanceM),
    fromAgent: agent(m.fromAgent),
    fromOffice: m.fromAgent >= 0 ? (ctx.agentOffice[m.fromAgent] ?? '') : '',
  }));
  const unresolvedRows = unresolved.map((u) => {
    const d = ctx.nearestDistanceM[u.household] ?? Number.NaN;
    return {
      ...household(u.household),
      reason: ctx.reasonLabel(u.reason),
      nearestKm: Number.isFinite(d) ? kmOneDecimal(d) : null,
    };
  });
  return {
    moves: { columns: columnsOf(MOVE_KEYS, ctx), rows: moveRows },
    unresolved: { columns: columnsOf(UNRESOLVED_KEYS, ctx), rows: unresolvedRows },
  };
}
