/**
 * Household -> agent assignment as it happens in the field: in random order each agent first signs up
 * the ten nearest free families around home (first come, first served), then agents with room take
 * more in round robin up to their capacity (mostly 10-15). Gaps are left the way they appear in practice:
 *  - households nobody takes (remote hamlets; a small share everywhere, more upland/remote),
 *  - households given to an agent who lives far away (ASN living in Manna given families in their
 *    village of origin),
 *  - agents with fewer than ten families (less active ones, or, in Manna, more agents than households
 *    nearby) and a few with far too many.
 */
import { REGENCY_BBOX } from '../../src/core/domain/schema.ts';
import type { Agent } from './agents.ts';
import { distanceM, type VillageProfile } from './geography.ts';
import { GridIndex } from './grid.ts';
import { type HouseholdPlaces, SETTLEMENT } from './households.ts';
import { cumulative, type Rng } from './prng.ts';

/** Agents take families within this radius of home (the "neighbours" of the rule, with slack). */
export const NEIGHBOUR_RADIUS_M = 1200;
/** Families an agent signs up in the first round (the rule's ten, or its capacity if lower). */
export const FIRST_CLAIM = 10;
/** Share of assignments aimed at far-away origin-village agents. */
export const ORIGIN_ASSIGNMENT_SHARE = 0.04;
/** An origin village lies at least this far from the agent's home. */
export const ORIGIN_MIN_KM = 4;

export interface Assignment {
  /** Agent index per household, -1 when none. */
  agentOf: Int32Array;
  /** 1 when the household was left out on purpose (no agent reaches it). */
  unreached: Uint8Array;
  /** 1 per agent that looks after families in a far-away village of origin. */
  originAgent: Uint8Array;
  /** Families per agent. */
  families: Int32Array;
}

/** Probability that a household is left without agent, by kind of place. */
export function unreachedProbability(p: VillageProfile): number {
  if (p.town) return 0.01;
  if (p.upland) return 0.05 + 0.04 * p.remoteness;
  return 0.02 + 0.04 * p.remoteness;
}

/**
 * Families an agent aims for: mostly 10-15, a few many more (18-32); both scaled with households per
 * agent. 12 % are less active and take 2-9 whatever the scale.
 */
export function agentCapacity(rng: Rng, scale: number): number {
  const r = rng.next();
  if (r < 0.12) return 2 + rng.int(8);
  const base = r < 0.17 ? 18 + rng.int(15) : 10 + rng.int(6);
  return Math.round(base * scale);
}

export function assignHouseholds(
  rng: Rng,
  agents: readonly Agent[],
  places: HouseholdPlaces,
  profiles: readonly VillageProfile[],
  capacityScale: number,
): Assignment {
  const n = places.lon.length;
  const agentOf = new Int32Array(n).fill(-1);
  const unreached = new Uint8Array(n);
  // Households still free to take are the live points of the grid.
  const grid = new GridIndex(places.lon, places.lat, REGENCY_BBOX);
  for (let i = 0; i < n; i++) {
    const p = profiles[places.village[i] ?? 0];
    if (places.settlement[i] === SETTLEMENT.unreachedHamlet || (p && rng.chance(unreachedProbability(p)))) {
      unreached[i] = 1;
      grid.remove(i);
    }
  }

  const caps = Int32Array.from(agents, (a) => (a.active ? agentCapacity(rng, capacityScale) : 0));
  const originAgent = new Uint8Array(agents.length);
  const anchor = new Float64Array(agents.length * 2);
  agents.forEach((a, k) => {
    anchor[2 * k] = a.lon;
    anchor[2 * k + 1] = a.lat;
  });
  const originVillage = new Int32Array(agents.length).fill(-1);

  // Origin-village agents: ASN living in the Manna urban area who look after families back home.
  const townAsn = agents
    .map((_, k) => k)
    .filter((k) => {
      const a = agents[k];
      return a?.active === true && a.type === 'asn' && profiles[a.homeVillage]?.town === true;
    });
  rng.shuffle(townAsn);
  const meanCap = caps.reduce((s, c) => s + c, 0) / Math.max(1, agents.length);
  const originCount = Math.min(
    townAsn.length,
    Math.round((ORIGIN_ASSIGNMENT_SHARE * n * 0.9) / Math.max(1, meanCap)),
  );
  const ruralWeights = profiles.map((p, vi) =>
    p.town ? 0 : (places.villageStart[vi + 1] ?? 0) - (places.villageStart[vi] ?? 0),
  );
  const ruralCum = cumulative(ruralWeights);
  for (const k of townAsn.slice(0, originCount)) {
    const a = agents[k];
    if (!a) continue;
    for (let tries = 0; tries < 20; tries++) {
      const vi = rng.weighted(ruralCum);
      const start = places.villageStart[vi] ?? 0;
      const end = places.villageStart[vi + 1] ?? start;
      if (end <= start) continue;
      const h = start + rng.int(end - start);
      const lon = places.lon[h] ?? 0;
      const lat = places.lat[h] ?? 0;
      if (distanceM(a.lon, a.lat, lon, lat) < ORIGIN_MIN_KM * 1000) continue;
      originAgent[k] = 1;
      originVillage[k] = vi;
      anchor[2 * k] = lon;
      anchor[2 * k + 1] = lat;
      break;
    }
  }

  const query = (k: number, want: number, radiusM: number): Int32Array => {
    const ov = originVillage[k] ?? -1;
    const lon = anchor[2 * k] ?? 0;
    const lat = anchor[2 * k + 1] ?? 0;
    return ov >= 0
      ? grid.nearest(lon, lat, 8000, want, (i) => places.village[i] === ov)
      : grid.nearest(lon, lat, radiusM, want);
  };

  const order = agents.map((_, k) => k).filter((k) => (caps[k] ?? 0) > 0);
  rng.shuffle(order);
  const lists: Int32Array[] = order.map(() => new Int32Array(0));
  order.forEach((k, j) => {
    lists[j] = query(k, Math.ceil((caps[k] ?? 0) * 1.5) + 8, NEIGHBOUR_RADIUS_M);
  });
  const pointer = new Int32Array(order.length);
  const families = new Int32Array(agents.length);

  // First round: each agent, in random order, signs up its first ten families at once (first come,
  // first served, as when agents register). Later rounds: one batch each, round robin, up to capacity.
  let progress = true;
  for (let round = 0; progress; round++) {
    progress = false;
    for (let j = 0; j < order.length; j++) {
      const k = order[j] ?? 0;
      const cap = caps[k] ?? 0;
      const batch = round === 0 ? FIRST_CLAIM : Math.max(1, Math.ceil(cap / 12));
      let room = Math.min(cap - (families[k] ?? 0), batch);
      while (room > 0) {
        let list = lists[j] ?? new Int32Array(0);
        let p = pointer[j] ?? 0;
        while (p < list.length && !grid.isLive(list[p] ?? 0)) p++;
        if (p >= list.length) {
          // Neighbours on the list were taken by others: look again among those still free.
          list = query(k, (cap - (families[k] ?? 0)) * 2 + 4, NEIGHBOUR_RADIUS_M);
          lists[j] = list;
          p = 0;
          if (list.length === 0) break;
        }
        const h = list[p] ?? 0;
        agentOf[h] = k;
        grid.remove(h);
        families[k] = (families[k] ?? 0) + 1;
        pointer[j] = p + 1;
        room--;
        progress = true;
      }
    }
  }
  return { agentOf, unreached, originAgent, families };
}
