/**
 * Where the server may offer the official village boundaries (beside the app), when config.json names no file:
 * read by the loader (load-boundaries.ts) and probed by the first look's boot, which must stay free of the
 * loader's dependencies.
 */
export const OFFICIAL_BOUNDARIES_FILE = 'boundaries/villages.geojson';
