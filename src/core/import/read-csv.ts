/**
 * CSV (and TSV) → staging rows. Row numbers are physical lines. The header is the line among the first ones
 * that names the most known columns: title or date lines above it are skipped. Every physical line is accounted
 * for (LineAccount): a data row (staged or rejected), the header, a title line, a blank line, or a further line
 * of a record whose quoted value holds line breaks.
 */
import { CsvParser, type CsvRecord, MAX_LINE_CHARS } from './csv-parse';
import { detectDelimiter, leadingLines } from './csv-sniff';
import { fail, HEADER_SEARCH_ROWS, headerIndex, type ReadContext, uniqueHeaders } from './read-context';
import { chooseEncoding, decodeChunks, type TextEncodingName } from './text';
import { type LineAccount, MAX_COLUMNS } from './types';

export interface CsvReadInfo {
  encoding: TextEncodingName;
  delimiter: string;
  lines: LineAccount;
}

/** Text looked at to choose the delimiter (the first lines; a line that never ends stops the wait). */
const DELIMITER_PROBE_CHARS = MAX_LINE_CHARS;

export async function readCsv(bytes: Uint8Array, ctx: ReadContext): Promise<CsvReadInfo> {
  const { encoding, start } = chooseEncoding(bytes);
  let parser: CsvParser | null = null;
  let width = 0;
  let delimiter = ',';
  let pendingText = '';
  // The first records, held until the header among them is known.
  let head: CsvRecord[] | null = [];
  const lines = { header: 0, title: 0, continuation: 0 };
  const problems: CsvRecord[] = [];

  const rejectProblem = (rec: CsvRecord): void => {
    problems.push(rec);
    ctx.reject({
      row: rec.line,
      column: null,
      code: rec.problem ?? 'unclosed_quote',
      value: rec.excerpt ?? null,
    });
  };
  const rows = async (records: readonly CsvRecord[]): Promise<void> => {
    for (const rec of records) {
      if (rec.problem) {
        rejectProblem(rec);
        continue;
      }
      lines.continuation += rec.lines - 1;
      // Strict: an unquoted delimiter inside a value ("Budi, Jr") shifts every later field, so even a row with only
      // empty extra fields is rejected rather than guessed at.
      const fields = rec.fields;
      if (fields.length !== width) {
        ctx.reject({
          row: rec.line,
          column: null,
          code: 'wrong_field_count',
          value: `${fields.length}/${width}`,
        });
        continue;
      }
      await ctx.row(rec.line, fields);
    }
  };
  const begin = async (records: CsvRecord[]): Promise<void> => {
    const readable = records.filter((r) => !r.problem);
    const header =
      readable[
        headerIndex(
          readable.map((r) => r.fields),
          (cells) => ctx.recognised(cells),
        )
      ];
    if (!header) {
      for (const rec of records) rejectProblem(rec);
      return;
    }
    width = header.fields.length;
    if (width > MAX_COLUMNS) fail('too_many_columns', `${width} columns (at most ${MAX_COLUMNS})`);
    parser?.setWidth(width);
    const at = records.indexOf(header);
    for (const rec of records.slice(0, at)) {
      if (rec.problem) rejectProblem(rec);
      else lines.title += rec.lines;
    }
    lines.header = header.lines;
    await ctx.begin(uniqueHeaders(header.fields), header.line);
    await rows(records.slice(at + 1));
  };
  const handle = async (records: CsvRecord[]): Promise<void> => {
    if (!head) return rows(records);
    // One by one: a first chunk may hold a million records, too many for spread arguments.
    for (const rec of records) head.push(rec);
    if (head.filter((r) => !r.problem).length < HEADER_SEARCH_ROWS) return;
    const held = head;
    head = null;
    await begin(held);
  };

  for (const { text, offset } of decodeChunks(bytes, encoding, start)) {
    ctx.checkAbort();
    if (!parser) {
      // Wait for the first lines before choosing the delimiter.
      pendingText += text;
      if (
        pendingText.length < DELIMITER_PROBE_CHARS &&
        leadingLines(pendingText, HEADER_SEARCH_ROWS).length < HEADER_SEARCH_ROWS &&
        offset < bytes.length
      )
        continue;
      delimiter = detectDelimiter(
        leadingLines(pendingText.slice(0, DELIMITER_PROBE_CHARS), HEADER_SEARCH_ROWS),
      );
      parser = new CsvParser(delimiter as ',');
      await handle(parser.feed(pendingText));
      pendingText = '';
    } else {
      await handle(parser.feed(text));
    }
    ctx.progress(offset / Math.max(1, bytes.length));
  }
  if (!parser) {
    // A file without a line break: its only line decides.
    delimiter = detectDelimiter(pendingText.slice(0, DELIMITER_PROBE_CHARS));
    parser = new CsvParser(delimiter as ',');
    await handle(parser.feed(pendingText));
  }
  await handle(parser.end());
  if (head) await begin(head);
  if (width === 0) {
    const first = problems[0];
    fail(
      'no_header',
      first?.problem === 'line_too_long'
        ? `line ${first.line} is longer than ${MAX_LINE_CHARS} characters; no header line was found`
        : first
          ? `line ${first.line} opens a quote that is never closed; no header line was found`
          : 'the file has no header line',
    );
  }
  return {
    encoding,
    delimiter,
    lines: { physical: parser.physicalLines, blank: parser.blankLines, ...lines },
  };
}
