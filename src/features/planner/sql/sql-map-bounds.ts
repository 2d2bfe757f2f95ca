import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { SqlMapResult } from './SqlPanel';

export type Bounds = [number, number, number, number];

/** Where to fly for an SQL result shown on the map: its villages' extent, or its points' with a margin. */
export function sqlMapBounds(result: SqlMapResult | null, villages: FeatureCollection): Bounds | null {
  if (result?.kind === 'villages') {
    const codes = new Set(result.codes);
    const features = villages.features.filter((x) => codes.has(String(x.properties?.village_code)));
    return features.length ? (bbox({ type: 'FeatureCollection', features }) as Bounds) : null;
  }
  if (result?.kind === 'points' && result.positions.length >= 2) {
    const lons = result.positions.filter((_, i) => i % 2 === 0);
    const lats = result.positions.filter((_, i) => i % 2 === 1);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((v, i) =>
      i < 2 ? v - 0.005 : v + 0.005,
    ) as Bounds;
  }
  return null;
}
