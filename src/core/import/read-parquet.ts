/**
 * Parquet → staging rows, with hyparquet (pure JS; DuckDB-WASM's own Parquet reader is an extension that is not
 * available offline). Read in slices of PARQUET_SLICE_ROWS rows so memory stays flat. Row numbers are record index
 * + 1 (Parquet has no header line). Values become text: numbers and bigints in JS notation, dates as ISO
 * `YYYY-MM-DD` (timestamps with their time unless midnight UTC), booleans as true/false, nested values as JSON.
 */
import { fail, type ReadContext, uniqueHeaders } from './read-context';
import { isoFromDate } from './read-xlsx';
import { COLUMNAR_MAX_ROWS, MAX_COLUMNS } from './types';

export const PARQUET_SLICE_ROWS = 50_000;
/** Largest uncompressed page accepted (writers use ≈ 1 MB pages; DuckDB and Arrow stay far below this). */
export const PARQUET_MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** The text of one decoded Parquet value (null when missing). */
export function parquetText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoFromDate(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return String(value);
  }
}

type Metadata = import('hyparquet').FileMetaData;
type HeaderReader = (reader: { view: DataView; offset: number }) => {
  type: string;
  compressed_page_size: number;
  uncompressed_page_size: number;
  data_page_header?: { num_values: number; encoding: string };
  data_page_header_v2?: {
    num_values: number;
    num_nulls: number;
    num_rows: number;
    definition_levels_byte_length: number;
    repetition_levels_byte_length: number;
    encoding: string;
    is_compressed?: boolean;
  };
  dictionary_page_header?: { num_values: number };
};

/**
 * Walks every page header of every column chunk before decoding. hyparquet trusts page headers: a corrupted one
 * (negative or zero page size, a page past its chunk) makes its page loop spin forever — found by the fuzz tests.
 * Returns what is wrong, or null.
 */
export function checkPages(
  buffer: ArrayBuffer,
  metadata: Metadata,
  parquetHeader: HeaderReader,
  snappy: (input: Uint8Array, output: Uint8Array) => void,
): string | null {
  const view = new DataView(buffer);
  // Flat columns only (the schema's root children): their max definition level is 1 when OPTIONAL, else 0.
  const optional = new Map(
    metadata.schema.slice(1).map((e) => [e.name, e.repetition_type !== 'REQUIRED'] as const),
  );
  for (const group of metadata.row_groups) {
    for (const column of group.columns) {
      const meta = column.meta_data;
      if (!meta) return 'a column chunk without metadata';
      if (meta.path_in_schema.length !== 1) return 'nested columns are not supported';
      const hasLevels = optional.get(meta.path_in_schema[0] ?? '') ?? true;
      // Array sizes come from these counts: a corrupted one could ask V8 for an array it cannot make, which aborts
      // the whole process (Node) or tab (browser) instead of throwing.
      const chunkValues = Number(meta.num_values);
      if (!Number.isSafeInteger(chunkValues) || chunkValues < 0 || chunkValues > COLUMNAR_MAX_ROWS) {
        return 'implausible value count';
      }
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!(start >= 0 && end > start && end <= buffer.byteLength)) return `column chunk outside the file`;
      const reader = { view, offset: start };
      let values = 0;
      while (reader.offset < end) {
        let header: ReturnType<HeaderReader>;
        try {
          header = parquetHeader(reader);
        } catch (err) {
          return `unreadable page header (${err instanceof Error ? err.message : String(err)})`;
        }
        const size = header.compressed_page_size;
        if (!Number.isSafeInteger(size) || size < 0 || reader.offset + size > end)
          return 'page size out of bounds';
        if (!Number.isSafeInteger(header.uncompressed_page_size) || header.uncompressed_page_size < 0) {
          return 'negative page size';
        }
        const n =
          header.data_page_header?.num_values ??
          header.data_page_header_v2?.num_values ??
          header.dictionary_page_header?.num_values;
        if (n !== undefined && (!Number.isSafeInteger(n) || n > chunkValues))
          return 'implausible page value count';
        if (header.uncompressed_page_size > PARQUET_MAX_PAGE_BYTES) return 'implausible page size';
        const v2 = header.data_page_header_v2;
        if (v2) {
          const within = (x: number, max: number) => Number.isSafeInteger(x) && x >= 0 && x <= max;
          if (
            !within(v2.num_nulls, v2.num_values) ||
            !within(v2.num_rows, v2.num_values) ||
            !within(
              v2.definition_levels_byte_length + v2.repetition_levels_byte_length,
              header.uncompressed_page_size,
            ) ||
            !within(v2.definition_levels_byte_length, header.uncompressed_page_size)
          ) {
            return 'implausible page header counts';
          }
        }
        if (header.type === 'DATA_PAGE' || header.type === 'DATA_PAGE_V2') {
          if (n === undefined || n <= 0) return 'data page without values';
          values += n;
          const runs = checkPageRuns(
            new Uint8Array(buffer, reader.offset, size),
            header,
            meta.codec,
            meta.type,
            hasLevels,
            snappy,
          );
          if (runs) return runs;
        } else if (header.type !== 'DICTIONARY_PAGE' && header.type !== 'INDEX_PAGE') {
          return `unknown page type ${String(header.type)}`;
        }
        reader.offset += size;
      }
      if (values < Number(meta.num_values)) return 'fewer values in the pages than in the metadata';
    }
  }
  return null;
}

