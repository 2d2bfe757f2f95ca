/**
 * The one CSV reader for a whole text in memory (rubric and assessment files, the gazetteer, demo tables,
 * benchmarks, tests): the import's parser (import/csv-parse.ts) with its delimiter detection, so every CSV
 * the project reads follows the same rules — quotes, line breaks inside quotes, CRLF/LF/CR, a BOM, and an
 * unclosed quote that costs its own line, never the rest of the file.
 */
import { CsvParser, type CsvRecord } from './csv-parse';
import { type Delimiter, detectDelimiter, leadingLines } from './csv-sniff';

export interface CsvRows {
  /** The records' fields, blank records left out. */
  rows: string[][];
  /** Lines that could not be read as a record (an unclosed quote, an overlong line), with their numbers. */
  problems: CsvRecord[];
}

/** Reads CSV text; the delimiter is detected from the first lines unless given. */
export function readCsvRows(text: string, delimiter?: Delimiter): CsvRows {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = new CsvParser(delimiter ?? detectDelimiter(leadingLines(src, 5)));
  // The header's width first: later lines are judged against it when a quote is left open.
  const firstBreak = src.search(/\r\n|\n|\r/);
  const head = firstBreak < 0 ? src : src.slice(0, firstBreak + (src.startsWith('\r\n', firstBreak) ? 2 : 1));
  const records = parser.feed(head);
  const header = records.find((r) => !r.problem);
  if (header) parser.setWidth(header.fields.length);
  // Not push(...): a spread of a million records overflows the stack.
  for (const r of parser.feed(src.slice(head.length))) records.push(r);
  for (const r of parser.end()) records.push(r);
  return {
    rows: records.filter((r) => !r.problem).map((r) => r.fields),
    problems: records.filter((r) => r.problem),
  };
}

/** CSV text with a header row as records keyed by header name; throws on a line that cannot be read. */
export function readCsvRecords(text: string, delimiter: Delimiter = ','): Record<string, string>[] {
  const { rows, problems } = readCsvRows(text, delimiter);
  const bad = problems[0];
  if (bad) throw new Error(`CSV line ${bad.line}: ${bad.problem} (${bad.excerpt ?? ''})`);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r, i) => {
    if (r.length !== header.length)
      throw new Error(`CSV record ${i + 2}: ${r.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']));
  });
}

/** Rows of trimmed fields, rows without any text left out (hand-made files: rubrics, assessments). */
export function readTrimmedRows(text: string): string[][] {
  return readCsvRows(text)
    .rows.map((r) => r.map((f) => f.trim()))
    .filter((r) => r.some((f) => f !== ''));
}
