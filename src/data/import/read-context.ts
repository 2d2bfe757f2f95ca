/** What a format reader gets to hand its rows over: the same for CSV, XLSX, Parquet and GeoJSON. */
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
  /** Declares the source headers (once, before any row); returns nothing, rows follow. */
  begin(headers: string[]): Promise<void>;
  /** One data row: its reported row number and one cell per header (null = empty). */
  row(row: number, cells: readonly (string | null | undefined)[]): Promise<void>;
  /** A row that cannot be staged at all (e.g. wrong number of fields): rejected with this issue. */
  reject(issue: ImportIssue): void;
  /** Share of the input read, 0–1. */
  progress(fraction: number): void;
  /** Throws CancelledError when the import was cancelled. */
  checkAbort(): void;
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
