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

describe('a number with a fixed count of decimals', () => {
  for (const locale of Object.values(LOCALE)) {
    it(`has exactly that many decimals and reads back to the number rounded (${locale})`, () => {
      const { fixed } = formatsFor(locale);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: 3 }),
          (hundredths, d) => {
            const n = hundredths / 100;
            const text = fixed(n, d);
            expect(text).toMatch(
              d === 0 ? /^\d{1,3}([.,]\d{3})*$/ : new RegExp(`^\\d{1,3}([.,]\\d{3})*[.,]\\d{${d}}$`),
            );
            // Rounded to the nearest, never further than half the last decimal.
            expect(Math.abs(readBack(text, locale) - n)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
          },
        ),
      );
    });
  }

  it('writes 3,00 and 1.234,5 in Indonesian, 3.00 and 1,234.5 in English', () => {
    expect(formatsFor(LOCALE.id).fixed(3, 2)).toBe('3,00');
    expect(formatsFor(LOCALE.id).fixed(1234.5, 1)).toBe('1.234,5');
    expect(formatsFor(LOCALE.en).fixed(3, 2)).toBe('3.00');
    expect(formatsFor(LOCALE.en).fixed(1234.5, 1)).toBe('1,234.5');
  });
});
