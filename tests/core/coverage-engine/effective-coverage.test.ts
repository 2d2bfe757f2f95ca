/**
 * Effective coverage (household-status.ts): a family is terjangkau only when its recorded agent is active,
 * lives within the limit AND visited it within the window. Hand-made edge cases through computeCoverage
 * (never visited, exactly N and N+1 days, a visit after the reference date, no visits recorded, inactive
 * and far agents that visited), the agents' visit counts, the area figures (near, nearPct, unvisited,
 * needingAgent), reassignment moves (near, not yet visited), and properties on random small inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMoves,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  computeCoverage,
  HOUSEHOLD_STATUS,
  householdStatus,
  isNear,
  OWN_AGENT,
  ownAgentDistanceM,
  proposeReassignment,
} from '../../../src/core/coverage-engine/index';
import { M_PER_DEG, makeInput, north } from './fixtures';

const { noAgent, far, covered, unvisited, visitUnknown } = HOUSEHOLD_STATUS;
const LAT = -4.4;
const N = 90;
const at = (m: number) => ({ lon: 103, lat: north(LAT, m) });
const opts = (o: Partial<CoverageOptions> = {}): CoverageOptions => ({
  thresholdM: 1000,
  visitDays: N,
  minFamilies: 10,
  maxFamilies: 15,
  ...o,
});

/**
 * A0 (at 0 m) active, village 0; A1 at 103.05 INACTIVE, village 0. Window N = 90 days, limit 1000 m.
 *   H0 100 m, A0, never visited          → unvisited
 *   H1 200 m, A0, visited exactly 90 d    → covered (inclusive)
 *   H2 300 m, A0, 91 d                    → unvisited
 *   H3 400 m, A0, 3 days AFTER the date   → covered (age −3)
 *   H4 800 m from A0, agent A1 (inactive), visited today → noAgent
 *   H5 1500 m, A0 (far), visited today    → far
 *   H6 700 m, no agent, visited today     → noAgent
 *   H7 500 m, A0, today, village 1        → covered
 *   H8 600 m, A0, 200 d, village 1        → unvisited
 * Villages 0 → district 0; 1, 2 → district 1 (village 2 has no households).
 */
const HOUSEHOLDS = [
  { ...at(100), agent: 0, village: 0 },
  { ...at(200), agent: 0, village: 0 },
  { ...at(300), agent: 0, village: 0 },
  { ...at(400), agent: 0, village: 0 },
  { ...at(800), agent: 1, village: 0 },
  { ...at(1500), agent: 0, village: 0 },
  { ...at(700), agent: -1, village: 0 },
  { ...at(500), agent: 0, village: 1 },
  { ...at(600), agent: 0, village: 1 },
];
const AGES = [Number.NaN, N, N + 1, -3, 0, 0, 0, 0, 200];

function fixture(visits: boolean): CoverageInput {
  return makeInput({
    agents: [
      { ...at(0), village: 0 },
      { lon: 103.05, lat: LAT, active: false, village: 0 },
    ],
    households: HOUSEHOLDS,
    villageDistrict: [0, 1, 1],
    districtCount: 2,
    ...(visits ? { visitAgeDays: AGES } : {}),
  });
}

