import { describe, expect, it } from 'vitest';
import {
  buildAgentIndex,
  type CoverageOptions,
  computeCoverage,
  HOUSEHOLD_STATUS,
} from '../../../src/core/coverage-engine/index';
import { makeInput, north } from './fixtures';

const { noAgent, far, covered } = HOUSEHOLD_STATUS;
const LAT = -4.4;
const opts = (o: Partial<CoverageOptions> = {}): CoverageOptions => ({
  thresholdM: 1000,
  visitDays: 90,
  minFamilies: 10,
  maxFamilies: 15,
  ...o,
});

/**
 * Agents: A0 (103, -4.4) active, village 0; A1 5 km north, active, village 1; A2 (103.05, -4.4) INACTIVE,
 * village 0; A3 (103.1, -4.4) active, village 2, no families.
 * Households (distances along the meridian are exact):
 *   H0 300 m N of A0, agent A0, village 0 → covered
 *   H1 1000 m N of A0, agent A0, village 0 → covered (inclusive threshold)
 *   H2 1500 m N of A0, agent A0, village 1 → far
 *   H3 4800 m N of A0 (200 m S of A1), no agent, village 1 → noAgent
 *   H4 100 m N of A2, agent A2 (inactive), village 0 → noAgent; nearest active: A0 and A3 tie → A0
 *   H5 no coordinates, agent A1, village 2 → far
 *   H6 50 m N of A1, agent A1, village unknown → covered (totals only)
 * Villages 0, 1 → district 0; villages 2, 3 → district 1; district 2 has no village.
 * Every household was visited on the reference date, so "covered" here is the distance rule alone
 * (visits: effective-coverage.test.ts).
 */
function fixture() {
  return makeInput({
    agents: [
      { lon: 103, lat: LAT, village: 0 },
      { lon: 103, lat: north(LAT, 5000), village: 1 },
      { lon: 103.05, lat: LAT, active: false, village: 0 },
      { lon: 103.1, lat: LAT, village: 2 },
    ],
    households: [
      { lon: 103, lat: north(LAT, 300), agent: 0, village: 0 },
      { lon: 103, lat: north(LAT, 1000), agent: 0, village: 0 },
      { lon: 103, lat: north(LAT, 1500), agent: 0, village: 1 },
      { lon: 103, lat: north(LAT, 4800), agent: -1, village: 1 },
      { lon: 103.05, lat: north(LAT, 100), agent: 2, village: 0 },
      { lon: Number.NaN, lat: Number.NaN, agent: 1, village: 2 },
      { lon: 103, lat: north(north(LAT, 5000), 50), agent: 1, village: -1 },
    ],
    villageDistrict: [0, 0, 1, 1],
    districtCount: 3,
    visitAgeDays: 0,
  });
}

describe('computeCoverage per household', () => {
  const input = fixture();
  const r = computeCoverage(input, opts());

  it('measures the distance to the own agent (NaN without agent or coordinates)', () => {
    const d = [...r.household.assignedDistanceM];
    expect(d[0]).toBeCloseTo(300, 6);
    expect(d[1]).toBeCloseTo(1000, 6);
    expect(d[2]).toBeCloseTo(1500, 6);
    expect(d[3]).toBeNaN();
    // Still measured to an inactive agent: useful to show.
    expect(d[4]).toBeCloseTo(100, 6);
    expect(d[5]).toBeNaN();
    expect(d[6]).toBeCloseTo(50, 6);
  });

  it('classifies covered / far / noAgent (inactive agent = no agent, no coordinates = far)', () => {
    expect([...r.household.status]).toEqual([covered, covered, far, noAgent, noAgent, far, covered]);
  });

  it('finds the nearest ACTIVE agent, ties to the lowest index', () => {
    expect([...r.household.nearestAgent]).toEqual([0, 0, 0, 1, 0, -1, 1]);
    expect(r.household.nearestDistanceM[3]).toBeCloseTo(200, 6);
    // H4 sits midway between A0 and A3 (A2 is inactive): equal distances, A0 wins.
    expect(r.household.nearestDistanceM[4]).toBeGreaterThan(5000);
    expect(r.household.nearestDistanceM[5]).toBeNaN();
  });
});