/**
 * Walks a run-length/bit-packed hybrid stream without decoding it: every run must fit in the `max` values the page
 * declares. hyparquet writes each RLE run into a plain JS array without a bound, so one corrupted run length makes
 * V8 abort the process ("invalid size error"), and a bit-packed run of width 0 can spin for minutes.
 */
export function rleRunsFit(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  max: number,
): boolean {
  let offset = start;
  let seen = 0;
  const valueBytes = (width + 7) >> 3;
  while (seen < max && offset < end) {
    let header = 0;
    let shift = 0;
    for (;;) {
      if (offset >= end || shift > 28) return false;
      const byte = bytes[offset++] ?? 0;
      header += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) break;
      shift += 7;
    }
    if (header % 2 === 1) {
      const groups = Math.floor(header / 2);
      if (groups * 8 > max - seen + 7) return false;
      seen += groups * 8;
      offset += groups * width;
    } else {
      const count = Math.floor(header / 2);
      if (count > max - seen) return false;
      seen += count;
      offset += valueBytes;
    }
  }
  return true;
}

const bitWidthOf = (n: number): number => (n <= 0 ? 0 : Math.ceil(Math.log2(n + 1)));

/** The RLE streams of one data page (definition levels, dictionary indices, RLE booleans) fit its value count. */
function checkPageRuns(
  raw: Uint8Array,
  header: ReturnType<HeaderReader>,
  codec: string,
  type: string,
  hasLevels: boolean,
  snappy: (input: Uint8Array, output: Uint8Array) => void,
): string | null {
  const decompress = (bytes: Uint8Array, size: number): Uint8Array | null => {
    if (codec === 'UNCOMPRESSED') return bytes;
    if (codec !== 'SNAPPY') return null; // hyparquet refuses other codecs itself
    const out = new Uint8Array(size);
    try {
      snappy(bytes, out);
    } catch {
      return new Uint8Array(0);
    }
    return out;
  };
  const dictionaryEncoded = (e: string) => e === 'RLE_DICTIONARY' || e === 'PLAIN_DICTIONARY';
  const v1 = header.data_page_header;
  const v2 = header.data_page_header_v2;
  if (v1) {
    const page = decompress(raw, header.uncompressed_page_size);
    if (!page) return null;
    const dv = new DataView(page.buffer, page.byteOffset, page.byteLength);
    let offset = 0;
    if (hasLevels) {
      if (page.length < 4) return 'truncated levels';
      const length = dv.getUint32(0, true);
      if (length > page.length - 4 || !rleRunsFit(page, 4, 4 + length, 1, v1.num_values)) {
        return 'corrupted definition levels';
      }
      offset = 4 + length;
    }
    if (dictionaryEncoded(v1.encoding) || (v1.encoding === 'RLE' && type !== 'BOOLEAN')) {
      const width = page[offset] ?? 0;
      if (width > 32 || !rleRunsFit(page, offset + 1, page.length, width, v1.num_values)) {
        return 'corrupted dictionary indices';
      }
    } else if (v1.encoding === 'RLE' && type === 'BOOLEAN') {
      const length = offset + 4 <= page.length ? dv.getUint32(offset, true) : -1;
      if (
        length < 0 ||
        !rleRunsFit(page, offset + 4, Math.min(page.length, offset + 4 + length), 1, v1.num_values)
      ) {
        return 'corrupted boolean runs';
      }
    }
    return null;
  }
  if (v2) {
    const levels = v2.repetition_levels_byte_length + v2.definition_levels_byte_length;
    if (v2.repetition_levels_byte_length > 0) return 'repetition levels in a flat column';
    if (v2.definition_levels_byte_length > 0) {
      const width = hasLevels ? 1 : bitWidthOf(0);
      if (!rleRunsFit(raw, 0, v2.definition_levels_byte_length, width, v2.num_values)) {
        return 'corrupted definition levels';
      }
    }
    const body = raw.subarray(levels);
    const page = v2.is_compressed === false ? body : decompress(body, header.uncompressed_page_size - levels);
    if (!page) return null;
    const max = v2.num_values - v2.num_nulls;
    if (dictionaryEncoded(v2.encoding)) {
      const width = page[0] ?? 0;
      if (width > 32 || !rleRunsFit(page, 1, page.length, width, max)) return 'corrupted dictionary indices';
    } else if (v2.encoding === 'RLE') {
      if (!rleRunsFit(page, 4, page.length, 1, max)) return 'corrupted boolean runs';
    }
  }
  return null;
}

