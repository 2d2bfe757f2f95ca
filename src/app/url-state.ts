import type { Section } from '../components/Header';
import type { NeedMeasure } from '../data/queries';
import { NEED_CODES } from '../data/schema';

/** The settings a link reproduces. */
export interface UrlState {
  section: Section;
  measure: NeedMeasure;
}

const SECTIONS: readonly string[] = ['planner', 'supervisor', 'innovation'];
const MEASURES: readonly string[] = ['any', ...NEED_CODES];

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const section = params.get('section') ?? '';
  const measure = params.get('need') ?? '';
  return {
    section: (SECTIONS.includes(section) ? section : 'planner') as Section,
    measure: (MEASURES.includes(measure) ? measure : 'any') as NeedMeasure,
  };
}

/** `search` with the state written in, other parameters (e.g. lang) kept. */
export function writeUrlState(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  params.set('section', state.section);
  params.set('need', state.measure);
  return `?${params.toString()}`;
}