describe('threshold edge (inclusive)', () => {
  const input = fixture();
  const at = computeCoverage(input, opts()).household.assignedDistanceM[1] as number;
  it.each([
    ['exactly at the threshold', at, covered],
    ['1 µm beyond', at - 1e-6, far],
    ['1 µm within', at + 1e-6, covered],
    ['one ulp beyond', at - Number.EPSILON * at, far],
  ] as const)('%s', (_name, thresholdM, want) => {
    expect(computeCoverage(input, opts({ thresholdM })).household.status[1]).toBe(want);
  });

  it('threshold 0 covers only agents at the same spot', () => {
    const input2 = makeInput({
      agents: [{ lon: 103, lat: LAT }],
      households: [
        { lon: 103, lat: LAT, agent: 0, village: 0 },
        { lon: 103, lat: north(LAT, 0.01), agent: 0, village: 0 },
      ],
      villageDistrict: [0],
      districtCount: 1,
      visitAgeDays: 0,
    });
    expect([...computeCoverage(input2, opts({ thresholdM: 0 })).household.status]).toEqual([covered, far]);
  });
});

describe('computeCoverage per agent', () => {
  const input = fixture();

  it('counts families, mean and max distance, with the ten-family rule', () => {
    const r = computeCoverage(input, opts());
    expect([...r.agent.families]).toEqual([3, 2, 1, 0]);
    expect(r.agent.meanDistanceM[0]).toBeCloseTo((300 + 1000 + 1500) / 3, 6);
    expect(r.agent.maxDistanceM[0]).toBeCloseTo(1500, 6);
    // A1's second family has no coordinates: only the measured one counts.
    expect(r.agent.meanDistanceM[1]).toBeCloseTo(50, 6);
    expect(r.agent.meanDistanceM[3]).toBeNaN();
    expect(r.agent.maxDistanceM[3]).toBeNaN();
    // belowMin only for active agents.
    expect([...r.agent.belowMin]).toEqual([1, 1, 0, 1]);
    expect([...r.agent.aboveCap]).toEqual([0, 0, 0, 0]);
  });

  it('flags agents above the cap and applies the minimum as "fewer than"', () => {
    const r = computeCoverage(input, opts({ minFamilies: 2, maxFamilies: 2 }));
    expect([...r.agent.belowMin]).toEqual([0, 0, 0, 1]);
    expect([...r.agent.aboveCap]).toEqual([1, 0, 0, 0]);
    expect(r.totals.agentsBelowMin).toBe(1);
    expect(r.totals.agentsAboveCap).toBe(1);
  });
});

