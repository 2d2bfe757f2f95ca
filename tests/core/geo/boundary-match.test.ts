import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BoundaryIssue, matchBoundaries } from '../../../src/core/geo/boundary-match.ts';

const KNOWN = new Set(['17.01.04.2001', '17.01.04.2002', '17.01.05.1001']);

/** Small square ring near Manna, lower-left corner at (lon, lat). */
const ring = (lon = 102.93, lat = -4.46, d = 0.005): number[][] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const square = (lon?: number, lat?: number) => ({ type: 'Polygon', coordinates: [ring(lon, lat)] });
const feature = (properties: Record<string, unknown> | null, geometry: unknown = square()) => ({
  type: 'Feature',
  properties,
  geometry,
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const swapped = { type: 'Polygon', coordinates: [ring().map(([x, y]) => [y, x])] };

interface Case {
  name: string;
  input: unknown;
  codes: string[];
  issues: BoundaryIssue[];
  missing?: string[];
}

const cases: Case[] = [
  {
    name: 'canonical codes, all present',
    input: fc(
      feature({ village_code: '17.01.04.2001' }),
      feature({ village_code: '17.01.04.2002' }, square(102.94)),
      feature({ village_code: '17.01.05.1001' }, square(102.95)),
    ),
    codes: ['17.01.04.2001', '17.01.04.2002', '17.01.05.1001'],
    issues: [],
    missing: [],
  },
  {
    name: '10-digit codes, as string and as number',
    input: fc(feature({ village_code: '1701042001' }), feature({ village_code: 1701042002 })),
    codes: ['17.01.04.2001', '17.01.04.2002'],
    issues: [],
    missing: ['17.01.05.1001'],
  },
  {
    name: 'code under an alias, any case and spacing',
    input: fc(
      feature({ KODE_DESA: '17.01.04.2001' }),
      feature({ 'Kode Kemendagri': '1701042002' }),
      feature({ kode: ' 17.01.05.1001 ' }),
    ),
    codes: ['17.01.04.2001', '17.01.04.2002', '17.01.05.1001'],
    issues: [],
  },
  {
    name: 'canonical property wins over an alias',
    input: fc(feature({ kode: '17.01.04.2002', village_code: '17.01.04.2001' })),
    codes: ['17.01.04.2001'],
    issues: [],
  },
  {
    name: 'unknown and malformed codes',
    input: fc(feature({ village_code: '17.01.04.2999' }), feature({ village_code: 'ABC' })),
    codes: [],
    issues: [
      { index: 0, code: '17.01.04.2999', kind: 'unknown_code' },
      { index: 1, code: 'ABC', kind: 'unknown_code' },
    ],
  },
  {
    name: 'missing code property, empty value, null properties',
    input: fc(feature({ nama: 'Desa X' }), feature({ village_code: '  ' }), feature(null)),
    codes: [],
    issues: [
      { index: 0, kind: 'no_code' },
      { index: 1, kind: 'no_code' },
      { index: 2, kind: 'no_code' },
    ],
  },
  {
    name: 'duplicate code (dotted and 10-digit): merged into one MultiPolygon',
    input: fc(
      feature({ village_code: '17.01.04.2001' }),
      feature({ kode_desa: '1701042001' }, square(102.95)),
    ),
    codes: ['17.01.04.2001'],
    issues: [{ index: 1, code: '17.01.04.2001', kind: 'duplicate_code' }],
  },
  {
    name: 'swapped coordinates are fixed',
    input: fc(feature({ village_code: '17.01.04.2001' }, swapped)),
    codes: ['17.01.04.2001'],
    issues: [{ index: 0, code: '17.01.04.2001', kind: 'swapped_coordinates' }],
  },
  {
    name: 'out of area (another place, or projected metres)',
    input: fc(
      feature({ village_code: '17.01.04.2001' }, square(106.8, -6.2)),
      feature(
        { village_code: '17.01.04.2002' },
        { type: 'Polygon', coordinates: [ring(215000, 9505000, 500)] },
      ),
    ),
    codes: [],
    issues: [
      { index: 0, code: '17.01.04.2001', kind: 'out_of_area' },
      { index: 1, code: '17.01.04.2002', kind: 'out_of_area' },
    ],
  },
  {
    name: 'non-polygon and malformed geometries',
    input: fc(
      feature({ village_code: '17.01.04.2001' }, { type: 'Point', coordinates: [102.93, -4.46] }),
      feature({ village_code: '17.01.04.2002' }, null),
      feature(
        { village_code: '17.01.05.1001' },
        { type: 'Polygon', coordinates: [[[102.93, -4.46], [102.94]]] },
      ),
      feature({ village_code: '17.01.05.1001' }, { type: 'MultiPolygon', coordinates: [] }),
      feature({ village_code: '17.01.05.1001' }, { type: 'Polygon', coordinates: [[[102.93, -4.46, 'x']]] }),
      { type: 'NotAFeature', properties: { village_code: '17.01.05.1001' }, geometry: square() },
      null,
    ),
    codes: [],
    issues: [
      { index: 0, code: '17.01.04.2001', kind: 'bad_geometry' },
      { index: 1, code: '17.01.04.2002', kind: 'bad_geometry' },
      { index: 2, code: '17.01.05.1001', kind: 'bad_geometry' },
      { index: 3, code: '17.01.05.1001', kind: 'bad_geometry' },
      { index: 4, code: '17.01.05.1001', kind: 'bad_geometry' },
      { index: 5, code: '17.01.05.1001', kind: 'bad_geometry' },
      { index: 6, kind: 'bad_geometry' },
    ],
  },
  {
    name: 'MultiPolygon and an unclosed ring are accepted',
    input: fc(
      feature(
        { village_code: '17.01.04.2001' },
        { type: 'MultiPolygon', coordinates: [[ring()], [ring(102.95)]] },
      ),
      feature({ village_code: '17.01.04.2002' }, { type: 'Polygon', coordinates: [ring().slice(0, 4)] }),
    ),
    codes: ['17.01.04.2001', '17.01.04.2002'],
    issues: [],
  },
];

describe('matchBoundaries', () => {
  it.each(cases)('$name', ({ input, codes, issues, missing }) => {
    const result = matchBoundaries(input, KNOWN);
    expect(result.fatal).toBeNull();
    expect(result.features.map((f) => f.properties.village_code)).toEqual(codes);
    expect(result.issues).toEqual(issues);
    expect(result.missing).toEqual(missing ?? [...KNOWN].filter((c) => !codes.includes(c)).sort());
    for (const f of result.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it.each([
    { name: 'null', input: null },
    { name: 'a bare Feature', input: feature({ village_code: '17.01.04.2001' }) },
    { name: 'features not an array', input: { type: 'FeatureCollection', features: {} } },
    { name: 'a string', input: 'FeatureCollection' },
  ])('rejects $name', ({ input }) => {
    const result = matchBoundaries(input, KNOWN);
    expect(result.fatal).toBe('not_feature_collection');
    expect(result.features).toEqual([]);
    expect(result.missing).toEqual([...KNOWN].sort());
  });

  it('keeps the original properties, swaps to [lon, lat], closes rings, merges duplicates', () => {
    const result = matchBoundaries(
      fc(
        feature({ kode_desa: '1701042001', nama: 'Desa A' }, swapped),
        feature({ village_code: '17.01.04.2002' }, { type: 'Polygon', coordinates: [ring().slice(0, 4)] }),
        feature({ village_code: '17.01.04.2001' }, square(102.95)),
      ),
      KNOWN,
    );
    const [a, b] = result.features;
    expect(a?.properties).toEqual({ kode_desa: '1701042001', nama: 'Desa A', village_code: '17.01.04.2001' });
    expect(a?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ring()], [ring(102.95)]] });
    expect(b?.geometry).toEqual({ type: 'Polygon', coordinates: [ring()] });
  });
});

// Real reference data (never committed): ../shared/data next to the repo.
const villagesFile = path.resolve(process.cwd(), '../shared/data/bengkulu-selatan-villages.geojson');
if (!existsSync(villagesFile))
  console.warn(`boundary-match: ${villagesFile} absent, real-data tests skipped`);

describe.skipIf(!existsSync(villagesFile))('matchBoundaries on the reference villages', () => {
  // Guarded: vitest runs skipped describe bodies too.
  const raw = existsSync(villagesFile) ? readFileSync(villagesFile, 'utf8') : '{"features":[]}';
  const codes = (JSON.parse(raw) as { features: { properties: { village_code: string } }[] }).features.map(
    (f) => f.properties.village_code,
  );
  const known = new Set(codes);

  it('accepts all 158 polygons as they are', () => {
    const result = matchBoundaries(JSON.parse(raw), known);
    expect(result.features).toHaveLength(158);
    expect(result.issues).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('detects a file with every coordinate swapped, and 10-digit codes', () => {
    const input = JSON.parse(raw) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[];
    };
    const swapAll = (c: unknown): unknown =>
      Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0]] : Array.isArray(c) ? c.map(swapAll) : c;
    for (const f of input.features) {
      f.geometry.coordinates = swapAll(f.geometry.coordinates);
      f.properties = { KODE_WILAYAH: String(f.properties.village_code).replace(/\./g, '') };
    }
    const result = matchBoundaries(input, known);
    expect(result.features.map((f) => f.properties.village_code)).toEqual(codes);
    expect(result.issues.map((i) => i.kind)).toEqual(codes.map(() => 'swapped_coordinates'));
    expect(result.missing).toEqual([]);
  });
});
