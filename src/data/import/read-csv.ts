/**
 * CSV (and TSV) → staging rows. Row numbers are physical lines. The header is the line among the first ones
 * that names the most known columns: title or date lines above it are skipped.
 */
import { CsvParser, type CsvRecord, detectDelimiter, leadingLines } from './csv-parse';
import { fail, HEADER_SEARCH_ROWS, headerIndex, type ReadContext, uniqueHeaders } from './read-context';
import { chooseEncoding, decodeChunks, type TextEncodingName } from './text';
import { MAX_COLUMNS } from './types';

export interface CsvReadInfo {
  encoding: TextEncodingName;
  delimiter: string;
}

export async function readCsv(bytes: Uint8Array, ctx: ReadContext): Promise<CsvReadInfo> {
  const { encoding, start } = chooseEncoding(bytes);
  let parser: CsvParser | null = null;
  let width = 0;
  let delimiter = ',';
  let pendingText = '';
  // The first records, held until the header among them is known.
  let head: CsvRecord[] | null = [];

  const rows = async (records: readonly CsvRecord[]): Promise<void> => {
    for (const rec of records) {
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
    const at = headerIndex(
      records.map((r) => r.fields),
      (cells) => ctx.recognised(cells),
    );
    const header = records[at];
    if (!header) return;
    width = header.fields.length;
    if (width > MAX_COLUMNS) fail('too_many_columns', `${width} columns (at most ${MAX_COLUMNS})`);
    await ctx.begin(uniqueHeaders(header.fields), header.line);
    await rows(records.slice(at + 1));
  };
  const handle = async (records: CsvRecord[]): Promise<void> => {
    if (!head) return rows(records);
    head.push(...records);
    if (head.length < HEADER_SEARCH_ROWS) return;
    const held = head;
    head = null;
    await begin(held);
  };

  for (const { text, offset } of decodeChunks(bytes, encoding, start)) {
    ctx.checkAbort();
    if (!parser) {
      // Wait for the first lines before choosing the delimiter.
      pendingText += text;
      if (leadingLines(pendingText, HEADER_SEARCH_ROWS).length < HEADER_SEARCH_ROWS && offset < bytes.length)
        continue;
      delimiter = detectDelimiter(leadingLines(pendingText, HEADER_SEARCH_ROWS));
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
    delimiter = detectDelimiter(pendingText);
    parser = new CsvParser(delimiter as ',');
    await handle(parser.feed(pendingText));
  }
  await handle(parser.end());
  if (head) await begin(head);
  if (width === 0) fail('no_header', 'the file has no header line');
  return { encoding, delimiter };
}
