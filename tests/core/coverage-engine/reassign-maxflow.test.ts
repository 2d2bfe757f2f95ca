/**
 * The reassignment proposal against an independent oracle: a plain Edmonds–Karp maximum flow on the
 * bipartite graph of every (uncovered household, agent with spare places) pair within the limit, pairs
 * found by brute force. Written here from scratch (no engine code but the shared distance function), on
 * generated instances: the proposal must place exactly as many households as the maximum flow, fill
 * exactly as many places below the minimum as the maximum flow restricted to those places, and every
 * unresolved reason must be a fact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CoverageOptions,
  computeCoverage,
  proposeReassignment,
} from '../../../src/core/coverage-engine/index';
import { makeInput } from './fixtures';
import { buildInstance, type InstanceSpec, point, reassignInstance } from './reassign-instances';

/** Edmonds–Karp on an adjacency-matrix network (small instances only). */
function maxFlow(capacity: number[][], source: number, sink: number): number {
  const n = capacity.length;
  const residual = capacity.map((row) => row.slice());
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[source] = source;
    const queue = [source];
    while (queue.length > 0 && parent[sink] === -1) {
      const u = queue.shift() as number;
      for (let v = 0; v < n; v++) {
        if (parent[v] === -1 && (residual[u]?.[v] ?? 0) > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[sink] === -1) return flow;
    let push = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== source; v = parent[v] as number)
      push = Math.min(push, residual[parent[v] as number]?.[v] as number);
    for (let v = sink; v !== source; v = parent[v] as number) {
      const u = parent[v] as number;
      (residual[u] as number[])[v] = (residual[u]?.[v] as number) - push;
      (residual[v] as number[])[u] = (residual[v]?.[u] as number) + push;
    }
    flow += push;
  }
}

const instance = reassignInstance({
  extent: 4000,
  maxAgents: 7,
  maxHouseholds: 24,
  maxFamilies: 5,
  maxExtraCap: 3,
  maxPairsPerCheck: 4,
});

const wideInstance = reassignInstance({
  extent: 10_000,
  maxAgents: 10,
  maxHouseholds: 36,
  maxFamilies: 5,
  maxExtraCap: 2,
  maxPairsPerCheck: 4,
});

/** The proposal for `spec` against the maximum flows and the brute-force reasons. */
function agreesWithMaxFlow(spec: InstanceSpec): void {
  const x = buildInstance(spec);
  const { input, before, rows, dist } = x;
  const o = x.options;
  const p = proposeReassignment(input, before, o, {
    startSlack: spec.startSlack,
    pairsPerCheck: spec.pairsPerCheck,
  });

  // The oracle's network: source, uncovered households with coordinates, agents, sink.
  const fam = before.agent.families;
  const A = x.agents;
  const maxF = Math.floor(o.maxFamilies);
  const spare = (a: number) => x.spare[a] as number;
  const below = (a: number) => x.below[a] as number;
  const network = (cap: (a: number) => number): number[][] => {
    const n = 2 + rows.length + A;
    const c = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    rows.forEach((i, r) => {
      (c[0] as number[])[1 + r] = 1;
      for (let a = 0; a < A; a++)
        if (dist(i, a) <= o.thresholdM) (c[1 + r] as number[])[1 + rows.length + a] = 1;
    });
    for (let a = 0; a < A; a++) (c[1 + rows.length + a] as number[])[n - 1] = cap(a);
    return c;
  };
  const F = maxFlow(network(spare), 0, 1 + rows.length + A);
  const F0 = maxFlow(network(below), 0, 1 + rows.length + A);

  expect(p.moves.length).toBe(F);
  const arrivals = new Array<number>(A).fill(0);
  for (const mv of p.moves) {
    arrivals[mv.toAgent] = (arrivals[mv.toAgent] as number) + 1;
    expect(mv.distanceM).toBeLessThanOrEqual(o.thresholdM);
    expect(mv.distanceM).toBe(dist(mv.household, mv.toAgent));
  }
  const filledBelow = arrivals.reduce((s, n, a) => s + Math.min(n, below(a)), 0);
  expect(filledBelow).toBe(F0);
  expect(p.stats.belowMinSlotsFilled).toBe(F0);
  for (let a = 0; a < A; a++) expect(arrivals[a]).toBeLessThanOrEqual(spare(a));

  // Reasons, checked against the brute-force graph.
  expect(p.moves.length + p.unresolved.length).toBe(before.totals.households - before.totals.near);
  for (const u of p.unresolved) {
    if (!Number.isFinite(input.households.lon[u.household])) {
      expect(u.reason).toBe('no_coordinates');
      continue;
    }
    const inReach = Array.from({ length: A }, (_, a) => a).filter(
      (a) => input.agents.active[a] === 1 && dist(u.household, a) <= o.thresholdM,
    );
    if (inReach.length === 0) expect(u.reason).toBe('no_agent_in_reach');
    else {
      expect(u.reason).toBe('no_capacity_in_reach');
      for (const a of inReach)
        expect((fam[a] as number) + (arrivals[a] as number)).toBeGreaterThanOrEqual(maxF);
    }
  }
}

describe('proposeReassignment equals an independent maximum flow', () => {
  it('looks past the nearest agents when they are full (40 agents with one place each, 33 households)', () => {
    // Every household sits at the same point; agents on a ring of 300–690 m. A cut to the 32 nearest agents
    // placed 32 households and called the 33rd "agents in reach are full" with 8 free agents in reach.
    const agents = Array.from({ length: 40 }, (_, k) => ({
      ...point(2000 + (300 + 10 * k) * Math.cos(k), 2000 + (300 + 10 * k) * Math.sin(k)),
      village: 0,
    }));
    const households = [
      ...agents.map((_, k) => ({
        ...point(2000 + (300 + 10 * k) * Math.cos(k), 2000 + (300 + 10 * k) * Math.sin(k) + 1),
        agent: k,
        village: 0,
      })),
      ...Array.from({ length: 33 }, () => ({ ...point(2000, 2000), agent: -1, village: 0 })),
    ];
    const input = makeInput({ agents, households, villageDistrict: [0], districtCount: 1 });
    const o: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 1, maxFamilies: 2 };
    const p = proposeReassignment(input, computeCoverage(input, o), o);
    expect(p.moves).toHaveLength(33);
    expect(p.unresolved).toEqual([]);
    // The 33 nearest agents, one household each.
    expect(new Set(p.moves.map((m) => m.toAgent)).size).toBe(33);
    expect(Math.max(...p.moves.map((m) => m.toAgent))).toBe(32);
  });

  it.each([
    ['limits 0.25–4 km in a 4 km square', instance],
    ['limits 0.25–10 km in a 10 km square, households crowding few places', wideInstance],
  ])(
    'places the maximum, fills the most places below the minimum, and every reason is true (%s)',
    (_, arb) => {
      fc.assert(fc.property(arb, agreesWithMaxFlow), { numRuns: 300 });
    },
  );
});
