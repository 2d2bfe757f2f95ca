import type { Feature, Polygon } from 'geojson';

/** A square village of side `size` (degrees) with its south-west corner at (lon, lat), for area tests. */
export const squareArea = (code: string, lon: number, lat: number, size: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: { village_code: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  },
});
