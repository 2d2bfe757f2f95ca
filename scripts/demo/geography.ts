/**
 * Geography the generator needs without polygons: distances, the coastline, and the kind of place
 * each village is (coastal / upland / town / kecamatan centre), which drives needs, welfare and coverage.
 */
import type { Village } from './gazetteer.ts';

const DEG = Math.PI / 180;
/** Metres per degree of latitude, and of longitude at the regency's mean latitude (-4.4°). */
export const M_PER_DEG_LAT = 110_574;
export const M_PER_DEG_LON = 111_320 * Math.cos(4.4 * DEG);

/** Planar (equirectangular) distance in metres; within 0.1 % of haversine inside the regency. */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * M_PER_DEG_LON;
  const dy = (lat2 - lat1) * M_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * The Indian Ocean coast, north-west to south-east: vertices 505–767 of the shared regency outline
 * (bengkulu-selatan-regency.geojson, MIT, cahyadsn/wilayah_boundaries), simplified to 150 m
 * (Douglas–Peucker) and rounded to 1e-4°. The sea lies to the right (south-west) of this line.
 */
export const COASTLINE: readonly (readonly [number, number])[] = [
  [102.7979, -4.35],
  [102.7963, -4.3546],
  [102.8023, -4.3621],
  [102.8034, -4.3685],
  [102.816, -4.3833],
  [102.8521, -4.409],
  [102.8508, -4.4102],
  [102.8836, -4.4406],
  [102.8989, -4.4627],
  [102.9011, -4.469],
  [102.8976, -4.4832],
  [102.8993, -4.4877],
  [102.9253, -4.497],
  [102.9832, -4.5123],
  [103.0157, -4.5244],
  [103.0182, -4.528],
  [103.0334, -4.5326],
  [103.0512, -4.5423],
  [103.0703, -4.5589],
  [103.0802, -4.5592],
  [103.0856, -4.5535],
];

/**
 * Signed distance to the coastline in metres: positive on land (left of the line), negative at sea.
 * Points beyond the ends of the line count by the nearest end segment.
 */
export function coastSignedDistanceM(lon: number, lat: number): number {
  const px = lon * M_PER_DEG_LON;
  const py = lat * M_PER_DEG_LAT;
  let best = Number.POSITIVE_INFINITY;
  let side = 1;
  for (let i = 0; i + 1 < COASTLINE.length; i++) {
    const a = COASTLINE[i];
    const b = COASTLINE[i + 1];
    if (!a || !b) continue;
    const ax = a[0] * M_PER_DEG_LON;
    const ay = a[1] * M_PER_DEG_LAT;
    const dx = b[0] * M_PER_DEG_LON - ax;
    const dy = b[1] * M_PER_DEG_LAT - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    const ex = px - ax - t * dx;
    const ey = py - ay - t * dy;
    const d = Math.sqrt(ex * ex + ey * ey);
    if (d < best) {
      best = d;
      side = dx * (py - ay) - dy * (px - ax) >= 0 ? 1 : -1;
    }
  }
  return side * best;
}

/** Kecamatan that are upland (inland, on the Bukit Barisan side): Kedurang, Air Nipis, Ulu Manna. */
export const UPLAND_DISTRICTS: ReadonlySet<string> = new Set(['17.01.01', '17.01.08', '17.01.09']);
/** The Manna urban area: kecamatan Kota Manna and Pasar Manna. Kelurahan elsewhere count as town too. */
export const TOWN_DISTRICTS: ReadonlySet<string> = new Set(['17.01.05', '17.01.11']);
/** Label point at most this far from the coastline => coastal village. */
export const COASTAL_KM = 3;
/** Label point at least this far from the coastline => upland village, whatever its kecamatan. */
export const UPLAND_KM = 15;
/** The centre of Manna (Kel. Pasar Bawah / Kota Medan), for remoteness. */
export const MANNA_CENTRE = [102.906, -4.456] as const;

export interface VillageProfile {
  coastal: boolean;
  upland: boolean;
  town: boolean;
  /** Most populous village of its kecamatan (2010): the kecamatan centre. */
  centre: boolean;
  coastKm: number;
  /** Distance from Manna scaled to 0..1 (0 in Manna, 1 at 35 km and beyond). */
  remoteness: number;
}

export function profileVillages(villages: readonly Village[]): VillageProfile[] {
  const centreCode = new Map<string, Village>();
  for (const v of villages) {
    const cur = centreCode.get(v.districtCode);
    if (!cur || v.population2010 > cur.population2010) centreCode.set(v.districtCode, v);
  }
  return villages.map((v) => {
    const coastKm = coastSignedDistanceM(v.lon, v.lat) / 1000;
    const mannaKm = distanceM(v.lon, v.lat, MANNA_CENTRE[0], MANNA_CENTRE[1]) / 1000;
    return {
      coastal: coastKm <= COASTAL_KM,
      upland: UPLAND_DISTRICTS.has(v.districtCode) || coastKm >= UPLAND_KM,
      town: TOWN_DISTRICTS.has(v.districtCode) || v.type === 'kelurahan',
      centre: centreCode.get(v.districtCode)?.code === v.code,
      coastKm,
      remoteness: Math.min(1, mannaKm / 35),
    };
  });
}
