import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { area, featureCollection, union } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it, vi } from 'vitest';
import { type AreaFeature, dissolveBy } from '../../../src/core/geo/dissolve.ts';

type Props = { code: string; district: string };

/** Unit square (in 0.01°) with its lower-left corner at column `c`, row `r`, near Manna. */
const cell = (c: number, r: number, district: string): Feature<Polygon, Props> => {
  const [x, y] = [102.9 + c * 0.01, -4.45 + r * 0.01];
  return {
    type: 'Feature',
    properties: { code: `${c}${r}`, district },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.01, y],
          [x + 0.01, y + 0.01],
          [x, y + 0.01],
          [x, y],
        ],
      ],
    },
  };
};

// 3 × 2 grid: columns 0–1 are district A, column 2 is district B; plus a detached square of A.
const grid: Feature<Polygon, Props>[] = [
  cell(0, 0, 'A'),
  cell(1, 0, 'A'),
  cell(2, 0, 'B'),
  cell(0, 1, 'A'),
  cell(1, 1, 'A'),
  cell(2, 1, 'B'),
];
const detached = cell(5, 5, 'A');
const squareKm2 = area(cell(0, 0, 'A')) / 1e6;
const byDistrict = (f: AreaFeature<Props>): string => f.properties.district;

describe('dissolveBy (fixtures)', () => {
  it.each([
    {
      name: 'by district',
      features: grid,
      key: byDistrict,
      expected: { A: ['Polygon', 4], B: ['Polygon', 2] },
    },
    { name: 'by constant', features: grid, key: () => 'all', expected: { all: ['Polygon', 6] } },
    {
      name: 'detached part gives a MultiPolygon',
      features: [...grid, detached],
      key: byDistrict,
      expected: { A: ['MultiPolygon', 5], B: ['Polygon', 2] },
    },
    {
      name: 'single member is passed through',
      features: [detached],
      key: byDistrict,
      expected: { A: ['Polygon', 1] },
    },
    { name: 'empty input', features: [], key: byDistrict, expected: {} },
  ])('$name', ({ features, key, expected }) => {
    const out = dissolveBy(features, key, (k, members) => ({ key: k, n: members.length }));
    const got = Object.fromEntries(
      out.features.map((f) => [f.properties.key, [f.geometry.type, f.properties.n]]),
    );
    expect(Object.keys(got)).toEqual(Object.keys(expected));
    for (const [k, [type, n]] of Object.entries(expected)) {
      expect(got[k]).toEqual([type, n]);
      const f = out.features.find((g) => g.properties.key === k);
      expect((area(f as Feature) / 1e6) as number).toBeCloseTo((n as number) * squareKm2, 3);
    }
  });

  it('accepts a FeatureCollection', () => {
    const out = dissolveBy({ type: 'FeatureCollection', features: grid }, byDistrict, (k) => ({ k }));
    expect(out.features.map((f) => f.properties.k)).toEqual(['A', 'B']);
  });
});

// Real reference data (never committed): ../shared/data next to the repo.
const shared = path.resolve(process.cwd(), '../shared/data');
const villagesFile = path.join(shared, 'bengkulu-selatan-villages.geojson');
const hasShared = existsSync(villagesFile);
if (!hasShared) console.warn(`dissolve: ${shared} absent, real-data tests skipped`);

type VillageProps = { village_code: string; district_code: string };
type DistrictProps = { district_code: string; area_km2: number };

