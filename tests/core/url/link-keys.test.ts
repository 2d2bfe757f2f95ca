import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_LINK } from '../../../src/app/url-state';
import { type LinkCodec, readLink, writeLink } from '../../../src/core/url/link-keys';
import { INNOVATION_LINK } from '../../../src/features/innovation/url-state';
import { PLANNER_LINK } from '../../../src/features/planner/url-state';
import { SUPERVISOR_LINK } from '../../../src/features/supervisor/url-state';

const CODECS: [string, LinkCodec<unknown>][] = [
  ['app', APP_LINK as LinkCodec<unknown>],
  ['planner', PLANNER_LINK as LinkCodec<unknown>],
  ['supervisor', SUPERVISOR_LINK as LinkCodec<unknown>],
  ['innovation', INNOVATION_LINK as LinkCodec<unknown>],
];

/** Values a parameter may carry: texts some key writes (so the valid paths are reached) and any text. */
const SAMPLES = [
  '1',
  '0',
  '3',
  '5',
  '9',
  '12',
  '42',
  '-1',
  '99999',
  '0.5',
  ' 7',
  '',
  'abc',
  'manual',
  'jenks',
  'quantile',
  'kecamatan',
  'desa',
  'agen',
  'usulan',
  'indeks',
  'program',
  'supervisor',
  'innovation',
  'rtlh',
  'any',
  'asn',
  'selesai',
  'YlOrRd',
  'choropleth,points',
  'heatmap',
  '1_2_3',
  '3_1',
  '2-7',
  '7-2',
  '2025-03-01',
  '2025-02-31',
  '2024-12',
  '2025-13',
  '17.01.04',
  '17.01.04.2019',
  '102.9,-4.4,10',
  '150,10,9',
  'kesehatan:3,rtlh:0',
  '2023',
  'profile',
  'sql',
  '<b>',
  "1'--",
];

describe('every feature’s link codec (properties over any query string)', () => {
  for (const [name, codec] of CODECS) {
    const params = codec.keys.map((k) => k.param);
    const searchArb = fc
      .dictionary(fc.constantFrom(...params), fc.oneof(fc.constantFrom(...SAMPLES), fc.string()))
      .map((d) => `?${new URLSearchParams(d).toString()}`);

    it(`${name}: what a link is read as is written back as a link that reads the same, without notices`, () => {
      fc.assert(
        fc.property(searchArb, (search) => {
          const { state } = readLink(codec, search);
          const written = writeLink(codec, '?lang=en', state);
          expect(readLink(codec, written)).toEqual({ state, notices: [] });
          expect(new URLSearchParams(written).get('lang')).toBe('en');
          // Writing is stable: a written link written again is the same link.
          expect(writeLink(codec, written, state)).toBe(written);
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: a value no key accepts falls back to the default, named in one notice`, () => {
      for (const param of params) {
        for (const junk of ['<b>', "1'--", 'x'.repeat(300)]) {
          const { state, notices } = readLink(codec, `?${new URLSearchParams({ [param]: junk })}`);
          expect(state).toEqual(codec.defaults);
          expect(notices).toHaveLength(1);
          expect(Object.values(notices[0]?.params ?? {})).toContain(junk);
        }
      }
    });
  }

  it('a default left out of a link reads back as the default', () => {
    for (const [, codec] of CODECS)
      expect(readLink(codec, writeLink(codec, '', codec.defaults)).state).toEqual(codec.defaults);
  });
});
