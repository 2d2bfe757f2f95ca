import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { VillageBoundaries } from '../../../src/core/dataset/load-boundaries';
import { officialSheet, sourceLine } from '../../../src/core/map/sheet-frame';
import { catalogue } from '../../../src/i18n';

const translator = async (lng: 'id' | 'en') => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: catalogue(lng) } } });
  return i18n.t;
};

/** File names, addresses and developer words that a printed sheet must never show. */
const DEVELOPER_WORDING = /\.(geo)?json|https?:|\/\w+\/|docs\/|\bmin-cost\b|\bflow\b|kode\b|berkas\.json/i;

describe('the printed credit lines of a map sheet', () => {
  it.each(['id', 'en'] as const)(
    'name the data, its date and the synthetic label, never where the boundaries were read from (%s)',
    async (lng) => {
      const t = await translator(lng);
      const kinds: VillageBoundaries['kind'][] = ['approximate', 'imported', 'configured', 'file'];
      fc.assert(
        fc.property(
          fc.constantFrom(...kinds),
          fc.constantFrom(
            'boundaries/villages.geojson',
            'https://gis.bengkuluselatankab.go.id/batas.geojson',
            'batas_desa_2024.json',
          ),
          fc.option(fc.constantFrom('2026-10-31', '2025-01-01'), { nil: null }),
          fc.boolean(),
          (kind, sourceUrl, date, synthetic) => {
            const credit = { datasetName: 'Data Dinsos', datasetDate: date, synthetic, locale: lng, t };
            const boundaries = { kind, sourceUrl } as unknown as VillageBoundaries;
            const sheet = officialSheet(
              { boundaries, province: null, ...credit },
              { fillByCode: new Map(), title: 'T', legendTitle: 'L', legend: [] },
            );
            const text = sheet.footer.join('\n');
            expect(text).toContain(sourceLine(credit));
            expect(text).not.toContain(sourceUrl);
            expect(text).not.toMatch(DEVELOPER_WORDING);
            const year = date?.slice(0, 4);
            if (year) expect(sourceLine(credit)).toContain(year);
            else expect(sourceLine(credit)).not.toMatch(/\b20\d\d\b/);
            expect(/SINTETIS|SYNTHETIC/.test(text)).toBe(synthetic);
          },
        ),
      );
    },
  );
});
