/**
 * The planner's area table as pure functions: numeric filter expressions a user types in a
 * column header (`> 10`, `<= 5`, `10..20`, `10 - 20`, `= 0`), text filters on name columns
 * ("contains", ignoring case and accents), and a stable sort with nulls last.
 */
import { type SortDirection, sortByKey } from '../../core/ui/sort-rows';

/** A parsed numeric condition. `between` is inclusive at both ends. */
export type NumberFilter =
  | { op: '>' | '<' | '>=' | '<=' | '='; value: number }
  | { op: 'between'; min: number; max: number };

const NUMBER = String.raw`[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)`;
const COMPARISON = new RegExp(String.raw`^(>=|<=|>|<|=)?\s*(${NUMBER})$`);
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:\.\.|–|—|-|to|s/d|sampai)\s*(${NUMBER})$`, 'i');

const toNumber = (text: string) => Number(text.replace(',', '.'));

/**
 * Parses a filter: an optional operator (`>`, `<`, `>=`, `<=`, `=`; none means `=`) and a
 * number, or a range `a..b` / `a - b` (ends in either order). Decimal comma or point.
 * Empty text is no filter (null); anything else unreadable is `undefined` (shown as an error).
 */
export function parseNumberFilter(text: string): NumberFilter | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const range = RANGE.exec(t);
  if (range) {
    const a = toNumber(range[1] as string);
    const b = toNumber(range[2] as string);
    return { op: 'between', min: Math.min(a, b), max: Math.max(a, b) };
  }
  const cmp = COMPARISON.exec(t);
  if (!cmp) return undefined;
  const op = (cmp[1] ?? '=') as '>' | '<' | '>=' | '<=' | '=';
  return { op, value: toNumber(cmp[2] as string) };
}

/** A text condition: the value contains `text` (both folded by foldText). */
export interface TextFilter {
  op: 'contains';
  text: string;
}
export type ColumnFilter = NumberFilter | TextFilter;

/** Lower case without accents, so "tanjung" finds "Tanjung" and "e" finds "é". */
const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id-ID');

/** A text filter from what the user typed; empty text is no filter (null). */
export function parseTextFilter(text: string): TextFilter | null {
  const folded = foldText(text.trim());
  return folded === '' ? null : { op: 'contains', text: folded };
}

/** Whether a cell passes a filter; no data passes none. */
export function matchesFilter(value: unknown, filter: ColumnFilter): boolean {
  if (filter.op === 'contains') return typeof value === 'string' && foldText(value).includes(filter.text);
  return matchesNumber(typeof value === 'number' ? value : null, filter);
}

/** Whether `value` passes; a null value (no data) passes no filter. */
export function matchesNumber(value: number | null, filter: NumberFilter): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (filter.op) {
    case '>':
      return value > filter.value;
    case '<':
      return value < filter.value;
    case '>=':
      return value >= filter.value;
    case '<=':
      return value <= filter.value;
    case '=':
      return value === filter.value;
    default:
      return value >= filter.min && value <= filter.max;
  }
}

export type { SortDirection };

/**
 * Rows whose every filtered column passes, sorted by `key` (text by locale, numbers
 * numerically, nulls always last), ties kept in input order.
 */
export function filterSortRows<R extends object>(
  rows: readonly R[],
  filters: Readonly<Record<string, ColumnFilter | null | undefined>>,
  key: keyof R & string,
  direction: SortDirection,
  locale = 'id-ID',
): R[] {
  const active = Object.entries(filters).filter((e): e is [string, ColumnFilter] => Boolean(e[1]));
  const kept = rows.filter((row) =>
    active.every(([column, f]) => matchesFilter((row as Record<string, unknown>)[column], f)),
  );
  return sortByKey(kept, key, direction, undefined, locale);
}