export async function readParquet(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
  // hyparquet reads an ArrayBuffer; copy only when the view does not cover its whole buffer (a Node Buffer from
  // readFileSync usually sits inside a larger pool, and Buffer#slice does not copy).
  let buffer: ArrayBuffer;
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    buffer = bytes.buffer;
  } else {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    buffer = copy.buffer;
  }
  let metadata: ReturnType<typeof parquetMetadata>;
  let names: string[];
  try {
    metadata = parquetMetadata(buffer);
    names = parquetSchema(metadata).children.map((c) => String(c.element.name ?? ''));
  } catch (err) {
    return fail(
      'unreadable',
      `not a readable Parquet file: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (names.length === 0) fail('no_header', 'the Parquet file has no columns');
  if (names.length > MAX_COLUMNS)
    fail('too_many_columns', `${names.length} columns (at most ${MAX_COLUMNS})`);
  // Corrupted metadata can claim any row count: it must agree with its row groups and stay within reason.
  const total = Number(metadata.num_rows);
  const inGroups = metadata.row_groups.reduce((sum, g) => sum + Number(g.num_rows), 0);
  if (!Number.isSafeInteger(total) || total < 0 || total !== inGroups) {
    fail('unreadable', `the Parquet metadata is inconsistent (${total} rows, ${inGroups} in its row groups)`);
  }
  if (total > COLUMNAR_MAX_ROWS)
    fail('file_too_large', `${total} rows (at most ${COLUMNAR_MAX_ROWS} in the browser)`);
  const { parquetHeader } = await import('hyparquet/src/column.js');
  const { snappyUncompress } = await import('hyparquet');
  const broken = checkPages(buffer, metadata, parquetHeader, snappyUncompress);
  if (broken) fail('unreadable', `corrupted Parquet page: ${broken}`);
  await ctx.begin(uniqueHeaders(names));
  for (let start = 0; start < total; start += PARQUET_SLICE_ROWS) {
    ctx.checkAbort();
    const end = Math.min(total, start + PARQUET_SLICE_ROWS);
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file: buffer,
        metadata,
        rowStart: start,
        rowEnd: end,
        rowFormat: 'array',
        onComplete: (r: unknown[][]) => {
          rows = r;
        },
      });
    } catch (err) {
      fail(
        'unreadable',
        `Parquet rows ${start + 1}–${end} cannot be decoded: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (rows.length !== end - start) {
      fail('unreadable', `Parquet rows ${start + 1}–${end}: ${rows.length} decoded, ${end - start} expected`);
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? [];
      await ctx.row(
        start + i + 1,
        Array.from({ length: names.length }, (_, k) => parquetText(row[k])),
      );
    }
    ctx.progress(end / Math.max(1, total));
  }
}
