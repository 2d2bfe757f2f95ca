import type { ReassignmentMove } from '../../analysis/coverage-engine';
import { maskIdentifier } from '../../data/privacy';
import type { ExportColumn } from '../../data/table-export';

export interface ActionListContext {
  householdIds: readonly string[];
  agentIds: readonly string[];
  /** Village and kecamatan name of each household. */
  householdPlace: (household: number) => { village: string; district: string };
  /** Personal identifiers are masked unless the user asked for them in full. */
  fullIdentifiers: boolean;
  headers: {
    agent: string;
    fromAgent: string;
    household: string;
    village: string;
    district: string;
    distance: string;
  };
}

/** The supervisor's action list: one row per proposed assignment, household ids masked by default. */
export function actionList(
  moves: readonly ReassignmentMove[],
  ctx: ActionListContext,
): { columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const id = (value: string | undefined) => (ctx.fullIdentifiers ? (value ?? '') : maskIdentifier(value));
  const columns: ExportColumn[] = [
    { key: 'agent', header: ctx.headers.agent },
    { key: 'household', header: ctx.headers.household },
    { key: 'village', header: ctx.headers.village },
    { key: 'district', header: ctx.headers.district },
    { key: 'distance', header: ctx.headers.distance, kind: 'number' },
    { key: 'fromAgent', header: ctx.headers.fromAgent },
  ];
  const rows = moves.map((m) => {
    const place = ctx.householdPlace(m.household);
    return {
      agent: ctx.agentIds[m.toAgent] ?? '',
      household: id(ctx.householdIds[m.household]),
      village: place.village,
      district: place.district,
      distance: Math.round(m.distanceM),
      fromAgent: m.fromAgent >= 0 ? (ctx.agentIds[m.fromAgent] ?? '') : '',
    };
  });
  return { columns, rows };
}
