/**
 * Where the server may offer the official village boundaries (beside the app), when config.json names no file:
 * read by the loader (load-boundaries.ts) and by the first look's boot, which must stay free of the loader's
 * dependencies. The boot's download is handed to the loader, so the file is downloaded once.
 */
export const OFFICIAL_BOUNDARIES_FILE = 'boundaries/villages.geojson';
/** The land the approximate boundaries are clipped to, beside the app (read by every load). */
export const LAND_FILE = 'land-clip.geojson';

let readByBoot: Promise<string | null> | null = null;

/**
 * The official file's text, or null when the server has none (an HTTP error, or the index page that dev and
 * preview servers answer unknown paths with) or the request fails: the first look's read, kept for the loader.
 */
export function readOfficialFileEarly(signal: AbortSignal): Promise<string | null> {
  const read = fetch(OFFICIAL_BOUNDARIES_FILE, { signal })
    .then((r) => (r.ok ? r.text() : null))
    .then((text) => (text === null || text.trimStart().startsWith('<') ? null : text))
    .catch(() => null);
  readByBoot = read;
  return read;
}

/**
 * The boot's read of the official file, taken once (null when the boot did not read it): its text, or null
 * when it found none or failed — the loader then asks for the file itself, and reports what goes wrong.
 */
export function takeOfficialFileReadEarly(): Promise<string | null> | null {
  const read = readByBoot;
  readByBoot = null;
  return read;
}
