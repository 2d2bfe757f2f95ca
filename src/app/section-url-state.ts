/**
 * The settings of Pengawasan and Inovasi in the link, as a table of keys: each key's words, its default and
 * how it is read (an unknown value falls back to the default with a notice). Written only when not the
 * default, so a plain link stays short.
 */

import type { Parsed, SettingNotice } from '../core/url/parsed';
import type { InnovationTab } from '../features/innovation/InnovationView';
import type { SupervisorTab } from '../features/supervisor/SupervisorView';

export interface SectionUrlState {
  supervisorTab: SupervisorTab;
  innovationTab: InnovationTab;
  /** Assessment year of the innovation index; null = the latest rubric (checked against the data there). */
  year: number | null;
}

export const DEFAULT_SECTION_STATE: SectionUrlState = {
  supervisorTab: 'villages',
  innovationTab: 'index',
  year: null,
};

/** A setting whose values are words in the link. */
interface WordKey {
  field: 'supervisorTab' | 'innovationTab';
  key: string;
  words: Readonly<Record<string, string>>;
}

const WORD_KEYS = [
  { field: 'supervisorTab', key: 'daftar', words: { villages: 'desa', agents: 'agen', proposal: 'usulan' } },
  {
    field: 'innovationTab',
    key: 'halaman',
    words: { index: 'indeks', assessment: 'penilaian', programme: 'program' },
  },
] as const satisfies readonly WordKey[];

const YEAR_KEY = 'tahun';
const YEAR_RANGE = [2000, 2100] as const;

export function parseSectionState(search: string): Parsed<SectionUrlState> {
  const p = new URLSearchParams(search);
  const state: SectionUrlState = { ...DEFAULT_SECTION_STATE };
  const notices: SettingNotice[] = [];
  for (const { field, key, words } of WORD_KEYS) {
    const raw = p.get(key);
    if (raw === null) continue;
    const found = Object.entries(words).find(([, word]) => word === raw)?.[0];
    if (found) (state as unknown as Record<string, string>)[field] = found;
    else notices.push({ key: 'other', params: { name: key, value: raw } });
  }
  const year = p.get(YEAR_KEY);
  if (year !== null) {
    const y = Number(year);
    if (/^\d{4}$/.test(year) && y >= YEAR_RANGE[0] && y <= YEAR_RANGE[1]) state.year = y;
    else notices.push({ key: 'other', params: { name: YEAR_KEY, value: year } });
  }
  return { state, notices };
}

/** `search` with the settings written in (defaults left out), other parameters kept. */
export function writeSectionState(search: string, state: SectionUrlState): string {
  const p = new URLSearchParams(search);
  for (const { field, key, words } of WORD_KEYS) {
    const value = state[field];
    if (value === DEFAULT_SECTION_STATE[field]) p.delete(key);
    else p.set(key, (words as Record<string, string>)[value] as string);
  }
  if (state.year === null) p.delete(YEAR_KEY);
  else p.set(YEAR_KEY, String(state.year));
  return `?${p.toString()}`;
}