describe('effective coverage per household', () => {
  const r = computeCoverage(fixture(true), opts());

  it('never visited → unvisited; exactly N days → covered; N+1 → unvisited; after the date → covered', () => {
    expect([...r.household.status]).toEqual([
      unvisited,
      covered,
      unvisited,
      covered,
      noAgent,
      far,
      noAgent,
      covered,
      unvisited,
    ]);
  });

  it('a recent visit rescues neither an inactive agent (noAgent) nor a far one (far)', () => {
    expect(r.household.status[4]).toBe(noAgent);
    expect(r.household.status[5]).toBe(far);
    expect(r.household.status[6]).toBe(noAgent);
  });

  it('the window is inclusive at both sides of N', () => {
    expect(computeCoverage(fixture(true), opts({ visitDays: N - 1 })).household.status[1]).toBe(unvisited);
    expect(computeCoverage(fixture(true), opts({ visitDays: N + 1 })).household.status[2]).toBe(covered);
    // A window of 0 days: only visits on the reference date (or after it).
    expect([...computeCoverage(fixture(true), opts({ visitDays: 0 })).household.status]).toEqual([
      unvisited,
      unvisited,
      unvisited,
      covered,
      noAgent,
      far,
      noAgent,
      covered,
      unvisited,
    ]);
  });

  it('totals: covered + unvisited + visitUnknown = near; near + far + noAgent = households', () => {
    expect(r.totals).toMatchObject({
      households: 9,
      covered: 3,
      unvisited: 3,
      visitUnknown: 0,
      near: 6,
      far: 1,
      noAgent: 2,
      inactiveAgent: 1,
      visitsRecorded: true,
    });
    expect(r.totals.coveragePct).toBeCloseTo(300 / 9, 10);
    expect(r.totals.nearPct).toBeCloseTo(600 / 9, 10);
  });

  it('counts each agent’s families visited within the window and never visited', () => {
    expect([...r.agent.families]).toEqual([7, 1]);
    // A0: H1 (90 d), H3 (−3), H5 (0, far but visited), H7 (0); never: H0. A1 (inactive): H4 today.
    expect([...r.agent.visitedRecently]).toEqual([4, 1]);
    expect([...r.agent.neverVisited]).toEqual([1, 0]);
    const wide = computeCoverage(fixture(true), opts({ visitDays: 365 }));
    expect([...wide.agent.visitedRecently]).toEqual([6, 1]);
    expect([...wide.agent.neverVisited]).toEqual([1, 0]);
  });

  it('village and district: near, nearPct, unvisited, needingAgent = households − near', () => {
    const v = r.village;
    expect([...v.households]).toEqual([7, 2, 0]);
    expect([...v.covered]).toEqual([2, 1, 0]);
    expect([...v.near]).toEqual([4, 2, 0]);
    expect([...v.unvisited]).toEqual([2, 1, 0]);
    expect([...v.needingAgent]).toEqual([3, 0, 0]);
    expect(v.coveragePct[0]).toBeCloseTo(200 / 7, 10);
    expect(v.nearPct[0]).toBeCloseTo(400 / 7, 10);
    expect(v.coveragePct[1]).toBe(50);
    expect(v.nearPct[1]).toBe(100);
    expect(v.coveragePct[2]).toBeNaN();
    expect(v.nearPct[2]).toBeNaN();
    const d = r.district;
    expect([...d.households]).toEqual([7, 2]);
    expect([...d.covered]).toEqual([2, 1]);
    expect([...d.near]).toEqual([4, 2]);
    expect([...d.unvisited]).toEqual([2, 1]);
    expect([...d.needingAgent]).toEqual([3, 0]);
    expect(d.nearPct[1]).toBe(100);
    // Distance quantiles do not depend on visits: households with an active agent (all but H4, H6).
    const noVisits = computeCoverage(fixture(false), opts());
    expect([...noVisits.village.medianDistanceM]).toEqual([...v.medianDistanceM]);
    expect([...noVisits.village.p90DistanceM]).toEqual([...v.p90DistanceM]);
  });

  it('rejects a negative or non-finite window and visit ages of the wrong length', () => {
    expect(() => computeCoverage(fixture(true), opts({ visitDays: -1 }))).toThrow(RangeError);
    expect(() => computeCoverage(fixture(true), opts({ visitDays: Number.NaN }))).toThrow(RangeError);
    const bad = fixture(true);
    bad.households.visitAgeDays = new Float64Array(2);
    expect(() => computeCoverage(bad, opts())).toThrow(RangeError);
  });
});

describe('a dataset that records no visits (no visitAgeDays)', () => {
  const r = computeCoverage(fixture(false), opts());

  it('near households are visitUnknown, never unvisited; covered is 0 and visitsRecorded false', () => {
    expect([...r.household.status]).toEqual([
      visitUnknown,
      visitUnknown,
      visitUnknown,
      visitUnknown,
      noAgent,
      far,
      noAgent,
      visitUnknown,
      visitUnknown,
    ]);
    expect(r.totals).toMatchObject({
      households: 9,
      covered: 0,
      unvisited: 0,
      visitUnknown: 6,
      near: 6,
      far: 1,
      noAgent: 2,
      coveragePct: 0,
      visitsRecorded: false,
    });
    expect(r.totals.nearPct).toBeCloseTo(600 / 9, 10);
  });

  it('areas count them as near, not as unvisited; agents have no visit counts', () => {
    expect([...r.village.near]).toEqual([4, 2, 0]);
    expect([...r.village.covered]).toEqual([0, 0, 0]);
    expect([...r.village.unvisited]).toEqual([0, 0, 0]);
    expect([...r.village.needingAgent]).toEqual([3, 0, 0]);
    expect([...r.district.near]).toEqual([4, 2]);
    expect([...r.agent.visitedRecently]).toEqual([0, 0]);
    expect([...r.agent.neverVisited]).toEqual([0, 0]);
  });

  it('the window changes nothing', () => {
    const wide = computeCoverage(fixture(false), opts({ visitDays: 365 }));
    expect([...wide.household.status]).toEqual([...r.household.status]);
  });
});

