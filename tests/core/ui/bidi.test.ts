import bidiFactory from 'bidi-js';
import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { VillageBoundaries } from '../../../src/core/dataset/load-boundaries';
import { officialSheet, sourceLine } from '../../../src/core/map/sheet-frame';
import { isolate, stripBidiControls } from '../../../src/core/ui/bidi';
import { pdfSafe } from '../../../src/features/innovation/pdf-report';
import { catalogue } from '../../../src/i18n';

const bidi = bidiFactory();

/** Characters an attacker would put in a dataset name: every bidi control, RTL letters, digits, breaks. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\u202A',
        '\u202B',
        '\u202C',
        '\u202D',
        '\u202E',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
        '\u200E',
        '\u200F',
        '\u061C',
        '\n',
        '\u2029',
      ),
      fc.constantFrom('א', 'ב', 'ع', 'ر', 'ب', 'ي', '١', '٢'),
      fc.constantFrom('a', 'Z', '1', '9', ' ', '-', '.', '(', ')', '|', ','),
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((chars) => chars.join(''));

/** The presentation's source line and privacy notice around the name (left-to-right text). */
const before = 'Sumber data: ';
const after =
  ', diolah dasbor Gancang Pikat | 29 November 2026 | Hanya agregat; kelompok < 3 keluarga disembunyikan.';

describe('bidi isolation of text from files', () => {
  it('finding 5: RTL override in a dataset name cannot reverse the footer or the privacy notice after it', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const line = `${before}${isolate(name)}${after}`;
        const { levels, paragraphs } = bidi.getEmbeddingLevels(line, 'ltr');
        expect(paragraphs).toHaveLength(1);
        const tail = line.length - after.length;
        // Every character of the trusted text stays at the paragraph's left-to-right level 0.
        for (let i = 0; i < before.length; i++) expect(levels[i], `before @${i}`).toBe(0);
        for (let i = tail; i < line.length; i++)
          expect(levels[i], `after @${i} in ${JSON.stringify(name)}`).toBe(0);
        // …so it is shown in its own order.
        const shown = bidi.getReorderedString(line, { levels, paragraphs });
        expect(shown.endsWith(after)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the plain form keeps no control at all (PDF text)', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        expect(stripBidiControls(name)).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\n\u2029]/);
        expect(pdfSafe(isolate(name))).not.toMatch(
          /[^\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/,
        );
        expect(pdfSafe(isolate('Data Dinsos 2026'))).toBe('Data Dinsos 2026');
      }),
      { numRuns: 200 },
    );
  });

  it('finding 5: RTL override in a dataset name cannot reverse the printed sheet or slide footer', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'id', resources: { id: { translation: catalogue('id') } } });
    const boundaries = {
      kind: 'official',
      sourceUrl: 'https://example.invalid',
    } as unknown as VillageBoundaries;
    fc.assert(
      fc.property(hostile, (name) => {
        const credit = {
          datasetName: name,
          datasetDate: '2026-10-31',
          synthetic: true,
          locale: 'id-ID',
          t: i18n.t,
        };
        const sheet = officialSheet(
          { boundaries, province: null, ...credit },
          { fillByCode: new Map(), title: 'T', legendTitle: 'L', legend: [] },
        );
        const lines = [sourceLine(credit), ...sheet.footer];
        for (const line of lines) {
          const start = line.indexOf('\u2068');
          const end = line.lastIndexOf('\u2069');
          const { levels } = bidi.getEmbeddingLevels(line, 'ltr');
          for (let i = 0; i < line.length; i++)
            if (start < 0 || i < start || i > end) expect(levels[i], `${JSON.stringify(line)} @${i}`).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
