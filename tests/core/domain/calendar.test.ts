import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isCalendarDate, localDay } from '../../../src/core/domain/calendar';

describe('isCalendarDate', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '2025-01-01',
    '2025-12-31',
    '2025-04-30',
    '1970-01-01',
    '0001-01-01',
    '9999-12-31',
  ])('%j is a calendar day', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2025-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2025-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-01-32',
    '2025-1-01',
    '2025-01-1',
    '25-01-01',
    '',
    ' 2025-01-01',
    '2025-01-01 ',
    '2025-01-01T00:00:00Z',
    '2025/01/01',
    '20250101',
    '+02025-01-01',
    '2025-01-01\n',
    '２０２５-01-01', // full-width digits
    'yyyy-mm-dd',
  ])('%j is not', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('agrees with a calendar built from year, month and day (property)', () => {
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const daysIn = (y: number, m: number) =>
      m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          expect(isCalendarDate(text)).toBe(real);
        },
      ),
    );
  });
});

describe('localDay', () => {
  it('writes a date built from local components as that day', () => {
    expect(localDay(new Date(2026, 0, 31, 23, 30))).toBe('2026-01-31');
    expect(localDay(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
    expect(localDay(new Date(2024, 1, 29, 12))).toBe('2024-02-29');
    expect(localDay(new Date(2025, 11, 31, 23, 59, 59, 999))).toBe('2025-12-31');
  });

  it('pads month and day to two digits', () => {
    expect(localDay(new Date(2026, 8, 5))).toBe('2026-09-05');
  });

  // A year below 1000 is padded, so the day stays `YYYY-MM-DD`.
  it('pads a year below 1000 to four digits', () => {
    const d = new Date(2000, 0, 1);
    d.setFullYear(999);
    expect(localDay(d)).toBe('0999-01-01');
  });

  it('round-trips with isCalendarDate for years 1000–9999 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (y, m, d, h, min) => {
          const date = new Date(y, m, d, h, min);
          const day = localDay(date);
          expect(isCalendarDate(day)).toBe(true);
          const [yy, mm, dd] = day.split('-').map(Number);
          expect([yy, mm, dd]).toEqual([date.getFullYear(), date.getMonth() + 1, date.getDate()]);
        },
      ),
    );
  });

  describe('in a time zone other than UTC', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    /** Node re-reads TZ when it is assigned; a runner that sandboxes process.env may not. */
    const zoneApplies = (tz: string, probe: Date, hours: number): boolean => {
      process.env.TZ = tz;
      return probe.getHours() === hours;
    };

    it('uses the local day, not the UTC one (Jakarta, UTC+7)', (ctx) => {
      const instant = new Date('2026-01-31T20:00:00Z'); // 03:00 on 1 February in Jakarta
      if (!zoneApplies('Asia/Jakarta', instant, 3)) ctx.skip();
      expect(localDay(instant)).toBe('2026-02-01');
      expect(instant.toISOString().slice(0, 10)).toBe('2026-01-31');
      expect(localDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    });

    it('uses the local day, not the UTC one (Los Angeles, UTC−8)', (ctx) => {
      const instant = new Date('2026-02-01T03:00:00Z'); // 19:00 on 31 January in Los Angeles
      if (!zoneApplies('America/Los_Angeles', instant, 19)) ctx.skip();
      expect(localDay(instant)).toBe('2026-01-31');
      expect(localDay(new Date('2026-03-01T07:59:00Z'))).toBe('2026-02-28');
    });
  });
});
