import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTANCE_LIMIT_M } from '../../../src/core/coverage-engine';
import { formatsFor } from '../../../src/core/ui/formats';
import { DISTANCE_STEP_M } from '../../../src/features/supervisor/coverage-ahead';
import { LOCALE } from '../../../src/i18n';

/** The number a label says, read back in its locale (decimal comma in Indonesian, point in English). */
function readBack(text: string, locale: string): number {
  const decimal = new Intl.NumberFormat(locale).format(1.5).charAt(1);
  return Number(text.replace(decimal === ',' ? /\./g : /,/g, '').replace(decimal, '.'));
}

describe('the distance limit as the UI writes it', () => {
  for (const locale of Object.values(LOCALE)) {
    it(`says every limit the slider offers exactly (${locale})`, () => {
      const f = formatsFor(locale);
      for (let m = DISTANCE_LIMIT_M[0]; m <= DISTANCE_LIMIT_M[1]; m += DISTANCE_STEP_M)
        expect(readBack(f.limitKm(m), locale)).toBe(m / 1000);
    });

    it(`says any limit to 10 m, with at least one decimal (${locale})`, () => {
      const f = formatsFor(locale);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2_000 }), (tens) => {
          const text = f.limitKm(tens * 10);
          expect(readBack(text, locale)).toBeCloseTo(tens / 100, 10);
          expect(text).toMatch(/^\d+[.,]\d{1,2}$/);
        }),
      );
    });
  }

  it('reads 1,25 km in Indonesian and 1.25 km in English, not 1,3', () => {
    expect(formatsFor(LOCALE.id).limitKm(1250)).toBe('1,25');
    expect(formatsFor(LOCALE.en).limitKm(1250)).toBe('1.25');
    expect(formatsFor(LOCALE.id).limitKm(1000)).toBe('1,0');
  });
});
