/**
 * The reassignment proposal against an independent brute-force oracle for ALL THREE objectives (most
 * households placed, then most places below the minimum filled, then least total distance), on generated
 * instances (fast-check). The oracle enumerates every assignment of the uncovered households (each to an
 * active agent with a place left within the limit, or to none), measuring with the shared haversine only.
 * Narrow starts (startSlack 0) and few pairs per check (1–3) force the optimality check to widen the graph
 * and the flow to take rows out and put them back, so those paths are covered too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeReassignment } from '../../../src/core/coverage-engine/index';
import { buildInstance, type InstanceSpec, pairsWithinLimit, reassignInstance } from './reassign-instances';

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

const instance = reassignInstance({
  extent: 3000,
  maxAgents: 5,
  maxHouseholds: 7,
  maxFamilies: 4,
  maxExtraCap: 2,
  maxPairsPerCheck: 3,
});

const wideInstance = reassignInstance({
  extent: 10_000,
  maxAgents: 5,
  maxHouseholds: 7,
  maxFamilies: 4,
  maxExtraCap: 2,
  maxPairsPerCheck: 3,
});

/** The proposal for `spec` against the brute-force optimum, and what it says of itself. */
function equalsBruteForce(spec: InstanceSpec): void {
  const x = buildInstance(spec);
  const { input, before, spare, below, dist } = x;
  const o = x.options;
  const p = proposeReassignment(input, before, o, {
    startSlack: spec.startSlack,
    pairsPerCheck: spec.pairsPerCheck,
  });
  const want = bruteForce(pairsWithinLimit(x), spare, below);

  expect(p.moves.length).toBe(want.placed);
  expect(p.stats.belowMinSlotsFilled).toBe(want.belowMin);
  expect(p.stats.totalDistanceM).toBeCloseTo(want.distance, 4);
  // The proposal is what it says: each move within the limit at its true distance, places respected.
  const arrivals = spare.map(() => 0);
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
}

describe('proposeReassignment equals a brute-force optimum for all three objectives', () => {
  it.each([
    ['limits 0.25–3 km in a 3 km square', instance],
    ['limits 0.25–10 km in a 10 km square', wideInstance],
  ])('on generated instances (placed, then below-minimum places, then total distance; %s)', (_, arb) => {
    fc.assert(fc.property(arb, equalsBruteForce), { numRuns: 400 });
  });
});
