import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PointCloud, pointsForZoom, thinPoints } from '../../../src/core/map/point-thinning';

const PALETTE = [
  [220, 40, 40, 255],
  [240, 160, 0, 255],
  [40, 90, 220, 200],
] as const;

function cloud(points: readonly { lon: number; lat: number; color: number }[]): PointCloud {
  const positions = new Float32Array(2 * points.length);
  const colors = new Uint8Array(4 * points.length);
  points.forEach((p, i) => {
    positions[2 * i] = p.lon;
    positions[2 * i + 1] = p.lat;
    colors.set(PALETTE[p.color] as readonly number[], 4 * i);
  });
  return { length: points.length, positions, colors };
}

const pointAt = (c: PointCloud, i: number) => ({
  lon: c.positions[2 * i] as number,
  lat: c.positions[2 * i + 1] as number,
  color: Array.from(c.colors.subarray(4 * i, 4 * i + 4)).join(','),
});

/** Screen pixels at a zoom level (Web Mercator, 256-pixel tiles), written independently of the module. */
function pixel(lon: number, lat: number, level: number): [number, number] {
  const world = 256 * 2 ** level;
  const phi = (lat * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * world,
    ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * world,
  ];
}

/** Households around Bengkulu Selatan, crowded enough that many share a pixel at the overview. */
const regencyPoint = fc.record({
  lon: fc.double({ min: 102.8, max: 103.3, noNaN: true }),
  lat: fc.double({ min: -4.6, max: -4.1, noNaN: true }),
  color: fc.integer({ min: 0, max: PALETTE.length - 1 }),
});
const anyPoint = fc.record({
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  lat: fc.double({ min: -85, max: 85, noNaN: true }),
  color: fc.integer({ min: 0, max: PALETTE.length - 1 }),
});
const points = fc.array(fc.oneof(regencyPoint, regencyPoint, anyPoint), { maxLength: 400 });
const level = fc.integer({ min: 0, max: 14 });
const cellPx = fc.constantFrom(1, 1.5, 2, 3);

