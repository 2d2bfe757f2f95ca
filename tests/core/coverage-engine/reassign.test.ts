import { describe, expect, it } from 'vitest';
import {
  type CoverageInput,
  type CoverageOptions,
  computeCoverage,
  HOUSEHOLD_STATUS,
  haversineM,
  isNear,
  proposalSteps,
  proposeReassignment,
} from '../../../src/core/coverage-engine/index';
import { makeInput, north, rng } from './fixtures';

const LAT = -4.4;
const at = (m: number) => ({ lon: 103, lat: north(LAT, m) });

describe('proposeReassignment on a tiny fixture with a known optimum', () => {
  // All on one meridian. Agent P at 0 m already has 1 family; Q at 2000 m has none.
  // maxFamilies 2, minFamilies 1: P has 1 free slot (beyond its minimum), Q has 2 (the first below it).
  // Uncovered: U1 at 400 m (reaches P only), U2 at 1000 m (P and Q, both exactly at the threshold),
  // U3 at 1300 m (Q only), U4 at 2500 m (Q only). At most 3 can be placed; the cheapest way is
  // U1→P, U3→Q, U4→Q (1,600 m) rather than U2→Q with U4 (1,900 m): U2 stays unresolved.
  // P's family was visited 10 days ago (terjangkau); the others never (a moved family is not visited yet).
  const input = makeInput({
    agents: [
      { ...at(0), village: 0 },
      { ...at(2000), village: 0 },
    ],
    households: [
      { ...at(10), agent: 0, village: 0 },
      { ...at(400), agent: -1, village: 0 },
      { ...at(1000), agent: -1, village: 0 },
      { ...at(1300), agent: -1, village: 0 },
      { ...at(2500), agent: -1, village: 0 },
    ],
    villageDistrict: [0],
    districtCount: 1,
    visitAgeDays: [10, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
  });
  const options: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 1, maxFamilies: 2 };
  const before = computeCoverage(input, options);
  const p = proposeReassignment(input, before, options);

  it('finds the optimum', () => {
    expect(p.moves.map((m) => [m.household, m.fromAgent, m.toAgent])).toEqual([
      [1, -1, 0],
      [3, -1, 1],
      [4, -1, 1],
    ]);
    expect(p.moves[1]?.distanceM).toBeCloseTo(700, 6);
    expect(p.stats.totalDistanceM).toBeCloseTo(1600, 6);
    expect(p.unresolved).toEqual([{ household: 2, reason: 'no_capacity_in_reach' }]);
    expect(p.algorithm).toMatch(/min-cost flow/);
  });

  it('reports coverage after the moves: moved families are near but not visited yet', () => {
    expect(before.totals).toMatchObject({ covered: 1, near: 1, unvisited: 0, visitsRecorded: true });
    expect(p.after.totals).toMatchObject({ covered: 1, near: 4, unvisited: 3, visitUnknown: 0, noAgent: 1 });
    const { covered, noAgent } = HOUSEHOLD_STATUS;
    expect([...before.household.status]).toEqual([covered, noAgent, noAgent, noAgent, noAgent]);
    expect(p.after.village.covered[0]).toBe(1);
    expect(p.after.village.near[0]).toBe(4);
    expect(p.after.village.unvisited[0]).toBe(3);
    expect(p.after.village.needingAgent[0]).toBe(1);
    expect(p.after.village.coveragePct[0]).toBeCloseTo(20, 10);
    expect(p.after.village.nearPct[0]).toBeCloseTo(80, 10);
    expect(p.after.totals.nearPct).toBeCloseTo(80, 10);
    expect([...p.after.families]).toEqual([2, 2]);
    expect(p.after.district.households[0]).toBe(5);
  });
});

