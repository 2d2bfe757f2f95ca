import { VILLAGE_CODE } from '../../core/domain/schema';
import { field, type LinkCodec, patternKey, readLink, wordKey } from '../../core/url/link-keys';
import type { Parsed } from '../../core/url/parsed';

export type SupervisorTab = 'villages' | 'agents' | 'proposal';

/** Pengawasan's settings in the link. */
export interface SupervisorLinkState {
  tab: SupervisorTab;
  /** The village opened (`awasi`); earlier links used `desa`, now the planner's filter. */
  village: string | null;
}

const SUPERVISOR_VILLAGE = 'awasi';

export const SUPERVISOR_LINK: LinkCodec<SupervisorLinkState> = {
  defaults: { tab: 'villages', village: null },
  keys: [
    wordKey('daftar', field('tab'), { villages: 'desa', agents: 'agen', proposal: 'usulan' }),
    patternKey(SUPERVISOR_VILLAGE, field('village'), VILLAGE_CODE),
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
