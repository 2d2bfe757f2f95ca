import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { dissolveBy } from '../../../src/core/geo/dissolve.ts';

// polygon-clipping throws on the rare input it cannot complete ("Unable to complete output ring", …).
vi.mock('polygon-clipping', () => ({
  default: {
    union: () => {
      throw new Error('Unable to complete output ring');
    },
  },
}));

/** Column `x` of a row of 0.01° squares near Manna (neighbours share their edges exactly). */
const lon = (x: number) => (10290 + x) / 100;
const square = (x: number, district: string): Feature<Polygon, { district: string }> => ({
  type: 'Feature',
  properties: { district },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon(x), -4.45],
        [lon(x + 1), -4.45],
        [lon(x + 1), -4.44],
        [lon(x), -4.44],
        [lon(x), -4.45],
      ],
    ],
  },
});

describe('dissolveBy when polygon-clipping fails', () => {
  it('takes turf.union’s union instead of failing the load', () => {
    const cells = [square(0, 'A'), square(1, 'A'), square(2, 'B')];
    const out = dissolveBy(
      cells,
      (f) => f.properties.district,
      (district) => ({ district }),
    );
    expect(out.features.map((f) => [f.properties.district, f.geometry.type])).toEqual([
      ['A', 'Polygon'],
      ['B', 'Polygon'],
    ]);
    const a = out.features[0] as Feature;
    expect(Math.abs(area(a) - 2 * area(square(0, 'A'))) / area(a)).toBeLessThan(1e-6);
  });
});