describe('thinPoints', () => {
  it('keeps a subsequence of the points, in their order, with their colours', () => {
    fc.assert(
      fc.property(points, level, cellPx, (pts, z, px) => {
        const input = cloud(pts);
        const out = thinPoints(input, z, px);
        let i = 0;
        for (let k = 0; k < out.length; k++) {
          const kept = pointAt(out, k);
          while (i < input.length && JSON.stringify(pointAt(input, i)) !== JSON.stringify(kept)) i++;
          expect(i).toBeLessThan(input.length);
          i++;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every point within √2 squares of a kept point of its colour, and the last one drawn kept', () => {
    fc.assert(
      fc.property(points, level, cellPx, (pts, z, px) => {
        const input = cloud(pts);
        const out = thinPoints(input, z, px);
        const kept = Array.from({ length: out.length }, (_, k) => pointAt(out, k));
        for (let i = 0; i < input.length; i++) {
          const p = pointAt(input, i);
          const [x, y] = pixel(p.lon, p.lat, z);
          const nearest = Math.min(
            ...kept
              .filter((q) => q.color === p.color)
              .map((q) => {
                const [qx, qy] = pixel(q.lon, q.lat, z);
                return Math.hypot(qx - x, qy - y);
              }),
          );
          // A few floating-point steps of slack for the two ways of projecting.
          expect(nearest).toBeLessThanOrEqual(Math.SQRT2 * px * (1 + 1e-9) + 1e-6);
        }
        if (input.length > 0) expect(kept.at(-1)).toEqual(pointAt(input, input.length - 1));
      }),
      { numRuns: 300 },
    );
  });

  it('has nothing left to drop once thinned, and drops nothing from points of distinct colours or places', () => {
    fc.assert(
      fc.property(points, level, cellPx, (pts, z, px) => {
        const once = thinPoints(cloud(pts), z, px);
        expect(thinPoints(once, z, px)).toBe(once);
      }),
      { numRuns: 300 },
    );
    const spread = cloud([
      { lon: 103, lat: -4.3, color: 0 },
      { lon: 103, lat: -4.3, color: 1 },
      { lon: 103.2, lat: -4.3, color: 0 },
    ]);
    expect(thinPoints(spread, 10, 1.5)).toBe(spread);
  });

  it('keeps exactly the last point of each colour in each square: no two kept share one', () => {
    // The rule written plainly (squares from the independent projection above), against the module.
    const reference = (input: PointCloud, z: number, px: number): number[] => {
      const lastIn = new Map<string, number>();
      const kept: number[] = [];
      for (let i = 0; i < input.length; i++) {
        const p = pointAt(input, i);
        if (!(Number.isFinite(p.lon) && Number.isFinite(p.lat))) continue;
        const [x, y] = pixel(p.lon, p.lat, z);
        lastIn.set(`${Math.floor(x / px)},${Math.floor(y / px)},${p.color}`, i);
      }
      const last = new Set(lastIn.values());
      for (let i = 0; i < input.length; i++) {
        const p = pointAt(input, i);
        if (last.has(i) || !(Number.isFinite(p.lon) && Number.isFinite(p.lat))) kept.push(i);
      }
      return kept;
    };
    const withGaps = fc.array(
      fc.oneof(regencyPoint, regencyPoint, anyPoint, fc.constant({ lon: Number.NaN, lat: -4.3, color: 0 })),
      { maxLength: 400 },
    );
    fc.assert(
      fc.property(withGaps, level, cellPx, (pts, z, px) => {
        const input = cloud(pts);
        const out = thinPoints(input, z, px);
        const expected = reference(input, z, px).map((i) => pointAt(input, i));
        // Two ways of projecting may put a point a hair's breadth either side of a square's edge.
        const edgy = pts.some(({ lon, lat }) => {
          const [x, y] = pixel(lon, lat, z);
          const near = (v: number) => Math.abs(v / px - Math.round(v / px)) < 1e-6;
          return near(x) || near(y);
        });
        if (!edgy) expect(Array.from({ length: out.length }, (_, k) => pointAt(out, k))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('drops nothing where the squares spanned are too many to number exactly (never at the zooms that thin)', () => {
    const input = cloud([
      { lon: -179, lat: -80, color: 0 },
      { lon: 179, lat: 80, color: 0 },
      { lon: 179, lat: 80, color: 0 },
    ]);
    expect(thinPoints(input, 40, 1)).toBe(input);
    expect(thinPoints(input, 3, 1).length).toBe(2);
  });

  it('keeps the later of two points of one colour on the same pixel, and points without a position', () => {
    const input = cloud([
      { lon: 103, lat: -4.3, color: 0 },
      { lon: Number.NaN, lat: -4.3, color: 0 },
      { lon: 103.000001, lat: -4.300001, color: 0 },
    ]);
    const out = thinPoints(input, 9, 1.5);
    expect(out.length).toBe(2);
    expect(Number.isNaN(pointAt(out, 0).lon)).toBe(true);
    expect(pointAt(out, 1)).toEqual(pointAt(input, 2));
  });
});

describe('pointsForZoom', () => {
  it('gives the same points for every zoom between two whole levels, thinned at the upper one', () => {
    const input = cloud(
      Array.from({ length: 500 }, (_, i) => ({
        lon: 103 + (i % 25) * 0.001,
        lat: -4.3 - Math.floor(i / 25) * 0.001,
        color: i % 2,
      })),
    );
    const at = pointsForZoom(input, 9.2, 1.5);
    expect(pointsForZoom(input, 9.9, 1.5)).toBe(at);
    expect(pointsForZoom(input, 10, 1.5)).toBe(at);
    expect(at.length).toBe(thinPoints(input, 10, 1.5).length);
    expect(at.length).toBeLessThan(input.length);
    expect(pointsForZoom(input, 10.1, 1.5)).not.toBe(at);
  });
});
