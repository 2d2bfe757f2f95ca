/**
 * The reassignment proposal against an independent brute-force oracle for ALL THREE objectives (most
 * households placed, then most places below the minimum filled, then least total distance), on generated
 * instances (fast-check). The oracle enumerates every assignment of the uncovered households (each to an
 * active agent with a place left within the limit, or to none), measuring with the shared haversine only.
 * Small candidate lists (initialCandidates 1–3) force the optimality check to widen the graph and the flow
 * to take rows out and put them back, so those paths are covered too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CoverageOptions,
  computeCoverage,
  HOUSEHOLD_STATUS,
  haversineM,
  proposeReassignment,
} from '../../../src/analysis/coverage-engine/index';
import { M_PER_DEG, makeInput } from './fixtures';

const LAT0 = -4.4;
const LON0 = 103;
const point = (x: number, y: number) => ({
  lon: LON0 + x / (M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180)),
  lat: LAT0 + y / M_PER_DEG,
});

interface Best {
  placed: number;
  belowMin: number;
  distance: number;
}

/** Lexicographic optimum by enumeration: rows[i] may take any agent in options[i] with a place left. */
function bruteForce(options: { agent: number; d: number }[][], spare: number[], below: number[]): Best {
  const used = spare.map(() => 0);
  let best: Best = { placed: -1, belowMin: -1, distance: Number.POSITIVE_INFINITY };
  const rec = (i: number, placed: number, distance: number): void => {
    if (i === options.length) {
      const belowMin = used.reduce((s, u, a) => s + Math.min(u, below[a] as number), 0);
      if (
        placed > best.placed ||
        (placed === best.placed &&
          (belowMin > best.belowMin || (belowMin === best.belowMin && distance < best.distance)))
      )
        best = { placed, belowMin, distance };
      return;
    }
    rec(i + 1, placed, distance);
    for (const { agent, d } of options[i] ?? []) {
      if ((used[agent] as number) >= (spare[agent] as number)) continue;
      used[agent] = (used[agent] as number) + 1;
      rec(i + 1, placed + 1, distance + d);
      used[agent] = (used[agent] as number) - 1;
    }
  };
  rec(0, 0, 0);
  return best;
}

const instance = fc.record({
  agents: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 3000 }),
      y: fc.integer({ min: 0, max: 3000 }),
      active: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
      families: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  households: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 3000 }),
      y: fc.integer({ min: 0, max: 3000 }),
      agent: fc.integer({ min: -1, max: 4 }),
    }),
    { minLength: 1, maxLength: 7 },
  ),
  thresholdM: fc.integer({ min: 250, max: 3000 }),
  minFamilies: fc.integer({ min: 0, max: 4 }),
  extraCap: fc.integer({ min: 0, max: 2 }),
  initialCandidates: fc.integer({ min: 1, max: 3 }),
});

describe('proposeReassignment equals a brute-force optimum for all three objectives', () => {
  it('on generated instances (placed, then below-minimum places, then total distance)', () => {
    fc.assert(
      fc.property(instance, (spec) => {
        const agents = spec.agents.map((a) => ({ ...point(a.x, a.y), active: a.active, village: 0 }));
        const households: { lon: number; lat: number; agent: number; village: number }[] = [];
        spec.agents.forEach((a, k) => {
          for (let j = 0; j < a.families; j++)
            households.push({ ...point(a.x + j, a.y), agent: k, village: 0 });
        });
        for (const h of spec.households)
          households.push({
            ...point(h.x, h.y),
            agent: h.agent < 0 ? -1 : h.agent % agents.length,
            village: 0,
          });
        const input = makeInput({ agents, households, villageDistrict: [0], districtCount: 1 });
        const o: CoverageOptions = {
          thresholdM: spec.thresholdM,
          minFamilies: spec.minFamilies,
          maxFamilies: spec.minFamilies + spec.extraCap,
        };
        const before = computeCoverage(input, o);
        const p = proposeReassignment(input, before, o, { initialCandidates: spec.initialCandidates });

        const fam = before.agent.families;
        const maxF = Math.floor(o.maxFamilies);
        const spare = agents.map((_, a) =>
          input.agents.active[a] === 1 ? Math.max(0, maxF - (fam[a] as number)) : 0,
        );
        const below = spare.map((s, a) =>
          Math.min(s, Math.max(0, Math.ceil(o.minFamilies - (fam[a] as number)))),
        );
        const dist = (i: number, a: number) =>
          haversineM(
            input.households.lon[i] as number,
            input.households.lat[i] as number,
            input.agents.lon[a] as number,
            input.agents.lat[a] as number,
          );
        const rows: number[] = [];
        for (let i = 0; i < households.length; i++)
          if (before.household.status[i] !== HOUSEHOLD_STATUS.covered) rows.push(i);
        const options = rows.map((i) =>
          agents
            .map((_, a) => ({ agent: a, d: dist(i, a) }))
            .filter(({ agent, d }) => (spare[agent] as number) > 0 && d <= o.thresholdM),
        );
        const want = bruteForce(options, spare, below);

        expect(p.moves.length).toBe(want.placed);
        expect(p.stats.belowMinSlotsFilled).toBe(want.belowMin);
        expect(p.stats.totalDistanceM).toBeCloseTo(want.distance, 4);
        // The proposal is what it says: each move within the limit at its true distance, places respected.
        const arrivals = agents.map(() => 0);
        let total = 0;
        for (const mv of p.moves) {
          expect(mv.distanceM).toBe(dist(mv.household, mv.toAgent));
          expect(mv.distanceM).toBeLessThanOrEqual(o.thresholdM);
          arrivals[mv.toAgent] = (arrivals[mv.toAgent] as number) + 1;
          total += mv.distanceM;
        }
        expect(total).toBeCloseTo(p.stats.totalDistanceM, 6);
        arrivals.forEach((n, a) => {
          expect(n).toBeLessThanOrEqual(spare[a] as number);
        });
        expect(arrivals.reduce((s, n, a) => s + Math.min(n, below[a] as number), 0)).toBe(want.belowMin);
      }),
      { numRuns: 400 },
    );
  });
});
