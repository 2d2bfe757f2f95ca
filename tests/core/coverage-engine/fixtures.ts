/** Shared helpers for the coverage-engine tests: a seeded RNG, point sets and brute-force references. */
import { haversineM, tieTolerance } from '../../../src/core/coverage-engine/projection';
import type { CoverageInput } from '../../../src/core/coverage-engine/types';

/** mulberry32: small, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const f64 = (values: readonly number[]): Float64Array => Float64Array.from(values);
export const i32 = (values: readonly number[]): Int32Array => Int32Array.from(values);
export const u8 = (values: readonly number[]): Uint8Array => Uint8Array.from(values);

/** Metres per degree of latitude on Turf's sphere. */
export const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;

export interface Points {
  lon: Float64Array;
  lat: Float64Array;
}

/** Uniform points in the regency's bbox, or clustered around a few centres (towns). */
export function points(n: number, seed: number, kind: 'uniform' | 'clustered'): Points {
  const r = rng(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const centres = Array.from({ length: 6 }, () => [102.8 + r() * 0.45, -4.55 + r() * 0.38] as const);
  for (let i = 0; i < n; i++) {
    if (kind === 'uniform') {
      lon[i] = 102.79 + r() * 0.5;
      lat[i] = -4.56 + r() * 0.4;
    } else {
      const c = centres[Math.floor(r() * centres.length)] ?? [103, -4.4];
      const spread = r() < 0.7 ? 0.004 : 0.03;
      // Box–Muller.
      const g = Math.sqrt(-2 * Math.log(1 - r())) * spread;
      const t = 2 * Math.PI * r();
      lon[i] = c[0] + g * Math.cos(t);
      lat[i] = c[1] + g * Math.sin(t);
    }
  }
  return { lon, lat };
}

/** Nearest active agent by brute-force haversine; ties (within tieTolerance) → lowest index. */
export function bruteNearest(
  agents: { lon: Float64Array; lat: Float64Array; active: Uint8Array },
  lon: number,
  lat: number,
): { agent: number; distanceM: number } {
  const d = new Float64Array(agents.lon.length).fill(Number.POSITIVE_INFINITY);
  let min = Number.POSITIVE_INFINITY;
  for (let a = 0; a < agents.lon.length; a++) {
    if (!agents.active[a]) continue;
    const g = haversineM(lon, lat, agents.lon[a] as number, agents.lat[a] as number);
    if (Number.isNaN(g)) continue;
    d[a] = g;
    if (g < min) min = g;
  }
  for (let a = 0; a < d.length; a++) {
    if ((d[a] as number) <= min + tieTolerance(min)) return { agent: a, distanceM: d[a] as number };
  }
  return { agent: -1, distanceM: Number.NaN };
}

/** A point `metres` north of (lon, lat) on Turf's sphere. */
export const north = (lat: number, metres: number): number => lat + metres / M_PER_DEG;

/**
 * A small input: households and agents as [lon, lat] lists.
 * visitAgeDays: one age for every household (0 = all visited on the reference date, so "covered" is the
 * distance rule alone), one per household (NaN = never visited), or absent (the dataset records no visits:
 * near households are visitUnknown).
 */
export function makeInput(spec: {
  households: readonly { lon: number; lat: number; agent: number; village: number }[];
  agents: readonly { lon: number; lat: number; active?: boolean; village?: number }[];
  villageDistrict: readonly number[];
  districtCount: number;
  visitAgeDays?: number | readonly number[];
}): CoverageInput {
  const ages = spec.visitAgeDays;
  if (typeof ages === 'object' && ages.length !== spec.households.length)
    throw new RangeError('makeInput: one visit age per household');
  return {
    households: {
      lon: f64(spec.households.map((h) => h.lon)),
      lat: f64(spec.households.map((h) => h.lat)),
      agentIndex: i32(spec.households.map((h) => h.agent)),
      villageIndex: i32(spec.households.map((h) => h.village)),
      ...(ages === undefined
        ? {}
        : {
            visitAgeDays:
              typeof ages === 'number' ? new Float64Array(spec.households.length).fill(ages) : f64(ages),
          }),
    },
    agents: {
      lon: f64(spec.agents.map((a) => a.lon)),
      lat: f64(spec.agents.map((a) => a.lat)),
      active: u8(spec.agents.map((a) => (a.active === false ? 0 : 1))),
      villageIndex: i32(spec.agents.map((a) => a.village ?? -1)),
    },
    villageDistrict: i32(spec.villageDistrict),
    districtCount: spec.districtCount,
  };
}
