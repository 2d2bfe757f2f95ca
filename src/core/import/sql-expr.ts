/**
 * SQL expressions that read a raw text value (`NULLIF(trim(...), '')`) the way the data contract says
 * (data/README.md, Conventions). Each returns NULL when the value cannot be read; the checks compare the raw and the
 * typed value to tell "empty" from "unreadable". Nothing is guessed: a value is either read exactly or reported.
 */
import { literal } from '../sql/sql-client';

/** Characters trimmed from every cell: space, tab, CR, LF, no-break space. */
const TRIMMED = `' ' || chr(9) || chr(10) || chr(13) || chr(160)`;
/** A cell that starts or ends with one of them. */
const EDGE_TRIMMED = String.raw`'^[ \t\n\r\x{00a0}]|[ \t\n\r\x{00a0}]$'`;

/**
 * A cell trimmed of TRIMMED, empty → NULL. DuckDB's trim with a character set is slow even when there is nothing
 * to trim (most cells): it runs only on cells whose ends need it (the same result; 1 M rows × 17 columns:
 * 7.7 s → 3.1 s in DuckDB-WASM).
 */
export const rawCell = (column: string): string =>
  `NULLIF(CASE WHEN regexp_matches(${column}, ${EDGE_TRIMMED}) THEN trim(${column}, ${TRIMMED}) ELSE ${column} END, '')`;

/** A plain decimal number, '.' or ',' as decimal separator, optional exponent; no thousands separators, no NaN. */
const NUMBER_RE = String.raw`[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?`;
export const numberExpr = (raw: string): string =>
  `CASE WHEN regexp_full_match(${raw}, '${NUMBER_RE}') THEN TRY_CAST(replace(${raw}, ',', '.') AS DOUBLE) END`;

/** An integer: a number with no fractional part ("3", "3.0", "3,0") inside the INTEGER range. */
export const integerExpr = (num: string): string =>
  `CASE WHEN ${num} = trunc(${num}) AND abs(${num}) <= 2147483647 THEN (${num})::INTEGER END`;

/** ISO date `YYYY-MM-DD` (one-digit month/day accepted), optionally followed by a time, which is dropped. */
const DATE_RE = String.raw`\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?`;
export const dateExpr = (raw: string): string =>
  `CASE WHEN regexp_full_match(${raw}, '${DATE_RE}') THEN TRY_CAST(regexp_extract(${raw}, '^\\d{4}-\\d{1,2}-\\d{1,2}') AS DATE) END`;

/** Accepted flag spellings (case-insensitive) → 0/1. */
export const FLAG_TRUE = ['1', 'ya', 'y', 'true'] as const;
export const FLAG_FALSE = ['0', 'tidak', 'n', 'false'] as const;
export const flagExpr = (raw: string): string =>
  `CASE WHEN lower(${raw}) IN (${FLAG_TRUE.map(literal).join(', ')}) THEN 1
    WHEN lower(${raw}) IN (${FLAG_FALSE.map(literal).join(', ')}) THEN 0 END`;

/** One of `values`, compared case-insensitively; stored lower-case. */
export const enumExpr = (raw: string, values: readonly string[]): string =>
  `CASE WHEN lower(${raw}) IN (${values.map(literal).join(', ')}) THEN lower(${raw}) END`;

/**
 * The 10 digits of a village code written in any common form: dotted or with other separators
 * (`17.01.04.2019`, `17-01-04-2019`, `17 01 04 2019`), or 10 digits (`1701042019`; a trailing `.0` that a
 * spreadsheet number format adds is ignored). NULL for anything else.
 */
const SEPARATED_RE = String.raw`\d{2}[.\s/-]\d{2}[.\s/-]\d{2}[.\s/-]\d{4}`;
export const isSeparatedCode = (raw: string): string =>
  `coalesce(regexp_full_match(${raw}, '${SEPARATED_RE}'), false)`;
export const codeDigits = (raw: string): string =>
  `CASE WHEN regexp_full_match(${raw}, '${SEPARATED_RE}') THEN regexp_replace(${raw}, '\\D', '', 'g')
    WHEN regexp_full_match(${raw}, '\\d{10}(\\.0+)?') THEN left(${raw}, 10) END`;

/** Dotted Kemendagri form of 10 digits `1701DDNNNN` (format only, no gazetteer). */
export const dottedFromDigits = (digits: string): string =>
  `CASE WHEN regexp_full_match(${digits}, '1701\\d{6}')
    THEN concat_ws('.', substr(${digits}, 1, 2), substr(${digits}, 3, 2), substr(${digits}, 5, 2), substr(${digits}, 7, 4)) END`;

/** Great-circle distance in km (haversine, mean Earth radius). */
export const haversineKm = (lon1: string, lat1: string, lon2: string, lat2: string): string =>
  `(2 * 6371.0088 * asin(sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2)
    + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2))))`;
