/**
 * The demo's first look on the server's official village boundaries. The demo's look is drawn on the
 * approximate ones, which a server with an official file never shows: there each village keeps its colour and
 * is drawn in its official shape, as the app reads the file (boundary-match.ts) and keeps its opening map
 * (first-look-paths.ts). The colours do not depend on the shapes: they come from the data by village code.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { matchBoundaries } from '../geo/boundary-match';
import type { FirstLook } from './first-look';
import { areaPaths } from './first-look-paths';

/**
 * `look` drawn on the areas of `features`, or null unless they are exactly the look's areas (by code, each
 * once): an area without a colour, or a colour without an area, would not be the map the app then draws.
 */
export function lookOnAreas(
  look: FirstLook,
  features: readonly Feature<Polygon | MultiPolygon>[],
): FirstLook | null {
  const fills = new Map(look.areas.map((a) => [a.code, a.fill] as const));
  const { height, paths } = areaPaths(features, (f) => {
    const code = f.properties?.village_code;
    return typeof code === 'string' ? code : undefined;
  });
  const codes = new Set(paths.map((p) => p.code));
  const same =
    paths.length > 0 &&
    fills.size === look.areas.length &&
    codes.size === paths.length &&
    codes.size === fills.size &&
    paths.every((p) => fills.has(p.code));
  if (!same) return null;
  return {
    ...look,
    height,
    areas: paths.map((p) => ({ code: p.code, d: p.d, fill: fills.get(p.code) ?? '' })),
  };
}

/**
 * `look` (a village map) drawn on the official file's villages, as the app matches them to its villages (the
 * look's); null when the file cannot be read so, or when it does not hold exactly those villages.
 */
export function lookOnOfficialFile(look: FirstLook, file: unknown): FirstLook | null {
  const match = matchBoundaries(file, new Set(look.areas.map((a) => a.code)));
  return match.fatal ? null : lookOnAreas(look, match.features);
}
