/**
 * Bounds on what an XLSX file expands to, checked before exceljs builds the workbook in memory. An XLSX is a zip of
 * XML parts, and a small file can hold a huge sheet (26 MB → 2 M rows, 4.5 GB of XML; 0.8 MB → 20 M shared
 * strings): exceljs would take gigabytes and the tab (or the validator) would die without a word.
 *
 * 1. Before inflating anything: the zip's central directory gives every part's declared uncompressed size; their
 *    sum must stay under XLSX_LIMITS.expandedBytes.
 * 2. While inflating (fflate, a part at a time, in small compressed pieces so one step never yields more than a
 *    few tens of MB): the real expanded bytes (a declared size may lie), the rows and cells of the worksheets and
 *    the shared strings are counted, and the check stops at the first limit passed.
 * Every refusal is a fatal 'too_complex' naming the limit.
 */
import { Inflate } from 'fflate';
import { fail } from './read-context';

export const XLSX_LIMITS = {
  /** Sum of the uncompressed parts (the XML exceljs parses). */
  expandedBytes: 300 * 1024 * 1024,
  /** Rows in all worksheets. */
  rows: 500_000,
  /** Cells in all worksheets. */
  cells: 10_000_000,
  /** Entries of the shared string table. */
  sharedStrings: 2_000_000,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

export interface XlsxExpansion {
  expandedBytes: number;
  rows: number;
  cells: number;
  sharedStrings: number;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MB = 1024 * 1024;
const PIECE = 64 * 1024;

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** The entries of a zip's central directory; a fatal 'unreadable' when there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('unreadable', 'not a readable XLSX workbook: no zip directory');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (u32(bytes, p) !== 0x02014b50)
      fail('unreadable', 'not a readable XLSX workbook: broken zip directory');
    const nameLength = u16(bytes, p + 28);
    const entry: ZipEntry = {
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      fail('too_complex', `${entry.name} is larger than 4 GB uncompressed (ZIP64)`);
    }
    entries.push(entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** ASCII letters, digits and `_ : . -` (enough for the tag names counted). */
const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;

/**
 * Counts start tags by local name (`<row`, `<x:row` …) in XML arriving in pieces; a tag name cut between two
 * pieces is carried over.
 */
class TagCounter {
  private carry = '';
  readonly counts = new Map<string, number>();

  constructor(names: readonly string[]) {
    for (const n of names) this.counts.set(n, 0);
  }

  push(chunk: Uint8Array): void {
    // Latin-1 keeps one character per byte; tag names are ASCII.
    let text = this.carry;
    for (let i = 0; i < chunk.length; i += 8192) {
      text += String.fromCharCode(...chunk.subarray(i, i + 8192));
    }
    const last = text.lastIndexOf('<');
    const tail = last >= 0 && text.length - last < 40 ? last : text.length;
    for (let i = text.indexOf('<'); i !== -1 && i < tail; i = text.indexOf('<', i + 1)) {
      let j = i + 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      const local = name.slice(name.lastIndexOf(':') + 1);
      const counted = this.counts.get(local);
      if (counted !== undefined) this.counts.set(local, counted + 1);
    }
    this.carry = text.slice(tail);
  }
}

/** Checks the expansion of an XLSX file against `limits`; returns what was measured. Throws FatalError. */
export function checkXlsxExpansion(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): XlsxExpansion {
  const entries = zipEntries(bytes);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.expandedBytes) {
    fail(
      'too_complex',
      `the workbook expands to ${(declared / MB).toFixed(0)} MB of sheet data; at most ${limits.expandedBytes / MB} MB (save large sheets as CSV)`,
    );
  }
  const seen: XlsxExpansion = { expandedBytes: 0, rows: 0, cells: 0, sharedStrings: 0 };
  const over = (what: string, limit: number): never =>
    fail('too_complex', `the workbook holds more than ${limit} ${what}; save large sheets as CSV`);
  for (const entry of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    const strings = /^xl\/sharedStrings\.xml$/i.test(entry.name);
    const counter = sheet || strings ? new TagCounter(sheet ? ['row', 'c'] : ['si']) : null;
    const onData = (chunk: Uint8Array): void => {
      seen.expandedBytes += chunk.length;
      if (seen.expandedBytes > limits.expandedBytes)
        over('bytes of sheet data (its parts expand beyond their declared sizes)', limits.expandedBytes);
      counter?.push(chunk);
      if (counter && sheet) {
        if ((counter.counts.get('row') ?? 0) + seen.rows > limits.rows) over('rows', limits.rows);
        if ((counter.counts.get('c') ?? 0) + seen.cells > limits.cells) over('cells', limits.cells);
      }
      if (counter && strings && (counter.counts.get('si') ?? 0) > limits.sharedStrings)
        over('shared strings', limits.sharedStrings);
    };
    const start =
      entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (u32(bytes, entry.localOffset) !== 0x04034b50 || data.length < entry.compressedSize) {
      fail('unreadable', `not a readable XLSX workbook: ${entry.name} is cut off`);
    }
    if (entry.method === 0) {
      onData(data);
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => onData(chunk));
      try {
        for (let i = 0; i < data.length; i += PIECE) {
          inflate.push(data.subarray(i, i + PIECE), i + PIECE >= data.length);
        }
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof Error && err.name === 'FatalError') throw err;
        fail('unreadable', `not a readable XLSX workbook: ${entry.name} is damaged`);
      }
    } else {
      fail(
        'unreadable',
        `not a readable XLSX workbook: ${entry.name} uses compression method ${entry.method}`,
      );
    }
    if (counter && sheet) {
      seen.rows += counter.counts.get('row') ?? 0;
      seen.cells += counter.counts.get('c') ?? 0;
    }
    if (counter && strings) seen.sharedStrings += counter.counts.get('si') ?? 0;
  }
  return seen;
}
