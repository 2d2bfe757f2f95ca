/**
 * Distances and the local plane the coverage engine searches in.
 *
 * - Geodesic distance = great-circle (haversine) distance on Turf's sphere, R = 6,371,008.8 m, written
 *   exactly as `turf.distance` computes it (agreement is tested).
 * - The plane is an equirectangular projection at the middle latitude of the data:
 *   x = R·cos φ0·(λ − λ0), y = R·(φ − φ0), in metres. Within a latitude band its scale differs from the
 *   sphere's by at most the factor `ratio` (1.0005 for the regency's 0.4° band), which is what makes the
 *   planar search exact: see `distortionRatio`.
 *
 * Not meant for data crossing the antimeridian or reaching the poles (Indonesia is neither).
 */

/** Turf's mean earth radius (metres). */
export const EARTH_RADIUS_M = 6_371_008.8;
export const DEG = Math.PI / 180;

/**
 * Great-circle distance in metres between two WGS84 points (degrees), Turf's haversine on Turf's sphere
 * (agreement to 1e-12 relative is tested). The engine measures every household–agent (or household–site)
 * pair with this same arithmetic, point 1 = household, point 2 = agent, so thresholds compare bit-for-bit.
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi2 = lat2 * DEG;
  return haversineToAgent(lon1, lat1, lon2, lat2, Math.cos(phi2), Math.sin(phi2));
}

/** sin x: Taylor series to x⁹ for |x| < 0.02 (exact in double precision there), Math.sin beyond. */
export function sinSmall(x: number): number {
  if (x > -0.02 && x < 0.02) {
    const z = x * x;
    return x * (1 - (z / 6) * (1 - (z / 20) * (1 - (z / 42) * (1 - z / 72))));
  }
  return Math.sin(x);
}

/** 2·asin(√a) as 2·atan2(√a, √(1−a)) (Turf's form); Taylor series of asin for √a < 0.02. */
export function centralAngle(a: number): number {
  const y = Math.sqrt(a);
  if (y < 0.02) {
    const z = a;
    return 2 * y * (1 + z * (1 / 6 + z * (3 / 40 + z * (5 / 112 + (z * 35) / 1152))));
  }
  return 2 * Math.atan2(y, Math.sqrt(1 - a));
}

/**
 * Haversine distance (metres) from a point to an agent whose latitude's cosine and sine are precomputed;
 * coordinates in degrees. Differences are taken in degrees and then converted, as Turf does (taking them in
 * radians rounds differently: up to 1e-12 relative at 1 km). Uses no trigonometric call for points within
 * ≈250 km (series above; cos φ of the point from the agent's by the angle-difference formula), which makes
 * it ≈4× cheaper than `haversineM` in the hot loops; agrees with it and Turf to ~1e-15 relative.
 */
export function haversineToAgent(
  lon: number,
  lat: number,
  agentLon: number,
  agentLat: number,
  agentCos: number,
  agentSin: number,
): number {
  const h = (agentLat - lat) * HALF_DEG;
  const s1 = sinSmall(h);
  const s2 = sinSmall((agentLon - lon) * HALF_DEG);
  const q1 = s1 * s1;
  // cos φ = cos(φa − 2h) = cos φa·(1 − 2 sin²h) + sin φa·2 sin h cos h
  const cosQ = agentCos * (1 - 2 * q1) + agentSin * 2 * s1 * Math.sqrt(1 - q1);
  const a = q1 + s2 * s2 * cosQ * agentCos;
  return EARTH_RADIUS_M * centralAngle(Math.min(a, 1));
}

const HALF_DEG = DEG / 2;

/**
 * Two distances closer than this count as equal (a tie → lowest agent index): 1e-8 m, or 1e-12 relative
 * when larger. Input degrees carry ≈1.6e-9 m of rounding, so smaller differences mean nothing, and this
 * keeps tie-breaking independent of the haversine formulation used.
 */
export const tieTolerance = (d: number): number => Math.max(1e-8, 1e-12 * d);

/** A local equirectangular plane (metres). */
export interface LocalPlane {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude (at lat0) and of latitude. */
  kx: number;
  ky: number;
}

export function createPlane(lon0: number, lat0: number): LocalPlane {
  return { lon0, lat0, kx: EARTH_RADIUS_M * Math.cos(lat0 * DEG) * DEG, ky: EARTH_RADIUS_M * DEG };
}

export const projectX = (p: LocalPlane, lon: number): number => (lon - p.lon0) * p.kx;
export const projectY = (p: LocalPlane, lat: number): number => (lat - p.lat0) * p.ky;

/** Projects parallel lon/lat arrays; non-finite input gives NaN. */
export function projectAll(
  p: LocalPlane,
  lon: Float64Array,
  lat: Float64Array,
): { x: Float64Array; y: Float64Array } {
  const n = lon.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = ((lon[i] as number) - p.lon0) * p.kx;
    y[i] = ((lat[i] as number) - p.lat0) * p.ky;
  }
  return { x, y };
}

/** Latitude margin added to a band: covers the poleward bulge of great circles up to hundreds of km. */
export const BAND_MARGIN_DEG = 0.01;

/**
 * Upper bound of (planar distance / great-circle distance) ÷ (its lower bound) for any two points in the
 * latitude band [latMin, latMax] (degrees), in the plane of `p`.
 *
 * The equirectangular metric scales east–west lengths by cos φ0 / cos φ and keeps north–south ones, so
 * every length in the band is scaled by a factor in [σlo, σhi] = [min(1, cos φ0 / max cos), max(1, cos φ0 /
 * min cos)]. Hence σlo·g ≤ p ≤ σhi·g for planar p and geodesic g, and if an agent is planar-nearest at p*,
 * the geodesically nearest one lies within planar distance (σhi/σlo)·p*. The band is widened by
 * BAND_MARGIN_DEG for the bulge of great circles, and the result by 1e-9 for rounding.
 */
export function distortionRatio(p: LocalPlane, latMin: number, latMax: number): number {
  const lo = Math.max(-89, latMin - BAND_MARGIN_DEG);
  const hi = Math.min(89, latMax + BAND_MARGIN_DEG);
  const c0 = Math.cos(p.lat0 * DEG);
  const cosMin = Math.min(Math.cos(lo * DEG), Math.cos(hi * DEG));
  const cosMax = lo <= 0 && hi >= 0 ? 1 : Math.max(Math.cos(lo * DEG), Math.cos(hi * DEG));
  const sigmaLo = Math.min(1, c0 / cosMax);
  const sigmaHi = Math.max(1, c0 / cosMin);
  return (sigmaHi / sigmaLo) * (1 + 1e-9);
}

/** Min and max of the finite values of `values` (NaN, NaN when there are none). */
export function finiteRange(values: Float64Array): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: Number.NaN, max: Number.NaN };
}
