/**
 * Where the server may offer the official village boundaries (beside the app), when config.json names no file:
 * read by the loader (load-boundaries.ts) and by the first look's boot, whose read the loader takes (askAhead in
 * fetch-bytes.ts), so the file is downloaded once.
 */
export const OFFICIAL_BOUNDARIES_FILE = 'boundaries/villages.geojson';
/** The land the approximate boundaries are clipped to, beside the app (read by every load). */
export const LAND_FILE = 'land-clip.geojson';
