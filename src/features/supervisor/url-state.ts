import { VILLAGE_CODE } from '../../core/domain/schema';

/** The supervisor's selected village in a link: `awasi` (earlier links used `desa`, now the planner's filter). */
const SUPERVISOR_VILLAGE = 'awasi';

/** The village a link opens the supervisor with, or null. */
export function readSupervisorVillage(search: string): string | null {
  const p = new URLSearchParams(search);
  const code = p.get(SUPERVISOR_VILLAGE) ?? (p.get('section') === 'supervisor' ? p.get('desa') : null);
  return code !== null && VILLAGE_CODE.test(code) ? code : null;
}

/** `search` opening the supervisor with `code` selected, other parameters (language, planner settings) kept. */
export function supervisorVillageSearch(search: string, code: string): string {
  const p = new URLSearchParams(search);
  p.set('section', 'supervisor');
  p.set(SUPERVISOR_VILLAGE, code);
  return `?${p.toString()}`;
}
