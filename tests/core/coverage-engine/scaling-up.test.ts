import { describe, expect, it } from 'vitest';
import {
  type CoverageOptions,
  computeCoverage,
  HOUSEHOLD_STATUS,
  haversineM,
  isNear,
  rankNewAgentSites,
} from '../../../src/core/coverage-engine/index';
import { f64, makeInput, north, points, rng } from './fixtures';

const LAT = -4.4;
const at = (m: number) => ({ lon: 103, lat: north(LAT, m) });
const o: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 10, maxFamilies: 15 };

describe('rankNewAgentSites', () => {
  // Village labels V0 at 0 m, V1 at 500 m, V2 at 5000 m, V3 without a label point. Uncovered households:
  // 3 at 200 m, 2 at 700 m, 1 at 1400 m, 1 at 5100 m; a near one at 0 m does not count, even though it was
  // never visited (belum dikunjungi: it has an agent, it needs a visit, not a new agent).
  const input = makeInput({
    agents: [at(0)],
    households: [
      { ...at(0), agent: 0, village: 0 },
      ...[200, 200, 200, 700, 700, 1400, 5100].map((m) => ({ ...at(m), agent: -1, village: 0 })),
    ],
    villageDistrict: [0, 0, 0, 0],
    districtCount: 1,
    visitAgeDays: Array.from({ length: 8 }, () => Number.NaN),
  });
  const labels = {
    lon: f64([103, 103, 103, Number.NaN]),
    lat: f64([north(LAT, 0), north(LAT, 500), north(LAT, 5000), Number.NaN]),
  };
  const result = computeCoverage(input, o);

  it('ranks villages by uncovered households within reach of their label point', () => {
    expect(result.household.status[0]).toBe(HOUSEHOLD_STATUS.unvisited);
    // V0 reaches 200×3 and 700×2 = 5; V1 also 1400 (900 m away) = 6; V2 reaches 5100 = 1.
    expect(rankNewAgentSites(input, result, o, labels)).toEqual([
      { village: 1, reachable: 6, totalReachable: 6 },
      { village: 0, reachable: 5, totalReachable: 5 },
      { village: 2, reachable: 1, totalReachable: 1 },
    ]);
  });

  it('picks n sites greedily by marginal gain, stopping when nobody more is reached', () => {
    expect(rankNewAgentSites(input, result, o, labels, 3)).toEqual([
      { village: 1, reachable: 6, totalReachable: 6 },
      { village: 2, reachable: 1, totalReachable: 1 },
    ]);
    expect(rankNewAgentSites(input, result, o, labels, 1)).toHaveLength(1);
    expect(rankNewAgentSites(input, result, o, labels, 0)).toEqual([]);
  });

  it('counts households exactly at the threshold (inclusive)', () => {
    // From V1 (500 m) the household at 1400 m is ≈900 m away: exactly at, and just beyond, the threshold.
    const d = haversineM(103, north(LAT, 1400), 103, north(LAT, 500));
    const reach = (thresholdM: number) =>
      rankNewAgentSites(input, result, { ...o, thresholdM }, labels).find((s) => s.village === 1)
        ?.totalReachable;
    expect(reach(d)).toBe(6);
    expect(reach(d - 1e-6)).toBe(5);
  });

  it('matches a naive greedy on random data (ties → lower village index)', () => {
    const hh = points(600, 31, 'clustered');
    const r = rng(32);
    const big = makeInput({
      agents: [{ lon: 103, lat: -4.4 }],
      households: Array.from(hh.lon, (lon, i) => ({
        lon,
        lat: hh.lat[i] as number,
        agent: r() < 0.5 ? 0 : -1,
        village: 0,
      })),
      villageDistrict: [0],
      districtCount: 1,
    });
    const sites = points(40, 33, 'clustered');
    const opt = { ...o, thresholdM: 2500 };
    const res = computeCoverage(big, opt);
    const got = rankNewAgentSites(big, res, opt, sites, 8);
    // Naive greedy with haversine.
    const uncovered = Array.from(res.household.status.keys()).filter(
      (i) => !isNear(res.household.status[i] as number),
    );
    const reach = Array.from({ length: 40 }, (_, v) =>
      uncovered.filter((i) => {
        const dLat = ((hh.lat[i] as number) - (sites.lat[v] as number)) * (Math.PI / 180);
        const dLon = ((hh.lon[i] as number) - (sites.lon[v] as number)) * (Math.PI / 180);
        const a =
          Math.sin(dLat / 2) ** 2 +
          Math.sin(dLon / 2) ** 2 *
            Math.cos((hh.lat[i] as number) * (Math.PI / 180)) *
            Math.cos((sites.lat[v] as number) * (Math.PI / 180));
        return 2 * 6371008.8 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) <= 2500;
      }),
    );
    const reached = new Set<number>();
    const want: { village: number; reachable: number }[] = [];
    for (let k = 0; k < 8; k++) {
      let best = -1;
      let gain = 0;
      reach.forEach((list, v) => {
        if (want.some((w) => w.village === v)) return;
        const g = list.filter((i) => !reached.has(i)).length;
        if (g > gain) {
          gain = g;
          best = v;
        }
      });
      if (best < 0) break;
      want.push({ village: best, reachable: gain });
      for (const i of reach[best] ?? []) reached.add(i);
    }
    expect(got.map(({ village, reachable }) => ({ village, reachable }))).toEqual(want);
    for (let k = 1; k < got.length; k++)
      expect(got[k]?.reachable).toBeLessThanOrEqual(got[k - 1]?.reachable ?? 0);
  });
});