describe.skipIf(!hasShared)('dissolve of the reference villages (../shared/data)', () => {
  const read = <P>(name: string): FeatureCollection<Polygon | MultiPolygon, P> =>
    JSON.parse(readFileSync(path.join(shared, name), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, P>;
  const byCode = (f: AreaFeature<VillageProps>): string => f.properties.district_code;

  it('yields 11 kecamatan and the regency with the reference areas (±0.5 %), and times it', () => {
    // Read here, not in the describe body: vitest runs skipped describe bodies too.
    const villages = read<VillageProps>('bengkulu-selatan-villages.geojson');
    const districts = read<DistrictProps>('bengkulu-selatan-districts.geojson');
    const regency = read<Record<string, unknown>>('bengkulu-selatan-regency.geojson');
    const t0 = performance.now();
    const kec = dissolveBy(villages, byCode, (code, members) => ({
      district_code: code,
      villages: members.length,
    }));
    const t1 = performance.now();
    const reg = dissolveBy(
      kec,
      () => '17.01',
      (code) => ({ regency_code: code }),
    );
    const t2 = performance.now();
    console.log(
      `dissolveBy on 158 villages: kecamatan ${(t1 - t0).toFixed(0)} ms, regency from kecamatan ${(t2 - t1).toFixed(0)} ms`,
    );

    expect(kec.features).toHaveLength(11);
    const expected = new Map(
      districts.features.map((f) => [f.properties.district_code, f.properties.area_km2]),
    );
    for (const f of kec.features) {
      const want = expected.get(f.properties.district_code);
      expect(want, f.properties.district_code).toBeDefined();
      expect(Math.abs(area(f) / 1e6 - (want as number)) / (want as number)).toBeLessThan(0.005);
    }
    expect(kec.features.reduce((n, f) => n + f.properties.villages, 0)).toBe(158);

    expect(reg.features).toHaveLength(1);
    const regKm2 = area(reg) / 1e6;
    expect(Math.abs(regKm2 - area(regency) / 1e6) / regKm2).toBeLessThan(0.005);
    expect(reg.features[0]?.geometry.type).toBe('Polygon');

    // Each kecamatan is the union of its villages as a general union makes it (turf.union, arbitrary precision).
    for (const f of kec.features) {
      const members = villages.features.filter(
        (v) => v.properties.district_code === f.properties.district_code,
      );
      const reference = union(featureCollection(members)) as Feature<Polygon | MultiPolygon>;
      expect(Math.abs(area(f) - area(reference)) / area(reference), f.properties.district_code).toBeLessThan(
        1e-6,
      );
    }
  });
});

describe('dissolveBy (property: any partition of a jittered grid)', () => {
  /** A quadrilateral cell of key `key` with these corners (its ring closed). */
  const quad = (key: string, ...corners: Position[]): AreaFeature<{ key: string }> => ({
    type: 'Feature',
    properties: { key },
    geometry: { type: 'Polygon', coordinates: [[...corners, corners[0] as Position]] },
  });
  /**
   * A cols × rows grid of quadrilaterals over jittered lattice points near Manna: neighbours share their
   * vertices exactly, as in a cleaned boundary file. Each cell gets one of `keys` keys, so a key's cells may be
   * apart, touch at a corner only, or ring another key's (a hole).
   */
  const jitteredGrid = fc
    .record({
      cols: fc.integer({ min: 1, max: 6 }),
      rows: fc.integer({ min: 1, max: 6 }),
      keys: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 98, maxLength: 98 }),
      pick: fc.array(fc.nat(), { minLength: 36, maxLength: 36 }),
    })
    .map(({ cols, rows, keys, seed, pick }) => {
      const at = (c: number, r: number): [number, number] => {
        // The outer lattice points stay on the grid's edge only in part: the outline is jagged too.
        const i = 2 * (r * 7 + c);
        return [102.9 + (c + (seed[i] ?? 0)) * 0.01, -4.45 + (r + (seed[i + 1] ?? 0)) * 0.01];
      };
      const cells: AreaFeature<{ key: string }>[] = [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++)
          cells.push(
            quad(`k${(pick[r * 6 + c] ?? 0) % keys}`, at(c, r), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1)),
          );
      return cells;
    });

  /**
   * Area in the plane of the coordinates (shoelace, holes subtracted). A union may drop a vertex that lies on
   * the line between its neighbours (polygon-clipping does, turf.union does not); that changes nothing in the
   * plane but changes turf.area's spherical measure by up to about 1e-6, so the exact check is planar.
   */
  const planarArea = (g: Polygon | MultiPolygon): number => {
    const ring = (r: Position[]): number => {
      let twice = 0;
      for (let i = 1; i < r.length; i++) {
        const [ax, ay] = r[i - 1] as Position;
        const [bx, by] = r[i] as Position;
        // Relative to the grid's corner, so that the products keep their precision.
        twice +=
          ((ax as number) - 102.9) * ((by as number) + 4.45) -
          ((bx as number) - 102.9) * ((ay as number) + 4.45);
      }
      return Math.abs(twice) / 2;
    };
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return polygons.reduce(
      (s, [outer, ...holes]) => s + ring(outer ?? []) - holes.reduce((h, r) => h + ring(r), 0),
      0,
    );
  };

  // Exactly as the generator made them: 102.9 + 0.01 is 102.91000000000001 in floating point.
  const [x1, x4, y3] = [102.91000000000001, 102.94000000000001, -4.430000000000001];
  const collinearVertex = [
    quad('k0', [102.9, -4.45], [x1, -4.45], [x1, -4.44], [102.9, -4.44]),
    quad('k0', [x1, -4.45], [102.92, -4.45], [102.92, -4.44], [x1, -4.44]),
    quad('k0', [102.92, -4.45], [102.927, -4.45], [102.93, -4.44], [102.92, -4.44]),
    quad('k3', [102.927, -4.45], [x4, -4.45], [x4, -4.44], [102.93, -4.44]),
    quad('k0', [102.9, -4.44], [x1, -4.44], [x1, y3], [102.9, y3]),
    quad('k0', [x1, -4.44], [102.92, -4.44], [102.92, y3], [x1, y3]),
    quad('k0', [102.92, -4.44], [102.93, -4.44], [102.933, y3], [102.92, y3]),
    quad('k3', [102.93, -4.44], [x4, -4.44], [x4, y3], [102.933, y3]),
  ];

  it('each key’s union covers exactly its cells’ area, as turf.union’s does', () => {
    fc.assert(
      fc.property(jitteredGrid, (cells) => {
        const out = dissolveBy(
          cells,
          (f) => f.properties.key,
          (key) => ({ key }),
        );
        const keys = [...new Set(cells.map((f) => f.properties.key))];
        expect(out.features.map((f) => f.properties.key)).toEqual(keys);
        for (const f of out.features) {
          const members = cells.filter((g) => g.properties.key === f.properties.key);
          const sum = members.reduce((s, g) => s + planarArea(g.geometry), 0);
          expect(Math.abs(planarArea(f.geometry) - sum) / sum).toBeLessThan(1e-9);
          if (members.length > 1) {
            const reference = union(featureCollection(members)) as Feature<Polygon | MultiPolygon>;
            expect(Math.abs(planarArea(f.geometry) - planarArea(reference.geometry)) / sum).toBeLessThan(
              1e-9,
            );
          }
        }
      }),
      // CI's counterexample: k0's union drops (102.93, -4.44), which lies on the line between its neighbours.
      { numRuns: 150, examples: [[collinearVertex]] },
    );
  });

  it('cells that do not share their vertices (slivers, overlaps) still give the union, as turf.union’s', () => {
    fc.assert(
      fc.property(
        jitteredGrid,
        // Whole steps of a millionth of a degree (about 0.1 m): slivers far above the unions' rounding.
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 8, maxLength: 8 }),
        (cells, nudges) => {
          // Each cell's corners moved on their own: neighbours overlap or leave a gap along their border.
          const loose = cells.map((cell, i) => {
            const ring = cell.geometry.coordinates[0] as Position[];
            const moved = ring.slice(0, -1).map(([x = 0, y = 0], j) => {
              const n = (nudges[(i + 2 * j) % nudges.length] ?? 0) * 1e-6;
              return [x + n, y - n] as Position;
            });
            return quad(cell.properties.key, ...moved);
          });
          const out = dissolveBy(
            loose,
            (f) => f.properties.key,
            (key) => ({ key }),
          );
          for (const f of out.features) {
            const members = loose.filter((g) => g.properties.key === f.properties.key);
            if (members.length < 2) continue;
            const reference = union(featureCollection(members)) as Feature<Polygon | MultiPolygon>;
            const sum = members.reduce((a, g) => a + planarArea(g.geometry), 0);
            expect(Math.abs(planarArea(f.geometry) - planarArea(reference.geometry)) / sum).toBeLessThan(
              1e-9,
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a clean partition is merged along its shared borders, without a general union', () => {
    const general = vi.spyOn(polygonClipping, 'union');
    try {
      fc.assert(
        fc.property(jitteredGrid, (cells) => {
          general.mockClear();
          // One key per row: each key's cells are neighbours along whole borders.
          const rows = cells.map((c, i) => ({ ...c, properties: { key: `r${Math.floor(i / 7)}` } }));
          const byRow = dissolveBy(
            rows,
            (f) => f.properties.key,
            (key) => ({ key }),
          );
          const all = dissolveBy(
            cells,
            () => 'all',
            () => ({}),
          );
          expect(general).not.toHaveBeenCalled();
          expect(all.features[0]?.geometry.type).toBe('Polygon');
          expect(byRow.features.every((f) => f.geometry.type === 'Polygon')).toBe(true);
        }),
        { numRuns: 100 },
      );
    } finally {
      general.mockRestore();
    }
  });
});
