/**
 * Household welfare and needs, shaped by place: welfare decile from a latent score (towns better off,
 * upland and poverty pockets worse off), need flags whose rates depend on the kind of place and rise
 * as the decile falls, and a few disasters that hit groups of neighbouring villages.
 */
import { NEED_CODES, type NeedCode, perNeed } from '../../src/core/domain/needs.ts';
import { dayNumber } from './dates.ts';
import type { Village } from './gazetteer.ts';
import { distanceM, type VillageProfile } from './geography.ts';
import type { Rng } from './prng.ts';

/** Bit of each need in a household's need mask (NEED_CODES order). */
export const NEED_BIT: Record<NeedCode, number> = Object.fromEntries(
  NEED_CODES.map((c, i) => [c, 1 << i]),
) as Record<NeedCode, number>;

/** Base rate of each need for a household at decile ~5 in an ordinary lowland village (the registry's). */
export const BASE_RATE: Record<NeedCode, number> = perNeed((n) => n.demoRate);

/** Multipliers by kind of place; a village that is several kinds gets the product (the registry's). */
type PlaceKind = 'coastal' | 'upland' | 'town' | 'pocket';
export const PLACE_FACTOR = Object.fromEntries(
  (['coastal', 'upland', 'town', 'pocket'] as const).map((kind) => [
    kind,
    perNeed((n) => n.demoPlaceFactor[kind]),
  ]),
) as Record<PlaceKind, Record<NeedCode, number>>;

/** Poorer households need more: x2.2 at decile 1 falling to x0.36 at decile 10. */
export const decileFactor = (decile: number): number => 2.2 * Math.exp(-0.2 * (decile - 1));

/** Share of non-town villages marked as poverty pockets (kantong kemiskinan). */
export const POCKET_SHARE = 0.08;
/** Disasters in the programme period; households in hit villages are x3 likelier to be victims. */
export const DISASTER_COUNT = 4;
export const DISASTER_RADIUS_KM = 3;
export const DISASTER_FACTOR = 3;

/** Household size distribution 1..9 (mean 3.80). */
export const MEMBER_SHARES = [0.08, 0.15, 0.22, 0.25, 0.15, 0.08, 0.04, 0.02, 0.01] as const;

export interface PlaceModel {
  pocket: Uint8Array;
  /** Welfare random effect per village. */
  villageEffect: Float64Array;
  /** Day number of the disaster that hit each village, -1 when none. */
  disasterDay: Int32Array;
}

export function planPlaces(
  rng: Rng,
  villages: readonly Village[],
  profiles: readonly VillageProfile[],
  startIso: string,
  referenceIso: string,
): PlaceModel {
  const pocket = new Uint8Array(villages.length);
  const villageEffect = new Float64Array(villages.length);
  villages.forEach((_, vi) => {
    villageEffect[vi] = rng.normal() * 0.25;
    pocket[vi] = !profiles[vi]?.town && rng.chance(POCKET_SHARE) ? 1 : 0;
  });
  const disasterDay = new Int32Array(villages.length).fill(-1);
  const start = dayNumber(startIso);
  const ref = dayNumber(referenceIso);
  const coastal = villages.map((_, vi) => vi).filter((vi) => profiles[vi]?.coastal);
  const upland = villages.map((_, vi) => vi).filter((vi) => profiles[vi]?.upland);
  for (let e = 0; e < DISASTER_COUNT; e++) {
    // Floods and abrasion on the coast, landslides and flash floods upland.
    const pool = rng.chance(0.65) || upland.length === 0 ? coastal : upland;
    const centre = villages[rng.pick(pool)];
    const day = start + 60 + rng.int(ref - start - 105);
    if (!centre) continue;
    villages.forEach((v, vi) => {
      if (
        disasterDay[vi] === -1 &&
        distanceM(v.lon, v.lat, centre.lon, centre.lat) <= DISASTER_RADIUS_KM * 1000
      ) {
        disasterDay[vi] = day;
      }
    });
  }
  return { pocket, villageEffect, disasterDay };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

export interface HouseholdNeeds {
  members: number;
  decile: number;
  /** Bit mask over NEED_CODES (NEED_BIT). */
  needs: number;
  childrenOutOfSchool: number;
}

export function drawMembers(rng: Rng): number {
  let x = rng.next();
  for (let k = 0; k < MEMBER_SHARES.length; k++) {
    x -= MEMBER_SHARES[k] ?? 0;
    if (x < 0) return k + 1;
  }
  return MEMBER_SHARES.length;
}

export function drawNeeds(rng: Rng, profile: VillageProfile, model: PlaceModel, vi: number): HouseholdNeeds {
  const pocket = model.pocket[vi] === 1;
  const members = drawMembers(rng);
  const mu =
    (profile.town ? 0.5 : 0) +
    (profile.upland ? -0.45 : 0) +
    (profile.coastal ? -0.15 : 0) +
    (pocket ? -0.6 : 0) +
    (model.villageEffect[vi] ?? 0);
  const decile = Math.min(10, Math.max(1, 1 + Math.floor(normalCdf(mu + rng.normal()) * 10)));
  const poverty = decileFactor(decile);
  let needs = 0;
  for (const code of NEED_CODES) {
    let p = BASE_RATE[code] * poverty;
    if (profile.coastal) p *= PLACE_FACTOR.coastal[code];
    if (profile.upland) p *= PLACE_FACTOR.upland[code];
    if (profile.town) p *= PLACE_FACTOR.town[code];
    if (pocket) p *= PLACE_FACTOR.pocket[code];
    if (code === 'bencana' && (model.disasterDay[vi] ?? -1) >= 0) p *= DISASTER_FACTOR;
    // School-age children need a family of three or more.
    if (code === 'putus_sekolah' && members < 3) p = 0;
    if (rng.chance(Math.min(0.9, p))) needs |= NEED_BIT[code];
  }
  const childrenOutOfSchool =
    needs & NEED_BIT.putus_sekolah ? 1 + (rng.chance(0.22) ? 1 : 0) + (rng.chance(0.04) ? 1 : 0) : 0;
  return { members, decile, needs, childrenOutOfSchool };
}
