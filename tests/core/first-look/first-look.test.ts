import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_PREFIX } from '../../../src/core/dataset/local-store-keys';
import {
  FIRST_LOOK_KEY,
  FIRST_LOOK_MAX_CHARS,
  FIRST_LOOK_VERSION,
  type FirstLook,
  opensDemoMap,
  parseDemoFirstLook,
  readFirstLook,
  saveFirstLook,
  servedDemoFirstLookFile,
} from '../../../src/core/first-look/first-look';
import { areaPaths, VIEW_WIDTH } from '../../../src/core/first-look/first-look-paths';
import { squareArea } from '../../helpers/square-area';

class MemoryStorage {
  private items = new Map<string, string>();
  refuse = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const codeOf = (f: Feature<Polygon | MultiPolygon>) => f.properties?.village_code as string | undefined;

/** Every coordinate of a path string. */
const pathPoints = (d: string) =>
  d
    .split(/[MLZ]/)
    .filter(Boolean)
    .map((p) => p.split(' ').map(Number) as [number, number]);

describe('areaPaths', () => {
  it('draws every area inside the view box, west left and north up', () => {
    const { height, paths } = areaPaths(
      [squareArea('W', 102.7, -4.6, 0.1), squareArea('E', 103.2, -4.3, 0.1)],
      codeOf,
    );
    expect(paths.map((p) => p.code)).toEqual(['W', 'E']);
    const [w, e] = paths.map((p) => pathPoints(p.d));
    const minX = (pts: [number, number][]) => Math.min(...pts.map((p) => p[0]));
    const minY = (pts: [number, number][]) => Math.min(...pts.map((p) => p[1]));
    expect(minX(w as [number, number][])).toBe(0);
    expect(minX(e as [number, number][])).toBeGreaterThan(minX(w as [number, number][]));
    // The eastern square lies further north: smaller y on screen.
    expect(minY(e as [number, number][])).toBe(0);
    expect(height).toBeGreaterThan(0);
  });

  it('keeps holes and the parts of a multipolygon, leaves out areas without a code or a ring', () => {
    const multi: Feature<MultiPolygon> = {
      type: 'Feature',
      properties: { village_code: 'M' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          squareArea('', 102.7, -4.6, 0.2).geometry.coordinates.concat(
            squareArea('', 102.75, -4.55, 0.05).geometry.coordinates,
          ),
          squareArea('', 103.0, -4.6, 0.1).geometry.coordinates,
        ],
      },
    };
    const degenerate: Feature<Polygon> = {
      type: 'Feature',
      properties: { village_code: 'D' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [102.8, -4.5],
            [102.8, -4.5],
            [102.8, -4.5],
          ],
        ],
      },
    };
    const { paths } = areaPaths([multi, squareArea('', 102.9, -4.4, 0.1), degenerate], codeOf);
    expect(paths.map((p) => p.code)).toEqual(['M']);
    expect(paths[0]?.d.match(/M/g)).toHaveLength(3);
  });

  it('never leaves the view box, for any areas (property)', () => {
    const area = fc
      .record({
        lon: fc.double({ min: 95, max: 141, noNaN: true }),
        lat: fc.double({ min: -11, max: 6, noNaN: true }),
        size: fc.double({ min: 1e-6, max: 2, noNaN: true }),
      })
      .map((a) => squareArea('A', a.lon, a.lat, a.size));
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 20 }), (areas) => {
        const named = areas.map((a, i) => ({ ...a, properties: { village_code: `A${i}` } }));
        const { height, paths } = areaPaths(named, codeOf);
        for (const p of paths) {
          for (const [x, y] of pathPoints(p.d)) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(VIEW_WIDTH);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(height);
          }
        }
      }),
    );
  });
});

