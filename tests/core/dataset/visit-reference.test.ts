/**
 * The day visit ages are counted back to: the source's own date when it states one, else the local day an
 * imported dataset was saved, else today (the user's local day, not UTC's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetSource } from '../../../src/core/dataset/dataset-source';
import { visitReferenceDate } from '../../../src/core/dataset/visit-reference';

const source = (o: Partial<DatasetSource> = {}): DatasetSource => ({
  kind: 'demo',
  name: 'uji',
  date: null,
  synthetic: true,
  files: {},
  ...o,
});
const imported = (savedAt: string, date: string | null = null): DatasetSource =>
  source({ kind: 'imported', synthetic: false, date, stored: { name: 'uji', savedAt, files: [] } });

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('visitReferenceDate', () => {
  const today = new Date(2026, 4, 20, 12, 0); // 20 May 2026, local noon

  it('the source’s own date wins over a saved day and over today', () => {
    expect(visitReferenceDate(source({ kind: 'published', date: '2025-10-31' }), today)).toBe('2025-10-31');
    expect(visitReferenceDate(source({ date: '2025-06-30' }), today)).toBe('2025-06-30');
    expect(visitReferenceDate(imported('2026-03-01T10:00:00.000Z', '2024-12-31'), today)).toBe('2024-12-31');
  });

  it('an imported dataset without a date: the local day it was saved', () => {
    const savedAt = '2026-03-01T10:00:00.000Z';
    expect(visitReferenceDate(imported(savedAt), today)).toBe(localDay(new Date(savedAt)));
  });

  it('the saved day is the user’s local day: late evening UTC is already tomorrow in WIB', () => {
    // 20:30 UTC = 03:30 the next day in Jakarta (UTC+7).
    process.env.TZ = 'Asia/Jakarta';
    expect(visitReferenceDate(imported('2026-03-01T20:30:00.000Z'), today)).toBe('2026-03-02');
    process.env.TZ = 'UTC';
    expect(visitReferenceDate(imported('2026-03-01T20:30:00.000Z'), today)).toBe('2026-03-01');
  });

  it('otherwise today, as a local day', () => {
    expect(visitReferenceDate(source(), today)).toBe('2026-05-20');
    expect(visitReferenceDate(source(), new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(visitReferenceDate(source({ kind: 'published', date: null, synthetic: false }), today)).toBe(
      '2026-05-20',
    );
    // Without a day given: the real today (read around the call, in case it runs over midnight).
    const before = localDay(new Date());
    const got = visitReferenceDate(source());
    expect([before, localDay(new Date())]).toContain(got);
  });

  it('ignores a date that is not YYYY-MM-DD and a savedAt that is not a time', () => {
    expect(visitReferenceDate(source({ date: '31/10/2025' }), today)).toBe('2026-05-20');
    expect(visitReferenceDate(source({ date: '' }), today)).toBe('2026-05-20');
    expect(visitReferenceDate(imported('not a date'), today)).toBe('2026-05-20');
    expect(visitReferenceDate(imported(''), today)).toBe('2026-05-20');
    expect(visitReferenceDate(imported('2026-03-01T10:00:00.000Z', '2026/03/01'), today)).toBe(
      localDay(new Date('2026-03-01T10:00:00.000Z')),
    );
  });

  it('pads months and days to two digits', () => {
    expect(visitReferenceDate(source(), new Date(2027, 8, 9))).toBe('2027-09-09');
  });
});
