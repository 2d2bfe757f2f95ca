import type { ReassignmentMove } from '../../core/coverage-engine';
import type { ExportColumn } from '../../core/export/table-export';
import type { IdMode, MaskingPolicy } from '../../core/privacy/privacy';

export interface ActionListContext {
  householdIds: readonly string[];
  agentIds: readonly string[];
  /** Village and kecamatan name of each household. */
  householdPlace: (household: number) => { village: string; district: string };
  /** The masking policy: ids become its pseudonyms unless `idMode` is 'internal'. */
  policy: MaskingPolicy;
  /** 'internal' (full ids) only when the user asked for it for this one export. */
  idMode: IdMode;
  headers: {
    agent: string;
    fromAgent: string;
    household: string;
    village: string;
    district: string;
    distance: string;
  };
  /** Wraps an id column's header in internal mode, so the file says it holds full ids. */
  internalHeader: (header: string) => string;
}

/** The supervisor's action list: one row per proposed assignment, ids as pseudonyms unless internal. */
export function actionList(
  moves: readonly ReassignmentMove[],
  ctx: ActionListContext,
): { columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const internal = ctx.idMode === 'internal';
  const idHeader = (header: string) => (internal ? ctx.internalHeader(header) : header);
  const agent = (index: number) =>
    index >= 0 ? ctx.policy.id('agent', ctx.agentIds[index], ctx.idMode) : '';
  const columns: ExportColumn[] = [
    { key: 'agent', header: idHeader(ctx.headers.agent) },
    { key: 'household', header: idHeader(ctx.headers.household) },
    { key: 'village', header: ctx.headers.village },
    { key: 'district', header: ctx.headers.district },
    { key: 'distance', header: ctx.headers.distance, kind: 'number' },
    { key: 'fromAgent', header: idHeader(ctx.headers.fromAgent) },
  ];
  const rows = moves.map((m) => {
    const place = ctx.householdPlace(m.household);
    return {
      agent: agent(m.toAgent),
      household: ctx.policy.id('household', ctx.householdIds[m.household], ctx.idMode),
      village: place.village,
      district: place.district,
      distance: Math.round(m.distanceM),
      fromAgent: agent(m.fromAgent),
    };
  });
  return { columns, rows };
}
