import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLink, writeLink } from '../../../src/core/url/link-keys';
import { INNOVATION_LINK, type InnovationLinkState } from '../../../src/features/innovation/url-state';

const stateArb: fc.Arbitrary<InnovationLinkState> = fc.record({
  tab: fc.constantFrom('index', 'assessment', 'programme'),
  year: fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }),
});

describe('Inovasi settings in the link', () => {
  it('round-trip for any settings, keeping other parameters', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const search = writeLink(INNOVATION_LINK, '?lang=en&section=innovation', state);
        expect(readLink(INNOVATION_LINK, search)).toEqual({ state, notices: [] });
        expect(new URLSearchParams(search).get('lang')).toBe('en');
      }),
    );
  });

  it('leave defaults out of the link, in Indonesian words otherwise', () => {
    expect(writeLink(INNOVATION_LINK, '', INNOVATION_LINK.defaults)).toBe('?');
    expect(writeLink(INNOVATION_LINK, '', { tab: 'programme', year: 2023 })).toBe(
      '?halaman=program&tahun=2023',
    );
  });

  it('fall back to the default with a notice for values that are not theirs', () => {
    const { state, notices } = readLink(INNOVATION_LINK, '?halaman=<b>&tahun=99');
    expect(state).toEqual(INNOVATION_LINK.defaults);
    expect(notices.map((n) => n.params.name)).toEqual(['halaman', 'tahun']);
  });
});
