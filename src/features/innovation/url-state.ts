import { field, type LinkCodec, linkKey, wordKey } from '../../core/url/link-keys';

export type InnovationTab = 'index' | 'assessment' | 'programme';

/** Inovasi's settings in the link. */
export interface InnovationLinkState {
  tab: InnovationTab;
  /** Assessment year; null = the latest rubric (a year is checked against the rubrics once they load). */
  year: number | null;
}

const YEAR = /^\d{4}$/;

export const INNOVATION_LINK: LinkCodec<InnovationLinkState> = {
  defaults: { tab: 'index', year: null },
  keys: [
    wordKey('halaman', field('tab'), { index: 'indeks', assessment: 'penilaian', programme: 'program' }),
    linkKey({
      param: 'tahun',
      lens: field('year'),
      parse: (raw) => (YEAR.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100 ? Number(raw) : null),
      format: (year) => (year === null ? null : String(year)),
    }),
  ],
};
