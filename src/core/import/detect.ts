/** Which format a file is in (content first, then the name), and whether it is small enough to read. */
import { looksBinary, sniffBom } from './text';
import {
  FORMAT_EXTENSIONS,
  IMPORT_FORMATS,
  type ImportFatal,
  type ImportFormat,
  MAX_IMPORT_BYTES_BY_FORMAT,
} from './types';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PAR1 = [0x50, 0x41, 0x52, 0x31];
/** Arrow IPC: a stream's first message starts with the continuation marker; a file with `ARROW1`. */
const ARROW_STREAM = [0xff, 0xff, 0xff, 0xff];
const ARROW_FILE = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** Whether `bytes` are an Arrow IPC file (`ARROW1`) rather than a stream. */
export const isArrowFile = (bytes: Uint8Array): boolean => startsWith(bytes, ARROW_FILE);

export function formatFromName(fileName: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === undefined) return null;
  return IMPORT_FORMATS.find((format) => FORMAT_EXTENSIONS[format].includes(ext)) ?? null;
}

/**
 * The format of `bytes`: ZIP → XLSX, PAR1 → Parquet, Arrow IPC → Arrow, text starting with '{' → GeoJSON, other
 * text → CSV.
 * Returns a fatal error for binary content that is none of these (e.g. an old .xls or a PDF).
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat | ImportFatal {
  if (bytes.length === 0) return { code: 'empty_file', detail: 'the file is empty (0 bytes)' };
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, PAR1)) return 'parquet';
  if (startsWith(bytes, ARROW_STREAM) || isArrowFile(bytes)) return 'arrow';
  const bom = sniffBom(bytes);
  if (!bom && looksBinary(bytes)) {
    const byName = formatFromName(fileName);
    return {
      code: 'not_text',
      detail:
        byName === 'xlsx' || /\.xls$/i.test(fileName)
          ? 'the file is binary but not an XLSX workbook (old .xls? save it as .xlsx or CSV)'
          : 'the file is binary, not text, XLSX, Parquet, Arrow or GeoJSON',
    };
  }
  // First non-blank character of the text (after any BOM).
  const start = bom?.bomLength ?? 0;
  const step = bom?.encoding.startsWith('utf-16') ? 2 : 1;
  const le = bom?.encoding === 'utf-16le';
  for (let i = start; i < Math.min(bytes.length, start + 4096); i += step) {
    const code = step === 2 ? (le ? bytes[i] : bytes[i + 1]) : bytes[i];
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    return code === 0x7b ? 'geojson' : 'csv';
  }
  return formatFromName(fileName) === 'geojson' ? 'geojson' : 'csv';
}

const MB = 1024 * 1024;

/**
 * Size check before parsing. The UI should call it with `File.size` before reading the file into memory, so a
 * file that is too large is refused without loading it; importTable calls it again on the bytes.
 */
export function checkSize(format: ImportFormat, size: number): ImportFatal | null {
  const limit = MAX_IMPORT_BYTES_BY_FORMAT[format];
  if (size <= limit) return null;
  return {
    code: 'file_too_large',
    detail: `${(size / MB).toFixed(1)} MB; at most ${limit / MB} MB for ${format.toUpperCase()} in the browser${
      format === 'xlsx' ? ' (save large sheets as CSV)' : ''
    }`,
  };
}

/** checkSize by file name, for a File not yet read (format unknown → the CSV limit). */
export const checkFileSize = (fileName: string, size: number): ImportFatal | null =>
  checkSize(formatFromName(fileName) ?? 'csv', size);