/** Whether a and b have values of the same kinds everywhere (JSON round trip, arrays by their first item). */
function sameKinds(a: unknown, b: unknown): boolean {
  const x = JSON.parse(JSON.stringify(a)) as unknown;
  const y = JSON.parse(JSON.stringify(b)) as unknown;
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const walk = (p: unknown, q: unknown): boolean => {
    if (kind(p) !== kind(q)) return false;
    if (Array.isArray(p) && Array.isArray(q)) return p.every((v) => walk(v, q[0]));
    if (kind(p) === 'object') {
      const po = p as Record<string, unknown>;
      const qo = q as Record<string, unknown>;
      const keys = new Set([...Object.keys(po), ...Object.keys(qo)]);
      return [...keys].every((k) => walk(po[k], qo[k]));
    }
    return true;
  };
  return walk(x, y);
}

const look = (over: Partial<FirstLook> = {}): FirstLook => ({
  version: FIRST_LOOK_VERSION,
  path: '/dasbor/',
  search: '',
  dataset: 'server',
  savedAt: '2026-12-01T07:00:00.000Z',
  lang: 'id',
  datasetName: 'data contoh (sintetis)',
  synthetic: true,
  title: 'Keluarga dengan kebutuhan',
  legend: [{ color: '#ffffcc', label: '1 – < 2' }],
  height: 800,
  areas: [{ code: '17.01.01.2001', d: 'M0 0L1 0L1 1Z', fill: '#ffffcc' }],
  ...over,
});

