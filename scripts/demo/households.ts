/**
 * Where demo households live: settlement clusters around each village's label point (the main
 * settlement) plus a few secondary hamlets in larger villages, spread scaled by sqrt(area).
 * Points stay on land (landward of the coastline) and inside the regency bbox; 6-decimal coordinates.
 */
import { REGENCY_BBOX } from '../../src/core/domain/schema.ts';
import type { Village } from './gazetteer.ts';
import { coastSignedDistanceM, M_PER_DEG_LAT, M_PER_DEG_LON, type VillageProfile } from './geography.ts';
import type { Rng } from './prng.ts';

/** Household location by settlement kind. */
export const SETTLEMENT = { main: 0, hamlet: 1, unreachedHamlet: 2 } as const;

export interface HouseholdPlaces {
  lon: Float64Array;
  lat: Float64Array;
  village: Uint16Array;
  settlement: Uint8Array;
  /** Households of village v are villageStart[v] .. villageStart[v+1]-1. */
  villageStart: Int32Array;
}

/** Main settlement spread (1 sigma) in km: 0.12 * sqrt(area), between 80 m and 1 km. */
export const mainSpreadKm = (areaKm2: number): number =>
  Math.min(1, Math.max(0.08, 0.12 * Math.sqrt(areaKm2)));

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const inBbox = (lon: number, lat: number): boolean =>
  lon > REGENCY_BBOX.west && lon < REGENCY_BBOX.east && lat > REGENCY_BBOX.south && lat < REGENCY_BBOX.north;

/** On land: inside the bbox and at least 50 m landward of the coastline. */
export const onLand = (lon: number, lat: number): boolean =>
  inBbox(lon, lat) && coastSignedDistanceM(lon, lat) > 50;

/** Normal scatter around (lon, lat) with sigma in km, resampled until on land; falls back to the centre. */
export function scatter(rng: Rng, lon: number, lat: number, sigmaKm: number): [number, number] {
  for (let tries = 0; tries < 12; tries++) {
    const x = lon + (rng.normal() * sigmaKm * 1000) / M_PER_DEG_LON;
    const y = lat + (rng.normal() * sigmaKm * 1000) / M_PER_DEG_LAT;
    if (onLand(x, y)) return [round6(x), round6(y)];
  }
  return [round6(lon), round6(lat)];
}

interface Cluster {
  lon: number;
  lat: number;
  sigmaKm: number;
  kind: number;
}

function clustersOf(
  rng: Rng,
  v: Village,
  profile: VillageProfile,
  count: number,
): { c: Cluster; n: number }[] {
  const root = Math.sqrt(v.areaKm2);
  const sigma = mainSpreadKm(v.areaKm2);
  const hamlets = count >= 20 ? Math.min(4, Math.floor(root / 2.5)) : 0;
  const clusters: Cluster[] = [{ lon: v.lon, lat: v.lat, sigmaKm: sigma, kind: SETTLEMENT.main }];
  // Remote hamlets that no agent reaches yet: likelier upland and far from Manna.
  const unreachedP = profile.town ? 0 : profile.upland ? 0.45 : 0.1 + 0.2 * profile.remoteness;
  for (let h = 0; h < hamlets; h++) {
    let lon = v.lon;
    let lat = v.lat;
    for (let tries = 0; tries < 12; tries++) {
      const angle = rng.range(0, 2 * Math.PI);
      const km = rng.range(0.25, 0.5) * root;
      lon = v.lon + (Math.cos(angle) * km * 1000) / M_PER_DEG_LON;
      lat = v.lat + (Math.sin(angle) * km * 1000) / M_PER_DEG_LAT;
      if (onLand(lon, lat)) break;
      lon = v.lon;
      lat = v.lat;
    }
    const kind = rng.chance(unreachedP) ? SETTLEMENT.unreachedHamlet : SETTLEMENT.hamlet;
    clusters.push({ lon, lat, sigmaKm: sigma * 0.5, kind });
  }
  // Shares: the main settlement holds 55-80 %, hamlets split the rest at random.
  const weights = clusters.map((_, i) => (i === 0 ? 0 : rng.range(0.5, 1.5)));
  const mainShare = hamlets > 0 ? rng.range(0.55, 0.8) : 1;
  const hamletSum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = clusters.map((_, i) =>
    i === 0 ? mainShare * count : ((1 - mainShare) * count * (weights[i] ?? 0)) / hamletSum,
  );
  const ns = exact.map(Math.floor);
  ns[0] = (ns[0] ?? 0) + count - ns.reduce((s, n) => s + n, 0);
  return clusters.map((c, i) => ({ c, n: ns[i] ?? 0 }));
}

export function placeHouseholds(
  rng: Rng,
  villages: readonly Village[],
  profiles: readonly VillageProfile[],
  counts: readonly number[],
): HouseholdPlaces {
  const total = counts.reduce((s, n) => s + n, 0);
  const out: HouseholdPlaces = {
    lon: new Float64Array(total),
    lat: new Float64Array(total),
    village: new Uint16Array(total),
    settlement: new Uint8Array(total),
    villageStart: new Int32Array(villages.length + 1),
  };
  let i = 0;
  villages.forEach((v, vi) => {
    out.villageStart[vi] = i;
    const profile = profiles[vi];
    const count = counts[vi] ?? 0;
    if (!profile || count === 0) return;
    for (const { c, n } of clustersOf(rng, v, profile, count)) {
      for (let k = 0; k < n; k++, i++) {
        const [x, y] = scatter(rng, c.lon, c.lat, c.sigmaKm);
        out.lon[i] = x;
        out.lat[i] = y;
        out.village[i] = vi;
        out.settlement[i] = c.kind;
      }
    }
  });
  out.villageStart[villages.length] = i;
  return out;
}
