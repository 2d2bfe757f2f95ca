/**
 * Display text of one SQL result cell from its Arrow type, in the chosen locale (id-ID: 1.234,5;
 * en-GB: 1,234.5). Pure. DuckDB-WASM hands HUGEINT and DECIMAL over as Arrow Decimal (an unscaled
 * 128-bit integer plus the type's scale) and BIGINT/UBIGINT as BigInt: both are formatted from their
 * exact decimal text, so no digit of a large integer is lost to floating point.
 */
import { type DataType, DataType as DT, TimeUnit } from 'apache-arrow';

/** Shown for SQL NULL (an SQL term, the same in both languages). */
export const NULL_TEXT = 'NULL';
/** Fraction digits shown at most for a DECIMAL column (its own scale when smaller). */
export const MAX_DECIMAL_FRACTION = 6;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

const integerFormat = (locale: string) =>
  cached(`int|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const decimalFormat = (locale: string, digits: number) =>
  cached(
    `dec|${locale}|${digits}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  );
/** Floating point: 3 fraction digits, or 6 significant digits when that shows more (small values). */
const floatFormat = (locale: string) =>
  cached(
    `float|${locale}`,
    () =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: 3,
        maximumSignificantDigits: 6,
        roundingPriority: 'morePrecision',
      }),
  );
const dateFormat = (locale: string) =>
  cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const timestampFormat = (locale: string, timeZone: string | null) =>
  cached(
    `ts|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: timeZone ? 'long' : 'medium',
        timeZone: timeZone ?? 'UTC',
      }),
  );

/**
 * Exact decimal text of an Arrow Decimal value: its unscaled integer (`String(value)` of apache-arrow's
 * BigNum, sign included) with the point put `scale` digits from the right.
 */
export function decimalText(value: unknown, scale: number): string {
  const raw = String(value);
  const negative = raw.startsWith('-');
  const digits = negative ? raw.slice(1) : raw;
  if (scale <= 0) return raw;
  const padded = digits.padStart(scale + 1, '0');
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** The value as a JS number when the type is numeric (for maps and charts), else null. */
export function numericValue(type: DataType, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (DT.isDecimal(type)) return Number(decimalText(value, type.scale));
  if (DT.isInt(type) || DT.isFloat(type)) return Number(value);
  return null;
}

/** True for the types shown right-aligned as numbers. */
export const isNumericType = (type: DataType): boolean =>
  DT.isInt(type) || DT.isFloat(type) || DT.isDecimal(type);

const jsonText = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);

const pad = (n: bigint, width = 2) => n.toString().padStart(width, '0');

/** Time of day from its Arrow unit. */
function timeText(unit: TimeUnit, value: unknown): string {
  const perSecond = {
    [TimeUnit.SECOND]: 1n,
    [TimeUnit.MILLISECOND]: 1000n,
    [TimeUnit.MICROSECOND]: 1_000_000n,
  }[unit as 0 | 1 | 2];
  const ticks = BigInt(value as bigint | number);
  const per = perSecond ?? 1_000_000_000n;
  const seconds = ticks / per;
  return `${pad(seconds / 3600n)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}`;
}

/** Display text of `value`, a cell of Arrow type `type`, in `locale`. */
export function formatSqlValue(type: DataType, value: unknown, locale: string): string {
  if (value === null || value === undefined) return NULL_TEXT;
  if (DT.isInt(type)) {
    return integerFormat(locale).format(typeof value === 'bigint' ? value : Number(value));
  }
  if (DT.isDecimal(type)) {
    const digits = Math.min(type.scale, MAX_DECIMAL_FRACTION);
    // Intl formats a decimal string exactly (no conversion through a double).
    return decimalFormat(locale, digits).format(decimalText(value, type.scale) as unknown as number);
  }
  if (DT.isFloat(type)) return floatFormat(locale).format(Number(value));
  if (DT.isBool(type)) return value ? 'true' : 'false';
  if (DT.isDate(type)) return dateFormat(locale).format(new Date(Number(value)));
  if (DT.isTimestamp(type)) {
    const zone = type.timezone && type.timezone.length > 0 ? type.timezone : null;
    return timestampFormat(locale, zone).format(new Date(Number(value)));
  }
  if (DT.isTime(type)) return timeText(type.unit, value);
  if (DT.isUtf8(type) || DT.isLargeUtf8(type)) return String(value);
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    return jsonText((value as { toJSON(): unknown }).toJSON());
  }
  return typeof value === 'object' ? jsonText(value) : String(value);
}