describe('village and district aggregates', () => {
  const r = computeCoverage(fixture(), opts());

  it('counts households, coverage, residents and households needing an agent per village', () => {
    const v = r.village;
    expect([...v.households]).toEqual([3, 2, 1, 0]);
    expect([...v.covered]).toEqual([2, 0, 0, 0]);
    expect(v.coveragePct[0]).toBeCloseTo(200 / 3, 10);
    expect(v.coveragePct[1]).toBe(0);
    expect(v.coveragePct[3]).toBeNaN();
    expect([...v.needingAgent]).toEqual([1, 2, 1, 0]);
    // Everyone visited: near = covered, nobody unvisited.
    expect([...v.near]).toEqual([2, 0, 0, 0]);
    expect(v.nearPct[0]).toBeCloseTo(200 / 3, 10);
    expect(v.nearPct[3]).toBeNaN();
    expect([...v.unvisited]).toEqual([0, 0, 0, 0]);
    // Active agents living there (A2 in village 0 is inactive).
    expect([...v.residentAgents]).toEqual([1, 1, 1, 0]);
  });

  it('takes median and p90 over households with an active agent (type 7)', () => {
    const v = r.village;
    // Village 0: 300 and 1000 (H4's agent is inactive): median 650, p90 = 300 + 0.9·700.
    expect(v.medianDistanceM[0]).toBeCloseTo(650, 6);
    expect(v.p90DistanceM[0]).toBeCloseTo(930, 6);
    expect(v.medianDistanceM[1]).toBeCloseTo(1500, 6);
    expect(v.p90DistanceM[1]).toBeCloseTo(1500, 6);
    // Village 2's only household has no coordinates; village 3 has none.
    expect(v.medianDistanceM[2]).toBeNaN();
    expect(v.p90DistanceM[3]).toBeNaN();
  });

  it('rolls villages up to districts', () => {
    const d = r.district;
    expect([...d.households]).toEqual([5, 1, 0]);
    expect([...d.covered]).toEqual([2, 0, 0]);
    expect(d.coveragePct[0]).toBeCloseTo(40, 10);
    expect(d.coveragePct[2]).toBeNaN();
    // 300, 1000, 1500: median 1000, p90 at rank 1.8 = 1000 + 0.8·500.
    expect(d.medianDistanceM[0]).toBeCloseTo(1000, 6);
    expect(d.p90DistanceM[0]).toBeCloseTo(1400, 6);
    expect([...d.residentAgents]).toEqual([2, 1, 0]);
    expect([...d.needingAgent]).toEqual([3, 1, 0]);
  });

  it('totals include households without a village', () => {
    expect(r.totals).toMatchObject({
      households: 7,
      covered: 3,
      near: 3,
      unvisited: 0,
      visitUnknown: 0,
      visitsRecorded: true,
      noAgent: 2,
      far: 2,
      inactiveAgent: 1,
      missingCoordinates: 1,
      unknownVillage: 1,
      activeAgents: 3,
    });
    expect(r.totals.coveragePct).toBeCloseTo(300 / 7, 10);
  });
});

describe('computeCoverage contract', () => {
  it('gives the same result with a prebuilt index, and reports timings', () => {
    const input = fixture();
    const index = buildAgentIndex(input.agents, { cover: input.households });
    const a = computeCoverage(input, opts(), index);
    const b = computeCoverage(input, opts({ thresholdM: 2000 }), index);
    expect([...a.household.nearestAgent]).toEqual([...computeCoverage(input, opts()).household.nearestAgent]);
    expect(b.household.status[2]).toBe(covered);
    for (const k of ['index', 'nearest', 'assigned', 'aggregate', 'total'] as const) {
      expect(a.timingsMs[k]).toBeGreaterThanOrEqual(0);
    }
  });

  it('handles no households and no agents', () => {
    const empty = makeInput({ agents: [], households: [], villageDistrict: [0], districtCount: 1 });
    const r = computeCoverage(empty, opts());
    expect(r.totals.households).toBe(0);
    expect(r.totals.coveragePct).toBeNaN();
    expect(r.village.coveragePct[0]).toBeNaN();
    const noAgents = makeInput({
      agents: [],
      households: [{ lon: 103, lat: LAT, agent: -1, village: 0 }],
      villageDistrict: [0],
      districtCount: 1,
    });
    const r2 = computeCoverage(noAgents, opts());
    expect([...r2.household.status]).toEqual([noAgent]);
    expect([...r2.household.nearestAgent]).toEqual([-1]);
  });

  it('rejects inconsistent input', () => {
    const bad = fixture();
    bad.households.agentIndex[0] = 9;
    expect(() => computeCoverage(bad, opts())).toThrow(RangeError);
    const bad2 = fixture();
    bad2.households.villageIndex = new Int32Array(2);
    expect(() => computeCoverage(bad2, opts())).toThrow(RangeError);
    const bad3 = fixture();
    bad3.villageDistrict[0] = 5;
    expect(() => computeCoverage(bad3, opts())).toThrow(RangeError);
    expect(() => computeCoverage(fixture(), opts({ thresholdM: Number.NaN }))).toThrow(RangeError);
    const input = fixture();
    const other = buildAgentIndex({
      ...input.agents,
      lon: new Float64Array(1),
      lat: new Float64Array(1),
      active: new Uint8Array(1),
    });
    expect(() => computeCoverage(input, opts(), other)).toThrow(RangeError);
  });
});
