import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SECTION_STATE,
  parseSectionState,
  type SectionUrlState,
  writeSectionState,
} from '../../src/app/section-url-state';

const stateArb: fc.Arbitrary<SectionUrlState> = fc.record({
  supervisorTab: fc.constantFrom('villages', 'agents', 'proposal'),
  innovationTab: fc.constantFrom('index', 'assessment', 'programme'),
  year: fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }),
});

describe('Pengawasan and Inovasi settings in the link', () => {
  it('round-trip for any settings, keeping other parameters', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const search = writeSectionState('?lang=en&section=planner', state);
        expect(parseSectionState(search)).toEqual({ state, notices: [] });
        expect(new URLSearchParams(search).get('lang')).toBe('en');
      }),
    );
  });

  it('leave defaults out of the link, in Indonesian words otherwise', () => {
    expect(writeSectionState('', DEFAULT_SECTION_STATE)).toBe('?');
    const search = writeSectionState('', { supervisorTab: 'agents', innovationTab: 'programme', year: 2023 });
    expect(search).toBe('?daftar=agen&halaman=program&tahun=2023');
  });

  it('fall back to the default with a notice for values that are not theirs', () => {
    const { state, notices } = parseSectionState('?daftar=admin&halaman=<b>&tahun=99');
    expect(state).toEqual(DEFAULT_SECTION_STATE);
    expect(notices.map((n) => n.params.name)).toEqual(['daftar', 'halaman', 'tahun']);
  });
});
