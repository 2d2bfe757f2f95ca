/**
 * Answers made ahead: the database's answers to the first visit of a dataset's opening map, made by the built app
 * itself. The demo's are shipped with the build (`scripts/ship-demo-answers.ts`, run by `npm run build`) and hold
 * figures of the synthetic demo only; an office's published dataset's are made beside its files
 * (`npm run data:answers`) and hold what its households do, so they stay behind the same login. A first visit is
 * drawn from them as a return visit is from the answers it kept (remembered-answers.ts): each is named by the
 * DuckDB build, every write's bytes and every statement's text, so an answer made by another build, from other
 * files or for another statement is never found, and that statement is asked of the database.
 *
 * The file: "GPA1", the number of answers (u32), then for each its key's length (u16), the key (UTF-8), its
 * length (u32) and its bytes (Arrow IPC); little-endian.
 */
import { DEMO_FIRST_LOOK_DIR } from '../first-look/first-look';

/** Where a build ships the answers of the demo whose manifest has `fingerprint`. */
export const shippedAnswersFile = (fingerprint: string): string =>
  `${DEMO_FIRST_LOOK_DIR}/demo-${fingerprint}.answers.bin`;

const MAGIC = [0x47, 0x50, 0x41, 0x31]; // "GPA1"
const MAX_KEY_BYTES = 0xffff;

export function encodeAnswers(answers: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const entries = [...answers].map(([key, bytes]) => [encoder.encode(key), bytes] as const);
  const size = entries.reduce((sum, [key, bytes]) => sum + 6 + key.byteLength + bytes.byteLength, 8);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, entries.length, true);
  let at = 8;
  for (const [key, bytes] of entries) {
    if (key.byteLength > MAX_KEY_BYTES) throw new Error('answer key too long');
    view.setUint16(at, key.byteLength, true);
    out.set(key, at + 2);
    at += 2 + key.byteLength;
    view.setUint32(at, bytes.byteLength, true);
    out.set(bytes, at + 4);
    at += 4 + bytes.byteLength;
  }
  return out;
}

/** The answers a shipped file holds; null when it is not one, or is cut short or has bytes left over. */
export function decodeAnswers(file: Uint8Array): Map<string, Uint8Array> | null {
  if (file.byteLength < 8 || MAGIC.some((b, i) => file[i] !== b)) return null;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint32(4, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const answers = new Map<string, Uint8Array>();
  let at = 8;
  try {
    for (let i = 0; i < count; i++) {
      const keyLength = view.getUint16(at, true);
      if (at + 2 + keyLength > file.byteLength) return null;
      const key = decoder.decode(file.subarray(at + 2, at + 2 + keyLength));
      at += 2 + keyLength;
      const length = view.getUint32(at, true);
      if (at + 4 + length > file.byteLength) return null;
      answers.set(key, file.slice(at + 4, at + 4 + length));
      at += 4 + length;
    }
  } catch {
    // Cut short (a length past the end) or a key that is not UTF-8.
    return null;
  }
  return at === file.byteLength ? answers : null;
}