describe('proposeReassignment rules', () => {
  it('prefers an agent below the ten-family minimum to a nearer one that has reached it', () => {
    // R at 0 m already has 1 family (= minimum 1); S at 1800 m has none. V at 900 m reaches both.
    const input = makeInput({
      agents: [at(0), at(1800)],
      households: [
        { ...at(5), agent: 0, village: 0 },
        { ...at(100), agent: -1, village: 0 },
      ],
      villageDistrict: [0],
      districtCount: 1,
    });
    // V at 100 m: R is 100 m away, S 1,700 m: out of reach, so R it is.
    const o: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 1, maxFamilies: 5 };
    let p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves.map((m) => m.toAgent)).toEqual([0]);
    // Move V to 900 m: R 900 m, S 900 m... S is below its minimum, so S.
    input.households.lat[1] = north(LAT, 900);
    p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves.map((m) => m.toAgent)).toEqual([1]);
    expect(p.stats.belowMinSlotsFilled).toBe(1);
    // Even when S is farther (R 850 m, S 950 m).
    input.households.lat[1] = north(LAT, 850);
    input.agents.lat[1] = north(LAT, 1800);
    p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves.map((m) => m.toAgent)).toEqual([1]);
  });

  it('moves far households and those of inactive agents, with their old agent as fromAgent', () => {
    const input = makeInput({
      agents: [at(0), { ...at(3000), active: false }, at(6000)],
      households: [
        { ...at(4000), agent: 0, village: 0 }, // far from agent 0, 2 km from agent 2: out of reach
        { ...at(5500), agent: 0, village: 0 }, // far, 500 m from agent 2
        { ...at(3100), agent: 1, village: 0 }, // inactive agent; nearest active is 2,900 m away
        { lon: Number.NaN, lat: Number.NaN, agent: -1, village: 0 },
      ],
      villageDistrict: [0],
      districtCount: 1,
    });
    const o: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 10, maxFamilies: 15 };
    const before = computeCoverage(input, o);
    expect([...before.household.status]).toEqual([1, 1, 0, 0]);
    const p = proposeReassignment(input, before, o);
    expect(p.moves).toHaveLength(1);
    expect(p.moves[0]).toMatchObject({ household: 1, fromAgent: 0, toAgent: 2 });
    expect(p.moves[0]?.distanceM).toBeCloseTo(500, 6);
    expect(p.unresolved).toEqual([
      { household: 0, reason: 'no_agent_in_reach' },
      { household: 2, reason: 'no_agent_in_reach' },
      { household: 3, reason: 'no_coordinates' },
    ]);
    expect([...p.after.families]).toEqual([1, 1, 1]);
    expect(p.after.totals.far).toBe(1);
    expect(p.after.totals.inactiveAgent).toBe(1);
  });

  it('never uses agents without spare capacity or inactive agents', () => {
    const input = makeInput({
      agents: [at(0), { ...at(50), active: false }],
      households: [
        { ...at(1), agent: 0, village: 0 },
        { ...at(2), agent: 0, village: 0 },
        { ...at(100), agent: -1, village: 0 },
      ],
      villageDistrict: [0],
      districtCount: 1,
    });
    const o: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 1, maxFamilies: 2 };
    const p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves).toEqual([]);
    expect(p.unresolved).toEqual([{ household: 2, reason: 'no_capacity_in_reach' }]);
  });
});

/** Objective of the model, by brute force over every assignment of a small instance. */
function bruteForceOptimum(
  input: CoverageInput,
  o: CoverageOptions,
): { placed: number; belowMin: number; cost: number } {
  const r = computeCoverage(input, o);
  const hh: number[] = [];
  for (let i = 0; i < r.household.status.length; i++) {
    if (!isNear(r.household.status[i] as number)) hh.push(i);
  }
  const m = input.agents.lon.length;
  const spare = Array.from({ length: m }, (_, a) =>
    input.agents.active[a] ? Math.max(0, o.maxFamilies - (r.agent.families[a] as number)) : 0,
  );
  const below = spare.map((s, a) =>
    Math.min(s, Math.max(0, Math.ceil(o.minFamilies - (r.agent.families[a] as number)))),
  );
  const options = hh.map((i) =>
    Array.from({ length: m }, (_, a) => a).filter(
      (a) =>
        (spare[a] as number) > 0 &&
        haversineM(
          input.households.lon[i] as number,
          input.households.lat[i] as number,
          input.agents.lon[a] as number,
          input.agents.lat[a] as number,
        ) <= o.thresholdM,
    ),
  );
  let best = { placed: -1, belowMin: -1, cost: Number.POSITIVE_INFINITY };
  const used = new Array<number>(m).fill(0);
  const rec = (k: number, placed: number, dist: number): void => {
    if (k === hh.length) {
      // Lexicographic: placed, then places below the minimum filled, then distance.
      const belowMin = used.reduce((s, u, a) => s + Math.min(u, below[a] as number), 0);
      const better =
        placed > best.placed ||
        (placed === best.placed &&
          (belowMin > best.belowMin || (belowMin === best.belowMin && dist < best.cost - 1e-9)));
      if (better) best = { placed, belowMin, cost: dist };
      return;
    }
    const i = hh[k] as number;
    rec(k + 1, placed, dist);
    for (const a of options[k] ?? []) {
      if ((used[a] as number) >= (spare[a] as number)) continue;
      used[a] = (used[a] as number) + 1;
      const d = haversineM(
        input.households.lon[i] as number,
        input.households.lat[i] as number,
        input.agents.lon[a] as number,
        input.agents.lat[a] as number,
      );
      rec(k + 1, placed + 1, dist + d);
      used[a] = (used[a] as number) - 1;
    }
  };
  rec(0, 0, 0);
  return best;
}