describe('reassignment moves: near their new agent, not yet visited', () => {
  // A0 has 7 families (cap 15). Households without a near agent: H4 (inactive A1; 800 m from A0, visited
  // today by A1), H5 (far, 1500 m: out of reach), H6 (no agent, 700 m, visited today).
  it('with visits recorded: moved households are unvisited, whatever their old visits', () => {
    const input = fixture(true);
    const before = computeCoverage(input, opts());
    const p = proposeReassignment(input, before, opts());
    expect(p.moves.map((m) => [m.household, m.fromAgent, m.toAgent])).toEqual([
      [4, 1, 0],
      [6, -1, 0],
    ]);
    expect(p.unresolved).toEqual([{ household: 5, reason: 'no_agent_in_reach' }]);
    expect(p.after.totals).toMatchObject({
      households: 9,
      covered: 3,
      unvisited: 5,
      visitUnknown: 0,
      near: 8,
      far: 1,
      noAgent: 0,
      inactiveAgent: 0,
      visitsRecorded: true,
    });
    expect(p.after.totals.nearPct).toBeCloseTo(800 / 9, 10);
    expect(p.after.totals.coveragePct).toBeCloseTo(300 / 9, 10);
    expect([...p.after.village.near]).toEqual([6, 2, 0]);
    expect([...p.after.village.covered]).toEqual([2, 1, 0]);
    expect([...p.after.village.unvisited]).toEqual([4, 1, 0]);
    expect([...p.after.village.needingAgent]).toEqual([1, 0, 0]);
    expect([...p.after.families]).toEqual([9, 0]);
  });

  it('without visits recorded: moved households are visitUnknown', () => {
    const input = fixture(false);
    const before = computeCoverage(input, opts());
    const p = proposeReassignment(input, before, opts());
    expect(p.moves.map((m) => m.household)).toEqual([4, 6]);
    expect(p.after.totals).toMatchObject({
      covered: 0,
      unvisited: 0,
      visitUnknown: 8,
      near: 8,
      visitsRecorded: false,
    });
    expect([...p.after.village.unvisited]).toEqual([0, 0, 0]);
    expect([...p.after.village.near]).toEqual([6, 2, 0]);
  });

  it('applyMoves alone: one household moved, the rest as before', () => {
    const input = fixture(true);
    const before = computeCoverage(input, opts());
    const after = applyMoves(input, before, opts(), [
      { household: 6, fromAgent: -1, toAgent: 0, distanceM: 700 },
    ]);
    expect(after.totals).toMatchObject({ covered: 3, unvisited: 4, near: 7, noAgent: 1, inactiveAgent: 1 });
    expect([...after.village.unvisited]).toEqual([3, 1, 0]);
    expect([...after.families]).toEqual([8, 1]);
    // The result it started from is untouched.
    expect(before.totals).toMatchObject({ covered: 3, unvisited: 3, near: 6 });
    expect(before.household.status[6]).toBe(noAgent);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties on random small inputs.

const LON0 = 103;
const point = (x: number, y: number) => ({
  lon: LON0 + x / (M_PER_DEG * Math.cos((LAT * Math.PI) / 180)),
  lat: LAT + y / M_PER_DEG,
});

const instance = fc.record({
  agents: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 3000 }),
      y: fc.integer({ min: 0, max: 3000 }),
      active: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      village: fc.integer({ min: -1, max: 2 }),
    }),
    { minLength: 0, maxLength: 5 },
  ),
  households: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 3000 }),
      y: fc.integer({ min: 0, max: 3000 }),
      agent: fc.integer({ min: -1, max: 4 }),
      village: fc.integer({ min: -1, max: 2 }),
      noCoordinates: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      /** Days since the last visit: NaN = never, negative = after the reference date. */
      visitAge: fc.oneof(
        fc.constant(Number.NaN),
        fc.integer({ min: -10, max: 400 }),
        fc.double({ min: -1, max: 400, noNaN: true }),
      ),
    }),
    { minLength: 0, maxLength: 30 },
  ),
  visitsRecorded: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  thresholdM: fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.double({ min: 0, max: 4000, noNaN: true })),
  visitDays: fc.integer({ min: 0, max: 400 }),
  /** A second window, to compare with. */
  otherDays: fc.integer({ min: 0, max: 400 }),
  /** When set, the window is this household's visit age (mod the household count) exactly. */
  windowAt: fc.option(fc.nat(), { nil: undefined }),
});

