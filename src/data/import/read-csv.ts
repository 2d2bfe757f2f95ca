/** CSV (and TSV) → staging rows. Row numbers are physical lines, header = line 1. */
import { CsvParser, detectDelimiter, firstLine } from './csv-parse';
import { fail, type ReadContext, uniqueHeaders } from './read-context';
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

  const handle = async (records: { fields: string[]; line: number }[]): Promise<void> => {
    for (const rec of records) {
      if (width === 0) {
        width = rec.fields.length;
        if (width > MAX_COLUMNS) fail('too_many_columns', `${width} columns (at most ${MAX_COLUMNS})`);
        await ctx.begin(uniqueHeaders(rec.fields));
        continue;
      }
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

  for (const { text, offset } of decodeChunks(bytes, encoding, start)) {
    ctx.checkAbort();
    if (!parser) {
      // Wait for the whole header line before choosing the delimiter.
      pendingText += text;
      const line = firstLine(pendingText);
      if (line.length === pendingText.length && offset < bytes.length) continue;
      delimiter = detectDelimiter(line);
      parser = new CsvParser(delimiter as ',');
      await handle(parser.feed(pendingText));
      pendingText = '';
    } else {
      await handle(parser.feed(text));
    }
    ctx.progress(offset / Math.max(1, bytes.length));
  }
  if (!parser) {
    const line = firstLine(pendingText);
    delimiter = detectDelimiter(line);
    parser = new CsvParser(delimiter as ',');
    await handle(parser.feed(pendingText));
  }
  await handle(parser.end());
  if (width === 0) fail('no_header', 'the file has no header line');
  return { encoding, delimiter };
}