describe('proposeReassignment is optimal for its lexicographic objective (brute force on random small instances)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const agents = Array.from({ length: 4 }, () => ({ ...at(r() * 3000), active: r() > 0.15 }));
      const households: { lon: number; lat: number; agent: number; village: number }[] = [];
      // Existing families: 0-3 households right next to each agent (covered, or far when re-pointed).
      agents.forEach((a, k) => {
        const n = Math.floor(r() * 4);
        for (let j = 0; j < n; j++)
          households.push({ lon: a.lon, lat: north(a.lat, r() * 20), agent: k, village: 0 });
      });
      // 7 uncovered households.
      for (let j = 0; j < 7; j++)
        households.push({ ...at(r() * 3000), agent: r() < 0.3 ? 0 : -1, village: 0 });
      const input = makeInput({ agents, households, villageDistrict: [0], districtCount: 1 });
      const o: CoverageOptions = { thresholdM: 700, visitDays: 90, minFamilies: 2, maxFamilies: 3 };
      const before = computeCoverage(input, o);
      const p = proposeReassignment(input, before, o);
      const want = bruteForceOptimum(input, o);
      const fam = before.agent.families;
      expect(p.moves.length).toBe(want.placed);
      expect(p.stats.belowMinSlotsFilled).toBe(want.belowMin);
      expect(p.stats.totalDistanceM).toBeCloseTo(want.cost, 6);
      // Capacity respected, every move within reach and to an active agent.
      for (let a = 0; a < agents.length; a++)
        expect(p.after.families[a]).toBeLessThanOrEqual(Math.max(o.maxFamilies, fam[a] as number));
      for (const mv of p.moves) {
        expect(mv.distanceM).toBeLessThanOrEqual(o.thresholdM);
        expect(input.agents.active[mv.toAgent]).toBe(1);
      }
      expect(p.moves.length + p.unresolved.length).toBe(before.totals.households - before.totals.near);
    });
  }
});

describe('proposeReassignment at a limit of 0 m', () => {
  it('places households standing at an agent as far as its places go, and ends', () => {
    // Four households on the agent's spot compete for its two places at equal cost.
    const input = makeInput({
      agents: [{ ...at(0), village: 0 }],
      households: [0, 0, 0, 0].map(() => ({ ...at(0), agent: -1, village: 0 })),
      villageDistrict: [0],
      districtCount: 1,
    });
    const o: CoverageOptions = { thresholdM: 0, visitDays: 90, minFamilies: 1, maxFamilies: 2 };
    const p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves).toHaveLength(2);
    expect(p.stats.belowMinSlotsFilled).toBe(1);
    expect(p.unresolved.map((u) => u.reason)).toEqual(['no_capacity_in_reach', 'no_capacity_in_reach']);
  });
});

describe('proposalSteps (the proposal worked out in steps, between other work)', () => {
  it('stopped after every step and resumed later, gives the proposal made in one go', () => {
    const r = rng(42);
    const agents = Array.from({ length: 60 }, () => ({ ...at(r() * 40_000) }));
    const households = Array.from({ length: 1500 }, () => ({
      ...at(r() * 40_000),
      agent: r() < 0.5 ? Math.floor(r() * 60) : -1,
      village: 0,
    }));
    const input = makeInput({ agents, households, villageDistrict: [0], districtCount: 1 });
    const o: CoverageOptions = { thresholdM: 5000, visitDays: 90, minFamilies: 10, maxFamilies: 15 };
    const before = computeCoverage(input, o);
    // Few candidates to start with: the check then widens them over several rounds, each a step or more.
    const whole = proposeReassignment(input, before, o, { startSlack: 0, pairsPerCheck: 2 });
    const steps = proposalSteps(input, before, o, { startSlack: 0, pairsPerCheck: 2 });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      computeCoverage(input, { ...o, thresholdM: 1000 }); // other work in between
      step = steps.next();
    }
    expect(whole.stats.rounds).toBeGreaterThanOrEqual(2);
    expect(pauses).toBeGreaterThanOrEqual(whole.stats.rounds);
    const { ms: _a, ...statsInSteps } = step.value.stats;
    const { ms: _b, ...statsWhole } = whole.stats;
    expect(statsInSteps).toEqual(statsWhole);
    expect(step.value.moves).toEqual(whole.moves);
    expect(step.value.unresolved).toEqual(whole.unresolved);
    expect(step.value.after.totals).toEqual(whole.after.totals);
  });
});
