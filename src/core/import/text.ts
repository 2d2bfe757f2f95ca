/**
 * Turning file bytes into text, chunk by chunk, without ever holding the whole file as one string.
 * UTF-8 (with or without BOM) is the norm; UTF-16 with a BOM (Excel's "Unicode text") is read too; bytes that are
 * not valid UTF-8 are read as Windows-1252 (Excel's "CSV" on an Indonesian Windows), and the report says so.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes decoded per step: small enough to keep memory flat, large enough to keep calls cheap. */
export const TEXT_CHUNK_BYTES = 4 * 1024 * 1024;

/** The encoding announced by a byte order mark, and the BOM's length. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** True when the start of a file without a UTF-16 BOM looks binary (NUL or many control bytes). */
export function looksBinary(bytes: Uint8Array, probe = 8192): boolean {
  const n = Math.min(bytes.length, probe);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** True when all of `bytes` is valid UTF-8 (streamed, so memory stays flat). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < bytes.length; i += TEXT_CHUNK_BYTES) {
      decoder.decode(bytes.subarray(i, i + TEXT_CHUNK_BYTES), { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The encoding to read `bytes` with, and where the text starts (after a BOM). */
export function chooseEncoding(bytes: Uint8Array): { encoding: TextEncodingName; start: number } {
  const bom = sniffBom(bytes);
  if (bom) return { encoding: bom.encoding, start: bom.bomLength };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', start: 0 };
}

/** Decodes `bytes` from `start` in chunks of about TEXT_CHUNK_BYTES; `offset` is the byte position reached. */
export function* decodeChunks(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  start: number,
): Generator<{ text: string; offset: number }> {
  const decoder = new TextDecoder(encoding);
  for (let i = start; i < bytes.length; i += TEXT_CHUNK_BYTES) {
    const end = Math.min(bytes.length, i + TEXT_CHUNK_BYTES);
    yield { text: decoder.decode(bytes.subarray(i, end), { stream: true }), offset: end };
  }
  const rest = decoder.decode();
  if (rest !== '') yield { text: rest, offset: bytes.length };
}
