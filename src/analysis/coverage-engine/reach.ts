/**
 * Every (household, agent) pair within a distance limit: a uniform grid over the agents in the local plane,
 * searched with the radius widened by the plane's distortion ratio (projection.ts), then each pair
 * measured with the engine's haversine and kept when d ≤ limit (inclusive, as everywhere in the engine).
 * Exact: no pair within the limit is missed, none beyond it is returned.
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
  const grid = buildPointGrid(
    x,
    y,
    Int32Array.from({ length: n }, (_, k) => k),
    Math.max(limitM / 2, 50),
  );
  return {
    limitM,
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
 * Writes the agents within the limit of (lon, lat) to outAgent and their distances to outDist, returns
 * how many (unordered). The outputs must hold as many entries as there are agents.
 */
export function agentsInReach(
  reach: AgentReach,
  lon: number,
  lat: number,
  outAgent: Int32Array,
  outDist: Float64Array,
): number {
  const { plane, found, limitM } = reach;
  const count = pointsWithin(
    reach.grid,
    (lon - plane.lon0) * plane.kx,
    (lat - plane.lat0) * plane.ky,
    limitM * reach.ratio,
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
    if (d <= limitM) {
      outAgent[c] = k;
      outDist[c] = d;
      c++;
    }
  }
  return c;
}
