/** What a format reader gets to hand its rows over: the same for CSV, XLSX, Parquet, Arrow and GeoJSON. */
import type { ImportFatal, ImportIssue } from './types';

export class CancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'CancelledError';
  }
}

export class FatalError extends Error {
  constructor(readonly fatal: ImportFatal) {
    super(`${fatal.code}: ${fatal.detail}`);
    this.name = 'FatalError';
  }
}

export const fail = (code: ImportFatal['code'], detail: string): never => {
  throw new FatalError({ code, detail });
};

export interface ReadContext {
  /**
   * Declares the source headers (once, before any row); rows follow. `headerRow` is the row (line) the
   * headers were read from, for formats that have one.
   */
  begin(headers: string[], headerRow?: number): Promise<void>;
  /** How many of the table's columns these cells would name (to find the header below title rows). */
  recognised(cells: readonly (string | null)[]): number;
  /** One data row: its reported row number and one cell per header (null = empty). */
  row(row: number, cells: readonly (string | null | undefined)[]): Promise<void>;
  /**
   * Rows already in DuckDB (a columnar file it read itself), handed over at once instead of row by row: `select`
   * gives `_row` and the text of each header's column in order.
   */
  rowsInDatabase(select: string): Promise<void>;
  /** A row that cannot be staged at all (e.g. wrong number of fields): rejected with this issue. */
  reject(issue: ImportIssue): void;
  /** Share of the input read, 0–1. */
  progress(fraction: number): void;
  /** Throws CancelledError when the import was cancelled. */
  checkAbort(): void;
}

/** How many rows at the top of a CSV or sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 20;

/** A row below the first is taken as the header only when it names at least this many known columns. */
const MIN_HEADER_NAMES = 2;

/**
 * Which of the first rows is the header. Exports from office tools often put a title, a date or a blank line
 * above it, so a later row wins when it names more of the table's columns than the first row does — and at
 * least two (a data row may hold a value that happens to be a column name, such as "x"). Otherwise the first
 * row is the header (the report then says which columns are missing).
 */
export function headerIndex(
  rows: readonly (readonly (string | null)[])[],
  recognised: (cells: readonly (string | null)[]) => number,
): number {
  let best = 0;
  let bestScore = rows.length > 0 ? recognised(rows[0] ?? []) : 0;
  rows.slice(1, HEADER_SEARCH_ROWS).forEach((cells, i) => {
    const score = recognised(cells);
    if (score >= MIN_HEADER_NAMES && score > bestScore) {
      best = i + 1;
      bestScore = score;
    }
  });
  return best;
}

/** Header names as the report shows them: empty ones named by position, repeated ones numbered. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').trim();
    if (name === '') name = `column_${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
