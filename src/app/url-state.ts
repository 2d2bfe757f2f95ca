import { DISTANCE_LIMIT_M } from '../core/coverage-engine/household-status';
import { NEED_CODES } from '../core/domain/schema';
import type { NeedMeasure } from '../core/sql/queries';
import { field, type LinkCodec, numberKey, readLink, wordKey, writeLink } from '../core/url/link-keys';
import type { Parsed } from '../core/url/parsed';
import { SECTIONS, type Section } from './Header';

/** The settings a link reproduces. */
export interface UrlState {
  section: Section;
  measure: NeedMeasure;
  /** Coverage distance limit in metres (supervisor), 250–10,000. */
  thresholdM: number;
}

const DEFAULTS: UrlState = { section: 'planner', measure: 'any', thresholdM: 1000 };
const MEASURES: readonly NeedMeasure[] = ['any', ...NEED_CODES];

/** The app's own keys, always written: a shared link names its section, need and distance. */
export const APP_LINK: LinkCodec<UrlState> = {
  defaults: DEFAULTS,
  keys: [
    wordKey('section', field('section'), SECTIONS, { notice: 'section', always: true }),
    wordKey('need', field('measure'), MEASURES, { notice: 'need', always: true }),
    numberKey('jarak_m', field('thresholdM'), DISTANCE_LIMIT_M, {
      notice: 'distance',
      always: true,
    }),
  ],
};

export const parseUrlState = (search: string): Parsed<UrlState> => readLink(APP_LINK, search);
export const readUrlState = (search: string): UrlState => parseUrlState(search).state;
/** `search` with the state written in, other parameters (e.g. lang) kept. */
export const writeUrlState = (search: string, state: UrlState): string => writeLink(APP_LINK, search, state);
