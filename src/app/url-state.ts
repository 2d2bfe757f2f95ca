import { NEED_CODES } from '../core/domain/schema';
import type { NeedMeasure } from '../core/sql/queries';
import { clamp, type Parsed, type SettingNotice } from '../core/url/parsed';
import type { Section } from './Header';

/** The settings a link reproduces. */
export interface UrlState {
  section: Section;
  measure: NeedMeasure;
  /** Coverage distance limit in metres (supervisor), 250–10,000. */
  thresholdM: number;
}

const DEFAULT_THRESHOLD_M = 1000;
export const THRESHOLD_RANGE_M = [250, 10_000] as const;

const SECTIONS: readonly Section[] = ['planner', 'supervisor', 'innovation'];
const MEASURES: readonly NeedMeasure[] = ['any', ...NEED_CODES];

export function parseUrlState(search: string): Parsed<UrlState> {
  const params = new URLSearchParams(search);
  const notices: SettingNotice[] = [];
  const section = params.get('section');
  const measure = params.get('need');
  const threshold = params.get('jarak_m');
  const state: UrlState = { section: 'planner', measure: 'any', thresholdM: DEFAULT_THRESHOLD_M };
  if (section !== null) {
    if ((SECTIONS as readonly string[]).includes(section)) state.section = section as Section;
    else notices.push({ key: 'section', params: { value: section } });
  }
  if (measure !== null) {
    if ((MEASURES as readonly string[]).includes(measure)) state.measure = measure as NeedMeasure;
    else notices.push({ key: 'need', params: { value: measure } });
  }
  if (threshold !== null) {
    const m = Number(threshold);
    const [lo, hi] = THRESHOLD_RANGE_M;
    state.thresholdM =
      threshold.trim() !== '' && Number.isFinite(m) ? clamp(Math.round(m), lo, hi) : DEFAULT_THRESHOLD_M;
    if (String(state.thresholdM) !== threshold.trim())
      notices.push({ key: 'distance', params: { value: threshold, fallback: state.thresholdM } });
  }
  return { state, notices };
}

export const readUrlState = (search: string): UrlState => parseUrlState(search).state;

/** `search` with the state written in, other parameters (e.g. lang) kept. */
export function writeUrlState(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  params.set('section', state.section);
  params.set('need', state.measure);
  params.set('jarak_m', String(state.thresholdM));
  return `?${params.toString()}`;
}
