import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateLayout, formatDateText, parseDateText } from '../../../src/core/ui/date-text';
import { LOCALE } from '../../../src/i18n';

const LOCALES = [LOCALE.id, LOCALE.en, 'en-US', 'ja-JP'];

/** Any real calendar date between the years 1000 and 9999, as YYYY-MM-DD (an independent construction). */
const isoDate = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('date-text', () => {
  it('writes day/month/year in Indonesian and British English, month first in American English', () => {
    expect(formatDateText('2026-10-01', LOCALE.id)).toBe('01/10/2026');
    expect(formatDateText('2026-10-01', LOCALE.en)).toBe('01/10/2026');
    expect(formatDateText('2026-10-01', 'en-US')).toBe('10/01/2026');
    expect(dateLayout(LOCALE.id).order).toEqual(['day', 'month', 'year']);
    expect(formatDateText(null, LOCALE.id)).toBe('');
    expect(formatDateText('1 Oct', LOCALE.id)).toBe('');
  });

  it('reads what the user types: short day and month, other separators, ISO', () => {
    expect(parseDateText('1/9/2026', LOCALE.id)).toBe('2026-09-01');
    expect(parseDateText(' 01-09-2026 ', LOCALE.id)).toBe('2026-09-01');
    expect(parseDateText('1.9.2026', LOCALE.en)).toBe('2026-09-01');
    expect(parseDateText('1 9 2026', LOCALE.id)).toBe('2026-09-01');
    expect(parseDateText('2026-09-01', LOCALE.id)).toBe('2026-09-01');
    expect(parseDateText('9/1/2026', 'en-US')).toBe('2026-09-01');
    expect(parseDateText('', LOCALE.id)).toBe('');
    expect(parseDateText('   ', LOCALE.id)).toBe('');
  });

  it('refuses what is not a real date', () => {
    for (const text of [
      '31/02/2026',
      '29/02/2025',
      '00/10/2026',
      '10/13/2026',
      '32/01/2026',
      '1/9/26',
      '1/9',
      '1/9/2026/1',
      'besok',
      '01/10/2026x',
      '2026-02-30',
      '1/9/0999',
    ])
      expect(parseDateText(text, LOCALE.id), text).toBeNull();
    expect(parseDateText('29/02/2024', LOCALE.id)).toBe('2024-02-29');
  });

  it('for any date and locale, reads back what it writes, and reads the same date with one-digit parts', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...LOCALES), (iso, locale) => {
        const text = formatDateText(iso, locale);
        expect(parseDateText(text, locale)).toBe(iso);
        const short = text.replace(/(^|\D)0(\d)(?=\D)/g, '$1$2');
        expect(parseDateText(short, locale)).toBe(iso);
        expect(parseDateText(iso, locale)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('for any text, gives a real date, nothing, or a refusal — never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), fc.constantFrom(...LOCALES), (text, locale) => {
        const parsed = parseDateText(text, locale);
        if (parsed === null || parsed === '') return;
        expect(parsed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${parsed}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed);
      }),
      { numRuns: 500 },
    );
  });
});