type Spec = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): { input: CoverageInput; options: CoverageOptions } {
  const agents = spec.agents.map((a) => ({ ...point(a.x, a.y), active: a.active, village: a.village }));
  const households = spec.households.map((h) => ({
    ...(h.noCoordinates ? { lon: Number.NaN, lat: Number.NaN } : point(h.x, h.y)),
    agent: h.agent < 0 || agents.length === 0 ? -1 : h.agent % agents.length,
    village: h.village,
  }));
  const ages = spec.households.map((h) => h.visitAge);
  const input = makeInput({
    agents,
    households,
    villageDistrict: [0, 0, 1],
    districtCount: 2,
    ...(spec.visitsRecorded ? { visitAgeDays: ages } : {}),
  });
  let visitDays = spec.visitDays;
  if (spec.windowAt !== undefined && ages.length > 0) {
    const age = ages[spec.windowAt % ages.length] as number;
    if (Number.isFinite(age) && age >= 0) visitDays = age;
  }
  return {
    input,
    options: { thresholdM: spec.thresholdM, visitDays, minFamilies: 2, maxFamilies: 4 },
  };
}

/** The recorded agent's state of household i, from the input alone. */
function ownAgent(input: CoverageInput, i: number) {
  const a = input.households.agentIndex[i] as number;
  if (a < 0) return OWN_AGENT.none;
  return input.agents.active[a] === 0 ? OWN_AGENT.inactive : OWN_AGENT.active;
}

function expectAreaInvariants(area: CoverageResult['village'], visitsRecorded: boolean): void {
  for (let g = 0; g < area.households.length; g++) {
    const h = area.households[g] as number;
    const near = area.near[g] as number;
    const cov = area.covered[g] as number;
    const unv = area.unvisited[g] as number;
    expect(cov).toBeLessThanOrEqual(near);
    expect(near).toBeLessThanOrEqual(h);
    expect(cov + unv).toBeLessThanOrEqual(near);
    // Without visits, near households are all visitUnknown; with them, none is.
    if (visitsRecorded) expect(cov + unv).toBe(near);
    else expect(cov + unv).toBe(0);
    expect(area.needingAgent[g]).toBe(h - near);
    if (h > 0) {
      expect(area.nearPct[g]).toBeCloseTo((100 * near) / h, 9);
      expect(area.coveragePct[g]).toBeCloseTo((100 * cov) / h, 9);
    } else {
      expect(area.nearPct[g]).toBeNaN();
      expect(area.coveragePct[g]).toBeNaN();
    }
  }
}

