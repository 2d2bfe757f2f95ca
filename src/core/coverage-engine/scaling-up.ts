/**
 * "Where would N more agents help most?" — AccessMod's scaling-up idea on our data.
 *
 * A candidate site is a village's label point; it reaches every household currently without a near agent
 * (status noAgent or far, with coordinates) within thresholdM of it (haversine, inclusive).
 * - Without `n`: every village with a label point, ranked by how many uncovered households it reaches
 *   (descending; ties → lower village index). `reachable` = `totalReachable`.
 * - With `n`: greedy maximum coverage — pick the village reaching the most households not reached by the
 *   villages picked before, n times (or until no village adds anyone). `reachable` is that marginal gain
 *   (non-increasing), `totalReachable` what the village reaches on its own. Greedy is within 1 − 1/e of the
 *   best possible set of n sites (coverage is submodular), and is evaluated lazily (CELF): a village's old
 *   gain is an upper bound of its new one, so most villages are not recounted.
 * Gains are not capped by an agent's capacity: a site may stand for several new agents recruited there.
 */
import { buildPointGrid, pointsWithin } from './grid';
import { isNear } from './household-status';
import { createPlane, DEG, distortionRatio, finiteRange, haversineToAgent } from './projection';
import type { CoverageInput, CoverageOptions, CoverageResult, NewAgentSite } from './types';

export function rankNewAgentSites(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  villageLabel: { lon: Float64Array; lat: Float64Array },
  n?: number,
): NewAgentSite[] {
  const T = options.thresholdM;
  const { lon, lat } = input.households;
  const status = result.household.status;
  const ids: number[] = [];
  for (let i = 0; i < status.length; i++) {
    if (!isNear(status[i] as number) && Number.isFinite(lon[i]) && Number.isFinite(lat[i])) ids.push(i);
  }
  const V = villageLabel.lon.length;
  const hhIds = Int32Array.from(ids);
  const lonR = finiteRange(Float64Array.from(ids.map((i) => lon[i] as number)));
  const latR = finiteRange(Float64Array.from(ids.map((i) => lat[i] as number)));
  const vLon = finiteRange(villageLabel.lon);
  const vLat = finiteRange(villageLabel.lat);
  const latLo = Math.min(latR.min, vLat.min);
  const latHi = Math.max(latR.max, vLat.max);
  const lonMid = (Math.min(lonR.min, vLon.min) + Math.max(lonR.max, vLon.max)) / 2;
  const plane = createPlane(
    Number.isFinite(lonMid) ? lonMid : 0,
    Number.isFinite(latLo) ? (latLo + latHi) / 2 : 0,
  );
  const ratio = Number.isFinite(latLo) ? distortionRatio(plane, latLo, latHi) : 1;
  const x = new Float64Array(lon.length);
  const y = new Float64Array(lon.length);
  for (const i of ids) {
    x[i] = ((lon[i] as number) - plane.lon0) * plane.kx;
    y[i] = ((lat[i] as number) - plane.lat0) * plane.ky;
  }
  const grid = buildPointGrid(x, y, hhIds, Math.max(T / 2, 50));

  // Households reached by each village (CSR).
  const start = new Int32Array(V + 1);
  const reached: number[] = [];
  const found = new Int32Array(hhIds.length);
  const foundD2 = new Float64Array(hhIds.length);
  const hasLabel = new Uint8Array(V);
  for (let v = 0; v < V; v++) {
    const vlo = villageLabel.lon[v] as number;
    const vla = villageLabel.lat[v] as number;
    if (Number.isFinite(vlo) && Number.isFinite(vla)) {
      hasLabel[v] = 1;
      const count = pointsWithin(
        grid,
        (vlo - plane.lon0) * plane.kx,
        (vla - plane.lat0) * plane.ky,
        T * ratio,
        found,
        foundD2,
      );
      const cosV = Math.cos(vla * DEG);
      const sinV = Math.sin(vla * DEG);
      for (let j = 0; j < count; j++) {
        const i = found[j] as number;
        if (haversineToAgent(lon[i] as number, lat[i] as number, vlo, vla, cosV, sinV) <= T) reached.push(i);
      }
    }
    start[v + 1] = reached.length;
  }
  const total = (v: number): number => (start[v + 1] as number) - (start[v] as number);

  if (n === undefined) {
    const order: number[] = [];
    for (let v = 0; v < V; v++) if (hasLabel[v]) order.push(v);
    order.sort((p, q) => total(q) - total(p) || p - q);
    return order.map((v) => ({ village: v, reachable: total(v), totalReachable: total(v) }));
  }

  // Lazy greedy (CELF).
  const picks: NewAgentSite[] = [];
  const bound = new Float64Array(V);
  const fresh = new Int32Array(V).fill(-1);
  const taken = new Uint8Array(V);
  const isReached = new Uint8Array(lon.length);
  for (let v = 0; v < V; v++) bound[v] = hasLabel[v] ? total(v) : -1;
  const want = Math.min(Math.max(0, Math.floor(n)), V);
  while (picks.length < want) {
    const round = picks.length;
    let chosen = -1;
    for (;;) {
      let best = -1;
      for (let v = 0; v < V; v++) {
        if (taken[v] || !hasLabel[v]) continue;
        if (best < 0 || (bound[v] as number) > (bound[best] as number)) best = v;
      }
      if (best < 0) break;
      if (fresh[best] === round) {
        chosen = best;
        break;
      }
      let gain = 0;
      for (let k = start[best] as number; k < (start[best + 1] as number); k++) {
        if (!isReached[reached[k] as number]) gain++;
      }
      bound[best] = gain;
      fresh[best] = round;
    }
    if (chosen < 0 || (bound[chosen] as number) <= 0) break;
    taken[chosen] = 1;
    picks.push({ village: chosen, reachable: bound[chosen] as number, totalReachable: total(chosen) });
    for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++)
      isReached[reached[k] as number] = 1;
  }
  return picks;
}
