/**
 * CSV for the scripts: reading through the app's one CSV reader (src/core/import/csv-text.ts), and RFC 4180
 * writing for the gazetteer and the demo tables.
 */
import { readCsvRecords, readCsvRows } from '../../src/core/import/csv-text.ts';

/** CSV text (comma-separated) as rows of fields; throws on a line that cannot be read. */
export function parseCsv(text: string): string[][] {
  const { rows, problems } = readCsvRows(text, ',');
  const bad = problems[0];
  if (bad) throw new Error(`CSV line ${bad.line}: ${bad.problem}`);
  return rows;
}

/** CSV text with a header row as records keyed by header name (the project's one reader). */
export const parseCsvRecords = (text: string): Record<string, string>[] => readCsvRecords(text, ',');

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field, quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (without the line break). */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}
