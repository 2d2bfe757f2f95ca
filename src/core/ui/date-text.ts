/**
 * A calendar date typed and shown as text in the chosen language's order (31/10/2026 in Indonesian and in
 * British English), where the browser's own date field follows the browser's language instead (mm/dd/yyyy on
 * an American-English Chrome, whatever the page says). Values are `YYYY-MM-DD`.
 */

import { isCalendarDate } from '../domain/calendar';

export type DatePart = 'day' | 'month' | 'year';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateLayout {
  readonly order: readonly DatePart[];
  readonly separator: string;
}

/** Each locale's layout, worked out once (a keystroke in a date field asks for it several times). */
const layouts = new Map<string, DateLayout>();

/** The order of day, month and year in `locale`'s numeric dates, and the separator between them. */
export function dateLayout(locale: string): DateLayout {
  let layout = layouts.get(locale);
  if (!layout) {
    const parts = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatToParts(Date.UTC(2026, 9, 31));
    const order = parts
      .map((p) => p.type)
      .filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
    const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
    layout = { order, separator };
    layouts.set(locale, layout);
  }
  return layout;
}

/** `YYYY-MM-DD` as the locale writes it with two-digit day and month ("31/10/2026"); '' when not a date. */
export function formatDateText(iso: string | null, locale: string): string {
  const m = iso ? ISO.exec(iso) : null;
  if (!m) return '';
  const value: Record<DatePart, string> = {
    year: m[1] as string,
    month: m[2] as string,
    day: m[3] as string,
  };
  const { order, separator } = dateLayout(locale);
  return order.map((part) => value[part]).join(separator);
}

/** The date's parts as `YYYY-MM-DD`, when they make a real calendar date of the years 1000–9999. */
function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1000 && isCalendarDate(iso) ? iso : null;
}

/**
 * Text typed for a date: `YYYY-MM-DD`, '' when empty, null when it is not a date. Read in the locale's order
 * with one- or two-digit day and month and a four-digit year, separated by "/", "-", "." or spaces; a date
 * written `YYYY-MM-DD` is read as such.
 */
export function parseDateText(text: string, locale: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const fields = trimmed.split(/\s*[/.\-\s]\s*/);
  const { order } = dateLayout(locale);
  if (fields.length !== 3 || order.length !== 3) return null;
  const value: Partial<Record<DatePart, number>> = {};
  for (const [i, part] of order.entries()) {
    const field = fields[i] as string;
    const digits = part === 'year' ? /^\d{4}$/ : /^\d{1,2}$/;
    if (!digits.test(field)) return null;
    value[part] = Number(field);
  }
  return isoOf(value.year as number, value.month as number, value.day as number);
}
