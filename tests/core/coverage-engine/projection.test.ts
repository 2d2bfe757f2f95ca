import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  centralAngle,
  createPlane,
  DEG,
  distortionRatio,
  EARTH_RADIUS_M,
  haversineM,
  haversineToAgent,
  sinSmall,
} from '../../../src/core/coverage-engine/projection';
import { rng } from './fixtures';

describe('haversine distances', () => {
  it("uses Turf's earth radius", () => {
    expect(EARTH_RADIUS_M).toBe(6_371_008.8);
    // 0.01° of latitude = 1,111.95 m on that sphere.
    expect(haversineM(103, -4.4, 103, -4.41)).toBeCloseTo(1111.9508, 3);
  });

  it('agrees with turf.distance to 1e-12 relative, short and long pairs', () => {
    const r = rng(11);
    for (let k = 0; k < 2000; k++) {
      const span = k < 1500 ? 0.5 : 120;
      const a: [number, number] = [102.8 + r() * 0.5, -4.6 + r() * 0.5];
      const b: [number, number] = [
        a[0] + (r() - 0.5) * span,
        Math.max(-80, Math.min(80, a[1] + (r() - 0.5) * span)),
      ];
      const turf = distance(a, b, { units: 'meters' });
      const ours = haversineM(a[0], a[1], b[0], b[1]);
      const fast = haversineToAgent(a[0], a[1], b[0], b[1], Math.cos(b[1] * DEG), Math.sin(b[1] * DEG));
      expect(Math.abs(ours - turf)).toBeLessThanOrEqual(1e-12 * turf + 1e-9);
      expect(Math.abs(fast - turf)).toBeLessThanOrEqual(1e-12 * turf + 1e-9);
    }
  });

  it('is exactly 0 for identical points and NaN for missing coordinates', () => {
    expect(haversineM(103, -4.4, 103, -4.4)).toBe(0);
    expect(haversineToAgent(103, -4.4, 103, -4.4, Math.cos(-4.4 * DEG), Math.sin(-4.4 * DEG))).toBe(0);
    expect(haversineM(Number.NaN, -4.4, 103, -4.4)).toBeNaN();
    expect(haversineToAgent(Number.NaN, 0, 0, 0, 1, 0)).toBeNaN();
  });

  it('series for sin and asin match Math to the last bits', () => {
    const r = rng(3);
    for (let k = 0; k < 1000; k++) {
      const x = (r() - 0.5) * 0.05;
      expect(Math.abs(sinSmall(x) - Math.sin(x))).toBeLessThanOrEqual(4.5e-16 * Math.abs(x));
      const a = r() * r() * 1e-3;
      const ref = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
      expect(Math.abs(centralAngle(a) - ref)).toBeLessThanOrEqual(4e-16 * ref);
    }
  });
});

describe('local plane', () => {
  it('keeps planar/geodesic within the distortion ratio for pairs in the band', () => {
    const latMin = -4.6;
    const latMax = -4.1;
    const plane = createPlane(103, (latMin + latMax) / 2);
    const ratio = distortionRatio(plane, latMin, latMax);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.001);
    const r = rng(5);
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let k = 0; k < 5000; k++) {
      const lon1 = 102.8 + r() * 0.5;
      const lat1 = latMin + r() * (latMax - latMin);
      const lon2 = 102.8 + r() * 0.5;
      const lat2 = latMin + r() * (latMax - latMin);
      const g = haversineM(lon1, lat1, lon2, lat2);
      if (g < 1) continue;
      const dx = (lon2 - lon1) * plane.kx;
      const dy = (lat2 - lat1) * plane.ky;
      const q = Math.hypot(dx, dy) / g;
      lo = Math.min(lo, q);
      hi = Math.max(hi, q);
    }
    // Every planar/geodesic ratio lies in [σlo, σhi] and σhi/σlo ≤ ratio.
    expect(hi / lo).toBeLessThanOrEqual(ratio);
    // The plane is accurate to well under 0.1 % here (STACK.md).
    expect(Math.abs(hi - 1)).toBeLessThan(1e-3);
    expect(Math.abs(lo - 1)).toBeLessThan(1e-3);
  });

  it('widens with the band and across the equator', () => {
    const p = createPlane(110, 0);
    expect(distortionRatio(p, -1, 1)).toBeLessThan(distortionRatio(p, -10, 10));
    expect(distortionRatio(createPlane(0, 45), 44, 46)).toBeGreaterThan(
      distortionRatio(createPlane(0, -4), -5, -3),
    );
  });
});