describe('effective coverage properties (random small inputs)', () => {
  it('every status is householdStatus recomputed, and the counts add up', () => {
    fc.assert(
      fc.property(instance, (spec) => {
        const { input, options } = build(spec);
        const r = computeCoverage(input, options);
        const hh = input.households;
        const ages = hh.visitAgeDays;
        const n = hh.lon.length;
        for (let i = 0; i < n; i++) {
          const a = hh.agentIndex[i] as number;
          const d =
            a < 0
              ? Number.NaN
              : ownAgentDistanceM(
                  hh.lon[i] as number,
                  hh.lat[i] as number,
                  input.agents.lon[a] as number,
                  input.agents.lat[a] as number,
                );
          const want = householdStatus(
            ownAgent(input, i),
            d,
            options.thresholdM,
            ages ? (ages[i] as number) : null,
            options.visitDays,
          );
          expect(r.household.status[i]).toBe(want);
        }
        const t = r.totals;
        expect(t.visitsRecorded).toBe(spec.visitsRecorded);
        expect(t.covered + t.unvisited + t.visitUnknown).toBe(t.near);
        expect(t.near + t.far + t.noAgent).toBe(t.households);
        expect(t.households).toBe(n);
        if (!spec.visitsRecorded) expect(t.covered + t.unvisited).toBe(0);
        else expect(t.visitUnknown).toBe(0);
        const count = (s: number) => [...r.household.status].filter((x) => x === s).length;
        expect([t.noAgent, t.far, t.covered, t.unvisited, t.visitUnknown]).toEqual([
          count(noAgent),
          count(far),
          count(covered),
          count(unvisited),
          count(visitUnknown),
        ]);
        expectAreaInvariants(r.village, spec.visitsRecorded);
        expectAreaInvariants(r.district, spec.visitsRecorded);
        // Agents' visit counts, by brute force over their families.
        for (let a = 0; a < input.agents.lon.length; a++) {
          let recent = 0;
          let never = 0;
          for (let i = 0; i < n; i++) {
            if (hh.agentIndex[i] !== a || !ages) continue;
            const age = ages[i] as number;
            if (Number.isNaN(age)) never++;
            else if (age <= options.visitDays) recent++;
          }
          expect(r.agent.visitedRecently[a]).toBe(recent);
          expect(r.agent.neverVisited[a]).toBe(never);
          expect(
            (r.agent.visitedRecently[a] as number) + (r.agent.neverVisited[a] as number),
          ).toBeLessThanOrEqual(r.agent.families[a] as number);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the window never changes near, and a longer window never lowers covered', () => {
    fc.assert(
      fc.property(instance, (spec) => {
        const { input, options } = build(spec);
        const short = Math.min(options.visitDays, spec.otherDays);
        const long = Math.max(options.visitDays, spec.otherDays);
        const a = computeCoverage(input, { ...options, visitDays: short });
        const b = computeCoverage(input, { ...options, visitDays: long });
        // Per household: near (and far, noAgent) identical; covered under the short window stays covered.
        for (let i = 0; i < a.household.status.length; i++) {
          const s = a.household.status[i] as number;
          const l = b.household.status[i] as number;
          expect(isNear(l)).toBe(isNear(s));
          if (!isNear(s)) expect(l).toBe(s);
          if (s === covered) expect(l).toBe(covered);
        }
        expect(b.totals.near).toBe(a.totals.near);
        expect(b.totals.far).toBe(a.totals.far);
        expect(b.totals.noAgent).toBe(a.totals.noAgent);
        expect(b.totals.covered).toBeGreaterThanOrEqual(a.totals.covered);
        expect([...b.village.near]).toEqual([...a.village.near]);
        expect([...b.district.near]).toEqual([...a.district.near]);
        expect([...b.village.needingAgent]).toEqual([...a.village.needingAgent]);
        for (let v = 0; v < a.village.covered.length; v++)
          expect(b.village.covered[v]).toBeGreaterThanOrEqual(a.village.covered[v] as number);
        for (let d = 0; d < a.district.covered.length; d++)
          expect(b.district.covered[d]).toBeGreaterThanOrEqual(a.district.covered[d] as number);
        for (let k = 0; k < a.agent.visitedRecently.length; k++)
          expect(b.agent.visitedRecently[k]).toBeGreaterThanOrEqual(a.agent.visitedRecently[k] as number);
      }),
      { numRuns: 400 },
    );
  });

  it('a proposal raises near by its moves and leaves covered as it was', () => {
    fc.assert(
      fc.property(instance, (spec) => {
        const { input, options } = build(spec);
        const before = computeCoverage(input, options);
        const p = proposeReassignment(input, before, options);
        expect(p.after.totals.near).toBe(before.totals.near + p.moves.length);
        expect(p.after.totals.covered).toBe(before.totals.covered);
        if (spec.visitsRecorded)
          expect(p.after.totals.unvisited).toBe(before.totals.unvisited + p.moves.length);
        else expect(p.after.totals.visitUnknown).toBe(before.totals.visitUnknown + p.moves.length);
        expect(p.moves.length + p.unresolved.length).toBe(before.totals.households - before.totals.near);
        expect(p.after.totals.near + p.after.totals.far + p.after.totals.noAgent).toBe(
          before.totals.households,
        );
        expectAreaInvariants(p.after.village, spec.visitsRecorded);
        expectAreaInvariants(p.after.district, spec.visitsRecorded);
      }),
      { numRuns: 200 },
    );
  });
});
