import { describe, expect, it } from 'vitest';
import { validateBoundaries } from '../../src/data/import';

const enc = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const square = [
  [102.9, -4.45],
  [102.91, -4.45],
  [102.91, -4.44],
  [102.9, -4.44],
  [102.9, -4.45],
];
// A bow tie: the ring crosses itself in the middle.
const bowTie = [
  [102.9, -4.45],
  [102.91, -4.44],
  [102.91, -4.45],
  [102.9, -4.44],
  [102.9, -4.45],
];
const feature = (code: string, ring: number[][]) => ({
  type: 'Feature',
  properties: { village_code: code },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

describe('boundary self-intersections', () => {
  it('flags a ring that crosses itself, with where, and keeps the polygon', () => {
    const known = new Set(['17.01.04.2001', '17.01.04.2002']);
    const { report, features } = validateBoundaries(
      'batas.geojson',
      enc({
        type: 'FeatureCollection',
        features: [feature('17.01.04.2001', square), feature('17.01.04.2002', bowTie)],
      }),
      known,
    );
    expect(report.issueCounts.self_intersecting).toBe(1);
    expect(report.examples.self_intersecting?.[0]).toMatchObject({ row: 2, code: 'self_intersecting' });
    expect(report.examples.self_intersecting?.[0]?.value).toMatch(/^102\.905\d*, -4\.445\d*$/);
    expect(features).toHaveLength(2);
  });
});