describe('the kept first look', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  const opening = { path: '/dasbor/', search: '', dataset: 'server' as const };

  it('is shown again only for the same address, dataset and language', () => {
    expect(saveFirstLook(look())).toBe(true);
    expect(readFirstLook(opening, 'id')).toEqual(look());
    expect(readFirstLook({ ...opening, search: '?section=supervisor' }, 'id')).toBeNull();
    expect(readFirstLook({ ...opening, path: '/lain/' }, 'id')).toBeNull();
    expect(readFirstLook({ ...opening, dataset: 'imported' }, 'id')).toBeNull();
    expect(readFirstLook(opening, 'en')).toBeNull();
  });

  it('is kept under the prefix that "Hapus semua data lokal" erases', () => {
    expect(FIRST_LOOK_KEY.startsWith(LOCAL_PREFIX)).toBe(true);
  });

  it('ignores damaged, older or foreign copies instead of failing', () => {
    for (const raw of [
      '{',
      'null',
      '[]',
      '42',
      JSON.stringify({ ...look(), version: 0 }),
      JSON.stringify({ ...look(), areas: 'x' }),
    ]) {
      storage.setItem(FIRST_LOOK_KEY, raw);
      expect(readFirstLook(opening, 'id')).toBeNull();
    }
  });

  it('rejects a copy with any field of the wrong kind, at any depth, without failing (property)', () => {
    const good = look();
    // Every place a value sits: top-level fields, and each field of a legend item and of an area.
    const places: ((bad: unknown) => unknown)[] = [
      ...Object.keys(good).map((k) => (bad: unknown) => ({ ...good, [k]: bad })),
      ...Object.keys(good.legend[0] as object).map((k) => (bad: unknown) => ({
        ...good,
        legend: [{ ...good.legend[0], [k]: bad }],
      })),
      ...Object.keys(good.areas[0] as object).map((k) => (bad: unknown) => ({
        ...good,
        areas: [{ ...good.areas[0], [k]: bad }],
      })),
      (bad: unknown) => ({ ...good, legend: [bad] }),
      (bad: unknown) => ({ ...good, areas: [bad] }),
    ];
    const wrong = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.constant(Number.NaN),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...places.keys()), wrong, (at, bad) => {
        const damaged = (places[at] as (b: unknown) => unknown)(bad);
        // A value of the right kind is not damage (e.g. true where `synthetic` is a boolean).
        fc.pre(JSON.stringify(damaged) !== JSON.stringify(good) && !sameKinds(damaged, good));
        storage.setItem(FIRST_LOOK_KEY, JSON.stringify(damaged));
        expect(readFirstLook(opening, 'id')).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('is not kept when too large or when the browser refuses', () => {
    const huge = look({ areas: [{ code: 'A', d: 'M'.repeat(FIRST_LOOK_MAX_CHARS), fill: '#000' }] });
    expect(saveFirstLook(huge)).toBe(false);
    expect(storage.getItem(FIRST_LOOK_KEY)).toBeNull();
    storage.refuse = true;
    expect(saveFirstLook(look())).toBe(false);
  });
});

describe("the demo's first look", () => {
  it('opens only at the bare address or with the page language alone', () => {
    expect(opensDemoMap('', 'id')).toBe(true);
    expect(opensDemoMap('?lang=en', 'en')).toBe(true);
    expect(opensDemoMap('?lang=en', 'id')).toBe(false);
    expect(opensDemoMap('?section=planner', 'id')).toBe(false);
    expect(opensDemoMap('?lang=id&need=rtlh', 'id')).toBe(false);
  });

  it('is taken only when it is a synthetic map in the language asked, drawn from the demo served now', () => {
    const demo = look({ path: '', savedAt: '', demo: 'abc123' });
    // The manifest as the page reads it: its JSON, or null when absent or not JSON.
    const manifest = { name: 'data contoh (sintetis)', fingerprint: 'abc123' };
    expect(parseDemoFirstLook(JSON.stringify(demo), 'id', manifest)).toEqual(demo);
    expect(parseDemoFirstLook(JSON.stringify(demo), 'en', manifest)).toBeNull();
    expect(parseDemoFirstLook(JSON.stringify({ ...demo, synthetic: false }), 'id', manifest)).toBeNull();
    expect(parseDemoFirstLook('<!doctype html>', 'id', manifest)).toBeNull();
    // Another demo (made again with other settings), one without a fingerprint, or no manifest at all.
    expect(parseDemoFirstLook(JSON.stringify(demo), 'id', { ...manifest, fingerprint: 'def456' })).toBeNull();
    expect(parseDemoFirstLook(JSON.stringify(demo), 'id', { name: 'data contoh (sintetis)' })).toBeNull();
    expect(parseDemoFirstLook(JSON.stringify(demo), 'id', { fingerprint: 7 })).toBeNull();
    expect(parseDemoFirstLook(JSON.stringify(demo), 'id', null)).toBeNull();
    const { demo: _unnamed, ...unnamed } = demo;
    expect(parseDemoFirstLook(JSON.stringify(unnamed), 'id', manifest)).toBeNull();
  });

  it("is found where the demo's manifest names it: a plain JSON file name beside it, in the language asked", () => {
    const manifest = (firstLook: unknown) => ({ fingerprint: 'abc123', firstLook });
    const named = { id: 'first-look.id.json', en: 'first-look.en.json' };
    expect(servedDemoFirstLookFile(manifest(named), 'id')).toBe('demo/first-look.id.json');
    expect(servedDemoFirstLookFile(manifest(named), 'en')).toBe('demo/first-look.en.json');
    expect(servedDemoFirstLookFile(manifest({ id: 'first-look.id.json' }), 'en')).toBeNull();
    // Nothing named, or not a file beside the manifest: no request leaves demo/.
    for (const name of [
      '../config.json',
      '/first-look.id.json',
      'sub/first-look.id.json',
      '..json',
      '.json',
      'https://example.org/x.json',
      'first-look.id.svg',
      '',
      7,
      null,
    ])
      expect(servedDemoFirstLookFile(manifest({ id: name }), 'id')).toBeNull();
    expect(servedDemoFirstLookFile(manifest('first-look.id.json'), 'id')).toBeNull();
    expect(servedDemoFirstLookFile({ fingerprint: 'abc123' }, 'id')).toBeNull();
    expect(servedDemoFirstLookFile(['first-look.id.json'], 'id')).toBeNull();
    expect(servedDemoFirstLookFile(null, 'id')).toBeNull();
  });
});
