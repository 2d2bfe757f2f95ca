import { VISIT_WINDOW_DAYS } from '../../core/coverage-engine/household-status';
import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import { VILLAGE_CODE } from '../../core/domain/schema';
import { field, type LinkCodec, numberKey, patternKey, readLink, wordKey } from '../../core/url/link-keys';
import type { Parsed } from '../../core/url/parsed';

export type SupervisorTab = 'villages' | 'agents' | 'offices' | 'proposal';

/** Pengawasan's settings in the link. */
export interface SupervisorLinkState {
  tab: SupervisorTab;
  /** The village opened (`awasi`); earlier links used `desa`, now the planner's filter. */
  village: string | null;
  /** Visit window (`hari_kunjungan`): a family is terjangkau only when visited within this many days. */
  visitDays: number;
}

const SUPERVISOR_VILLAGE = 'awasi';

export const SUPERVISOR_LINK: LinkCodec<SupervisorLinkState> = {
  defaults: { tab: 'villages', village: null, visitDays: DEFAULT_COVERAGE_OPTIONS.visitDays },
  keys: [
    wordKey('daftar', field('tab'), { villages: 'desa', agents: 'agen', offices: 'opd', proposal: 'usulan' }),
    patternKey(SUPERVISOR_VILLAGE, field('village'), VILLAGE_CODE),
    numberKey('hari_kunjungan', field('visitDays'), VISIT_WINDOW_DAYS, { notice: 'visitDays' }),
  ],
};

/** Pengawasan's settings from a link; a supervisor link shared before `awasi` names its village `desa`. */
export function parseSupervisorLink(search: string): Parsed<SupervisorLinkState> {
  const p = new URLSearchParams(search);
  const earlier = p.get('section') === 'supervisor' ? p.get('desa') : null;
  if (!p.has(SUPERVISOR_VILLAGE) && earlier !== null) p.set(SUPERVISOR_VILLAGE, earlier);
  return readLink(SUPERVISOR_LINK, `?${p.toString()}`);
}

/** `search` opening the supervisor with `code` selected, other parameters (language, planner settings) kept. */
export function supervisorVillageSearch(search: string, code: string): string {
  const p = new URLSearchParams(search);
  p.set('section', 'supervisor');
  p.set(SUPERVISOR_VILLAGE, code);
  return `?${p.toString()}`;
}
