import type { Section } from '../components/Header';
import type { NeedMeasure } from '../data/queries';
import { NEED_CODES } from '../data/schema';

/** The settings a link reproduces. */
export interface UrlState {
  section: Section;
  measure: NeedMeasure;
  /** Coverage distance limit in metres (supervisor), 250–10,000. */
  thresholdM: number;
}

const DEFAULT_THRESHOLD_M = 1000;
const clampThreshold = (m: number) =>
  Number.isFinite(m) ? Math.min(10_000, Math.max(250, Math.round(m))) : DEFAULT_THRESHOLD_M;

const SECTIONS: readonly string[] = ['planner', 'supervisor', 'innovation'];
const MEASURES: readonly string[] = ['any', ...NEED_CODES];

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const section = params.get('section') ?? '';
  const measure = params.get('need') ?? '';
  const threshold = params.get('jarak_m');
  return {
    section: (SECTIONS.includes(section) ? section : 'planner') as Section,
    measure: (MEASURES.includes(measure) ? measure : 'any') as NeedMeasure,
    thresholdM: threshold === null ? DEFAULT_THRESHOLD_M : clampThreshold(Number(threshold)),
  };
}

/** `search` with the state written in, other parameters (e.g. lang) kept. */
export function writeUrlState(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  params.set('section', state.section);
  params.set('need', state.measure);
  params.set('jarak_m', String(state.thresholdM));
  return `?${params.toString()}`;
}
