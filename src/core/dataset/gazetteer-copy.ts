/**
 * The gazetteer's columnar copy. `npm run data:ensure` loads villages.csv as the app's own CSV load does
 * (loadCsvTable) and writes the table as Arrow IPC under a name made from the CSV's bytes
 * (scripts/gazetteer-copy.ts). A load fetches the CSV, names the copy from it and inserts the copy as it is:
 * its first statements then need neither DuckDB's CSV reader nor the gazetteer's checks, code the engine has
 * not compiled yet on a first visit (a fifth of a second there). A gazetteer edited after the copy was made
 * names a file that does not exist, and is loaded and checked from its CSV as before.
 */

/** The gazetteer as served (data/villages.csv). */
export const GAZETTEER = 'villages.csv';

/** Where the copies live, beside the gazetteer. */
export const GAZETTEER_COPY_DIR = 'gazetteer';

const FNV_PRIME = 0x01000193;
/** FNV-1a's offset basis, and a second one for a second, differently started hash. */
const BASES = [0x811c9dc5, 0x5bd1e995] as const;

/**
 * A name for `bytes`: their length and two 32-bit FNV-1a hashes (from BASES). Each byte's step is a bijection
 * of the hash, so any change of one byte, at any place, changes both; a change of length changes the first part.
 */
export function contentKey(bytes: Uint8Array): string {
  let [a, b] = BASES as readonly [number, number];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    a = Math.imul(a ^ byte, FNV_PRIME);
    b = Math.imul(b ^ byte, FNV_PRIME);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${bytes.length.toString(16)}-${hex(a)}${hex(b)}`;
}

/** The copy of the gazetteer whose CSV has these bytes (a path beside the CSV). */
export const gazetteerCopyPath = (csv: Uint8Array): string =>
  `${GAZETTEER_COPY_DIR}/villages-${contentKey(csv)}.arrow`;
