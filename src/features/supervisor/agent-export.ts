/**
 * The agent list and the office roll-up as export tables: headers in the user's language, rates rounded as
 * on screen (one decimal), distances in km with one decimal. Agents appear by pseudonym; their id, name and
 * NIP only in an internal export (the user's explicit, labelled choice for one file).
 */
import type { ExportColumn, ExportSheet } from '../../core/export/table-export';
import type { IdMode, MaskingPolicy } from '../../core/privacy/privacy';
import type { AgentRow, OfficeRow } from './agent-list';

/** One decimal, as the screen shows rates and kilometres; null stays empty. */
export const oneDecimal = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

export const kmOneDecimal = (m: number | null): number | null => (m === null ? null : oneDecimal(m / 1000));

/** Who an agent is, for an internal export only (loaded on demand). */
export interface AgentIdentity {
  id: string;
  name: string | null;
  nip: string | null;
}

export interface AgentExportContext {
  policy: MaskingPolicy;
  idMode: IdMode;
  /** Engine order; needed only when idMode is 'internal'. */
  identities?: readonly AgentIdentity[];
  /** Header of each column key (AGENT_EXPORT_KEYS), in the chosen language. */
  headers: Record<(typeof AGENT_EXPORT_KEYS)[number], string>;
  internalHeader: (header: string) => string;
  /** Text of an agent type and of "active" yes/no. */
  typeLabel: (type: string) => string;
  yesNo: (v: boolean) => string;
}

export const AGENT_EXPORT_KEYS = [
  'agent',
  'name',
  'nip',
  'type',
  'office',
  'village',
  'district',
  'active',
  'families',
  'covered',
  'visited',
  'visitedPct',
  'neverVisited',
  'maxKm',
] as const;

const PERSONAL = new Set(['name', 'nip']);

export function agentExport(rows: readonly AgentRow[], ctx: AgentExportContext): Omit<ExportSheet, 'name'> {
  const internal = ctx.idMode === 'internal';
  const keys = AGENT_EXPORT_KEYS.filter((k) => internal || !PERSONAL.has(k));
  const numeric = new Set(['families', 'covered', 'visited', 'visitedPct', 'neverVisited', 'maxKm']);
  const columns: ExportColumn[] = keys.map((key) => ({
    key,
    header:
      internal && (key === 'agent' || PERSONAL.has(key))
        ? ctx.internalHeader(ctx.headers[key])
        : ctx.headers[key],
    ...(numeric.has(key) ? { kind: 'number' as const } : {}),
  }));
  const out = rows.map((r) => {
    const who = ctx.identities?.[r.agent];
    return {
      agent: internal ? (who?.id ?? '') : r.code,
      ...(internal ? { name: who?.name ?? '', nip: who?.nip ?? '' } : {}),
      type: ctx.typeLabel(r.type),
      office: r.office ?? '',
      village: r.village ?? '',
      district: r.district ?? '',
      active: ctx.yesNo(r.active),
      families: r.families,
      covered: r.familiesCovered,
      visited: r.visited,
      visitedPct: oneDecimal(r.visitedPct),
      neverVisited: r.neverVisited,
      maxKm: kmOneDecimal(r.maxDistanceM),
    };
  });
  return { columns, rows: out };
}

export const OFFICE_EXPORT_KEYS = [
  'office',
  'agents',
  'activeAgents',
  'families',
  'familiesCovered',
  'coveragePct',
  'visitedPct',
  'neverVisited',
  'belowMin',
  'aboveCap',
] as const;

export function officeExport(
  rows: readonly OfficeRow[],
  headers: Record<(typeof OFFICE_EXPORT_KEYS)[number], string>,
  unknownOffice: string,
): Omit<ExportSheet, 'name'> {
  const columns: ExportColumn[] = OFFICE_EXPORT_KEYS.map((key) => ({
    key,
    header: headers[key],
    ...(key === 'office' ? {} : { kind: 'number' as const }),
  }));
  const out = rows.map((o) => ({
    ...o,
    office: o.office ?? unknownOffice,
    coveragePct: oneDecimal(o.coveragePct),
    visitedPct: oneDecimal(o.visitedPct),
  }));
  return { columns, rows: out };
}
