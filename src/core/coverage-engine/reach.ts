/**
 * The agents within a radius (at most the distance limit) of a household: a uniform grid over the agents
 * in the local plane, searched with the radius widened by the plane's distortion ratio (projection.ts),
 * then each pair measured with the engine's haversine and kept when d ≤ radius (inclusive, as everywhere
 * in the engine). Exact: no agent within the radius is missed, none beyond it is returned.
 */
import { buildPointGrid, type PointGrid, pointsWithin } from './grid';
import {
  createPlane,
  DEG,
  distortionRatio,
  finiteRange,
  haversineToAgent,
  type LocalPlane,
} from './projection';

export interface AgentReach {
  limitM: number;
  /** Mean distance between neighbouring agents (metres, from their extent and count). */
  spacing: number;
  plane: LocalPlane;
  ratio: number;
  grid: PointGrid;
  lon: Float64Array;
  lat: Float64Array;
  cos: Float64Array;
  sin: Float64Array;
  /** Scratch for grid queries. */
  found: Int32Array;
  foundD2: Float64Array;
}

/**
 * Index over agents (lon/lat, all finite) for queries from points whose coordinates lie in `pointLat`'s
 * latitude span (the plane's error bound covers both sets).
 */
export function buildAgentReach(
  lon: Float64Array,
  lat: Float64Array,
  pointLon: Float64Array,
  pointLat: Float64Array,
  limitM: number,
): AgentReach {
  const n = lon.length;
  const pLat = finiteRange(pointLat);
  const pLon = finiteRange(pointLon);
  const aLat = finiteRange(lat);
  const aLon = finiteRange(lon);
  const latLo = Math.min(pLat.min, aLat.min);
  const latHi = Math.max(pLat.max, aLat.max);
  const lonMid = (Math.min(pLon.min, aLon.min) + Math.max(pLon.max, aLon.max)) / 2;
  const plane = createPlane(
    Number.isFinite(lonMid) ? lonMid : 0,
    Number.isFinite(latLo) ? (latLo + latHi) / 2 : 0,
  );
  const ratio = Number.isFinite(latLo) ? distortionRatio(plane, latLo, latHi) : 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = ((lon[k] as number) - plane.lon0) * plane.kx;
    y[k] = ((lat[k] as number) - plane.lat0) * plane.ky;
    cos[k] = Math.cos((lat[k] as number) * DEG);
    sin[k] = Math.sin((lat[k] as number) * DEG);
  }
  // Mean spacing of the agents over their extent: cells of about two spacings keep queries of a few
  // agents' radius to a few cells, and a query up to the limit to a few hundred.
  const xr = finiteRange(x);
  const yr = finiteRange(y);
  const spacing = n > 0 ? Math.sqrt(Math.max((xr.max - xr.min) * (yr.max - yr.min), 1) / n) : limitM;
  const grid = buildPointGrid(
    x,
    y,
    Int32Array.from({ length: n }, (_, k) => k),
    Math.max(Math.min(2 * spacing, limitM / 2), 50),
  );
  return {
    limitM,
    spacing,
    plane,
    ratio,
    grid,
    lon,
    lat,
    cos,
    sin,
    found: new Int32Array(n),
    foundD2: new Float64Array(n),
  };
}

/**
 * Writes the agents within min(radiusM, limit) of (lon, lat) to outAgent and their distances to outDist,
 * returns how many (unordered). The outputs must hold as many entries as there are agents.
 */
export function agentsWithin(
  reach: AgentReach,
  lon: number,
  lat: number,
  radiusM: number,
  outAgent: Int32Array,
  outDist: Float64Array,
): number {
  const { plane, found } = reach;
  const radius = Math.min(radiusM, reach.limitM);
  const count = pointsWithin(
    reach.grid,
    (lon - plane.lon0) * plane.kx,
    (lat - plane.lat0) * plane.ky,
    radius * reach.ratio,
    found,
    reach.foundD2,
  );
  let c = 0;
  for (let j = 0; j < count; j++) {
    const k = found[j] as number;
    const d = haversineToAgent(
      lon,
      lat,
      reach.lon[k] as number,
      reach.lat[k] as number,
      reach.cos[k] as number,
      reach.sin[k] as number,
    );
    if (d <= radius) {
      outAgent[c] = k;
      outDist[c] = d;
      c++;
    }
  }
  return c;
}
