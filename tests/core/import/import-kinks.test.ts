import { kinks, polygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BOUNDARY_VERTICES, validateBoundaries } from '../../../src/core/import';
import { findCrossings, newBudget, segmentMeet } from '../../../src/core/import/self-intersections';

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

/** An {n/m} star polygon around a point of the regency: every edge crosses ≈ 2m others. */
function starRing(n: number, m: number, r = 0.05): number[][] {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i * m) / n;
    return [102.9 + r * Math.cos(a), -4.45 + r * Math.sin(a)];
  });
  return [...ring, ring[0] as number[]];
}

describe('self-intersection search (bounded sweep)', () => {
  const ringArb = fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), {
      minLength: 3,
      maxLength: 14,
      selector: ([x, y]) => `${x},${y}`,
    })
    // General position: turf.kinks and this search define touching and overlapping edges differently.
    .filter((pts) =>
      pts.every((a, i) =>
        pts.every((b, j) =>
          pts.every(
            (c, k) => i >= j || j >= k || (b[0] - a[0]) * (c[1] - a[1]) !== (b[1] - a[1]) * (c[0] - a[0]),
          ),
        ),
      ),
    )
    .map((pts) => [...pts.map(([x, y]) => [x, y]), [pts[0]?.[0] ?? 0, pts[0]?.[1] ?? 0]]);

  it('finds a crossing exactly when turf.kinks does, and every crossing a brute force finds', () => {
    fc.assert(
      fc.property(ringArb, (ring) => {
        const all = findCrossings([ring], Number.POSITIVE_INFINITY, newBudget());
        const turf = kinks(polygon([ring])).features.length;
        expect(all.complete).toBe(true);
        expect(all.points.length > 0).toBe(turf > 0);
        let brute = 0;
        const edges = ring.length - 1;
        for (let i = 0; i < edges; i++) {
          for (let k = i + 2; k < edges; k++) {
            if (i === 0 && k === edges - 1) continue;
            const [a, b, c, d] = [ring[i], ring[i + 1], ring[k], ring[k + 1]] as number[][];
            if (
              segmentMeet(
                ...(a as [number, number]),
                ...(b as [number, number]),
                ...(c as [number, number]),
                ...(d as [number, number]),
              )
            )
              brute++;
          }
        }
        expect(all.points).toHaveLength(brute);
        const capped = findCrossings([ring], 1, newBudget());
        expect(capped.points).toHaveLength(Math.min(1, brute));
      }),
      { numRuns: 2000 },
    );
  });

  it('an 8,001-vertex star (≈ 32 M crossings) is flagged without listing them all', () => {
    const { report } = validateBoundaries(
      'bintang.geojson',
      enc({ type: 'FeatureCollection', features: [feature('17.01.04.2001', starRing(8001, 4000))] }),
      new Set(['17.01.04.2001']),
    );
    expect(report.fatal).toBeNull();
    expect(report.issueCounts).toMatchObject({ self_intersecting: 1 });
  });

  it('stops when the budget of edge tests runs out, and says the polygon was not checked', () => {
    // A comb of long, parallel, non-crossing teeth: every edge overlaps every other in x.
    const teeth = 400;
    const comb: number[][] = [];
    for (let i = 0; i < teeth; i++) comb.push([0, i], [100, i + 0.5]);
    comb.push([100, teeth + 10], [-1, teeth + 10], [-1, 0], [0, 0]);
    expect(findCrossings([comb], 1, newBudget()).complete).toBe(true);
    expect(findCrossings([comb], 1, newBudget()).points).toEqual([]);
    expect(findCrossings([comb], 1, newBudget(1000))).toEqual({ points: [], complete: false });
  });

  it('refuses a file with more vertices than the limit, before checking any polygon', () => {
    const ring = Array.from({ length: MAX_BOUNDARY_VERTICES + 2 }, () => [102.9, -4.45]);
    const bytes = enc({ type: 'FeatureCollection', features: [feature('17.01.04.2001', ring)] });
    expect(() => validateBoundaries('besar.geojson', bytes, null)).toThrowError(/too_complex/);
  });
});
