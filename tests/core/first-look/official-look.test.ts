import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FIRST_LOOK_VERSION, type FirstLook } from '../../../src/core/first-look/first-look';
import { areaPaths } from '../../../src/core/first-look/first-look-paths';
import { lookOnAreas, lookOnOfficialFile } from '../../../src/core/first-look/official-look';
import { squareArea } from '../../helpers/square-area';

type Area = Feature<Polygon | MultiPolygon>;

/** A square area on a 10 × 10 grid inside the regency's extent (the app's boundary checks keep it). */
const square = (code: string, col: number, row: number, size = 0.04): Area =>
  squareArea(code, 102.78 + col * 0.05, -4.59 + row * 0.045, size);

const codeOf = (f: Area) => f.properties?.village_code as string | undefined;

/** A look as the app keeps it, drawn on `features` with `fillOf` each area's colour. */
function lookOn(features: readonly Area[], fillOf: (code: string) => string): FirstLook {
  const { height, paths } = areaPaths(features, codeOf);
  return {
    version: FIRST_LOOK_VERSION,
    path: '',
    search: '',
    dataset: 'server',
    savedAt: '',
    lang: 'id',
    datasetName: 'data contoh (sintetis)',
    synthetic: true,
    title: 'Kebutuhan apa pun',
    legend: [{ color: '#800026', label: '47,9 – 77,5 (32)' }],
    height,
    areas: paths.map((p) => ({ code: p.code, d: p.d, fill: fillOf(p.code) })),
    demo: 'fingerprint',
  };
}

const code = (i: number) => `17.01.01.${String(2001 + i)}`;
const COLOURS = ['#ffffcc', '#fed976', '#fd8d3c', '#e31a1c', '#800026', '#bdbdbd'];

describe('the demo look on other boundaries', () => {
  it('is the look the app keeps on those boundaries, for any areas in any order (property)', () => {
    const grid = fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
        minLength: 1,
        maxLength: 30,
        selector: ([c, r]) => `${c},${r}`,
      })
      .chain((cells) =>
        fc.record({
          cells: fc.constant(cells),
          fills: fc.array(fc.constantFrom(...COLOURS), { minLength: cells.length, maxLength: cells.length }),
          order: fc.shuffledSubarray(
            cells.map((_, i) => i),
            { minLength: cells.length, maxLength: cells.length },
          ),
          size: fc.double({ min: 0.01, max: 0.045, noNaN: true }),
        }),
      );
    fc.assert(
      fc.property(grid, ({ cells, fills, order, size }) => {
        const fillOf = (c: string) => fills[Number(c.slice(-4)) - 2001] as string;
        // The demo's shapes (approximate) and the official ones: other shapes, another order, the same codes.
        const approximate = cells.map(([c, r], i) => square(code(i), c, r));
        const official = order.map((i) => {
          const [c, r] = cells[i] as [number, number];
          return square(code(i), c, r, size);
        });
        const redrawn = lookOnAreas(lookOn(approximate, fillOf), official);
        expect(redrawn).toEqual(lookOn(official, fillOf));
      }),
      { numRuns: 150 },
    );
  });

  it('is not drawn when the boundaries lack an area of the look, add one, or hold one twice', () => {
    const areas = [0, 1, 2, 3].map((i) => square(code(i), i, i));
    const look = lookOn(areas, () => '#800026');
    expect(lookOnAreas(look, areas)).not.toBeNull();
    expect(lookOnAreas(look, areas.slice(1))).toBeNull();
    expect(lookOnAreas(look, [...areas, square(code(9), 9, 0)])).toBeNull();
    expect(lookOnAreas(look, [...areas.slice(1), areas[1] as Area])).toBeNull();
    expect(lookOnAreas({ ...look, areas: [] }, [])).toBeNull();
    // A look of kecamatan: its codes are no village's.
    const districts = lookOn(
      [0, 1].map((i) => square(`17.01.0${i + 1}`, i, 0)),
      () => '#800026',
    );
    expect(lookOnOfficialFile(districts, { type: 'FeatureCollection', features: areas })).toBeNull();
  });

  it('reads the file as the app does, and draws nothing from a file that is not boundaries', () => {
    const areas = [0, 1, 2].map((i) => square(code(i), i, 0));
    const look = lookOn(areas, () => '#fed976');
    // Codes written another way (no dots), as an official file may: the app reads them as the same villages.
    const file = {
      type: 'FeatureCollection',
      features: areas.map((a) => ({ ...a, properties: { kode_desa: codeOf(a)?.replaceAll('.', '') } })),
    };
    expect(lookOnOfficialFile(look, file)?.areas).toEqual(look.areas);
    for (const bad of [null, 'text', [], { type: 'Feature' }])
      expect(lookOnOfficialFile(look, bad)).toBeNull();
  });
});

// Real reference data (never committed): ../shared/data next to the repo.
const shared = path.resolve(process.cwd(), '../shared/data');
const villagesFile = path.join(shared, 'bengkulu-selatan-villages.geojson');

describe.skipIf(!existsSync(villagesFile))('the demo look on the official villages (../shared/data)', () => {
  it('draws each of the 158 villages in its official shape, with its colour', () => {
    const file = JSON.parse(readFileSync(villagesFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const gazetteer = readFileSync(path.join(shared, 'villages.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0] as string);
    // The demo's look: one square per gazetteer village, coloured by its place in the list.
    const fillOf = (c: string) => COLOURS[gazetteer.indexOf(c) % COLOURS.length] as string;
    const look = lookOn(
      gazetteer.map((c, i) => square(c, i % 10, Math.floor(i / 10) % 10)),
      fillOf,
    );
    expect(look.areas).toHaveLength(158);
    const redrawn = lookOnOfficialFile(look, file);
    expect(redrawn?.areas).toHaveLength(158);
    for (const area of redrawn?.areas ?? []) expect(area.fill).toBe(fillOf(area.code));
    expect(redrawn?.height).not.toBe(look.height);
    // One village the file does not have: not the map the app draws.
    expect(
      lookOnOfficialFile(look, { ...file, features: file.features.filter((_, i) => i !== 5) }),
    ).toBeNull();
  });
});
