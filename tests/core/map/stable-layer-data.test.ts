import fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureSubset, fillKeyOf, pointAttributes } from '../../../src/core/map/stable-layer-data';

const entries = fc.array(
  fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom('#ff0000', '#00ff00', '#0000ff')),
  { maxLength: 6 },
);

describe('fillKeyOf', () => {
  it('changes whenever a colour does, and not for the same colours in the same order', () => {
    fc.assert(
      fc.property(entries, entries, fc.constantFrom('#ccc', '#eee'), (a, b, noData) => {
        const ma = new Map(a);
        const mb = new Map(b);
        const sameColours = JSON.stringify([...ma]) === JSON.stringify([...mb]);
        const sameByCode = ma.size === mb.size && [...ma].every(([code, color]) => mb.get(code) === color);
        const ka = fillKeyOf(ma, noData);
        if (!sameByCode) expect(ka).not.toBe(fillKeyOf(mb, noData));
        if (sameColours) expect(ka).toBe(fillKeyOf(mb, noData));
        expect(ka).not.toBe(fillKeyOf(ma, noData === '#ccc' ? '#eee' : '#ccc'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('featureSubset', () => {
  const areas: FeatureCollection = {
    type: 'FeatureCollection',
    features: ['A', 'B', 'C'].map((code) => ({
      type: 'Feature',
      properties: { code },
      geometry: { type: 'Point', coordinates: [103, -4.3] },
    })),
  };
  const codeOf = (f: FeatureCollection['features'][number]) => String(f.properties?.code);

  it('is the features with those codes, the same object for the same codes in any order', () => {
    const ca = featureSubset(areas, ['C', 'A'], codeOf);
    expect(ca.features.map(codeOf)).toEqual(['A', 'C']);
    expect(featureSubset(areas, new Set(['A', 'C']), codeOf)).toBe(ca);
    expect(featureSubset(areas, ['A'], codeOf)).not.toBe(ca);
    expect(featureSubset(areas, [], codeOf).features).toEqual([]);
  });
});

describe('pointAttributes', () => {
  it('is one object per point cloud', () => {
    const cloud = { length: 1, positions: new Float32Array([103, -4.3]), colors: new Uint8Array(4) };
    expect(pointAttributes(cloud)).toBe(pointAttributes(cloud));
    expect(pointAttributes(cloud).attributes.getPosition.value).toBe(cloud.positions);
    expect(pointAttributes({ ...cloud })).not.toBe(pointAttributes(cloud));
  });
});
