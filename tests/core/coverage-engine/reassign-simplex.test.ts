/**
 * The network simplex of the reassignment flow, on generated graphs (fast-check): its flow is the
 * lexicographic optimum found by enumerating every assignment, keeps every agent within its places, and
 * comes with potentials that prove it (every residual arc's reduced cost ≥ 0); started from the optimum of a
 * graph with fewer arcs per row (the warm start of the widening rounds), or solved a few pivots at a time,
 * it reaches the same optimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowGraph, FlowState } from '../../../src/core/coverage-engine/reassign-flow';
import { TransportSimplex } from '../../../src/core/coverage-engine/reassign-simplex';

const TIER1 = 1;
const UNRESOLVED = 2 ** 32;

/** (unplaced, tier-1 places used, metres) of a flow, from its assignment alone. */
function cost(s: FlowState): [number, number, number] {
  const g = s.g;
  let unplaced = 0;
  let metres = 0;
  const arrivals = new Int32Array(g.agents);
  for (let r = 0; r < g.rows; r++) {
    const e = s.rowEdge[r] as number;
    if (e < 0) unplaced++;
    else {
      metres += g.edgeCost[e] as number;
      const k = g.edgeAgent[e] as number;
      arrivals[k] = (arrivals[k] as number) + 1;
    }
  }
  let tier1 = 0;
  for (let k = 0; k < g.agents; k++) {
    const n = arrivals[k] as number;
    expect(n).toBeLessThanOrEqual((g.cap0[k] as number) + (g.cap1[k] as number));
    expect((s.used0[k] as number) + (s.used1[k] as number)).toBe(n);
    tier1 += Math.max(0, n - (g.cap0[k] as number));
  }
  return [unplaced, tier1, metres];
}

/** Every residual arc's reduced cost is ≥ 0 (levels first, metres to float noise). */
function reducedCostsNonNegative(s: FlowState): void {
  const { R, SINK, piL, piM, rowEdge, used0, used1 } = s;
  const { rowStart, edgeAgent, edgeCost, cap0, cap1 } = s.g;
  const ok = (l: number, m: number) => expect(l > 0 || (l === 0 && m >= -1e-6)).toBe(true);
  for (let r = 0; r < R; r++) {
    const own = rowEdge[r] as number;
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
      const v = R + (edgeAgent[e] as number);
      const c = edgeCost[e] as number;
      if (e === own)
        ok((piL[v] as number) - (piL[r] as number), -c + (piM[v] as number) - (piM[r] as number));
      else ok((piL[r] as number) - (piL[v] as number), c + (piM[r] as number) - (piM[v] as number));
    }
    if (own >= 0)
      ok(UNRESOLVED + (piL[r] as number) - (piL[SINK] as number), (piM[r] as number) - (piM[SINK] as number));
    else
      ok(
        -UNRESOLVED + (piL[SINK] as number) - (piL[r] as number),
        (piM[SINK] as number) - (piM[r] as number),
      );
  }
  for (let k = 0; k < cap0.length; k++) {
    const v = R + k;
    const dl = (piL[v] as number) - (piL[SINK] as number);
    const dm = (piM[v] as number) - (piM[SINK] as number);
    if ((used0[k] as number) < (cap0[k] as number)) ok(dl, dm);
    else if ((used1[k] as number) < (cap1[k] as number)) ok(TIER1 + dl, dm);
    if ((used1[k] as number) > 0) ok(-TIER1 - dl, -dm);
    else if ((used0[k] as number) > 0) ok(-dl, -dm);
  }
}

const graphSpec = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), agents: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, agents }) =>
    fc.record({
      arcs: fc.array(
        fc.uniqueArray(
          fc.record({ agent: fc.integer({ min: 0, max: agents - 1 }), d: fc.integer({ min: 0, max: 999 }) }),
          {
            selector: (a) => a.agent,
            maxLength: agents,
          },
        ),
        { minLength: rows, maxLength: rows },
      ),
      cap0: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: agents, maxLength: agents }),
      cap1: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: agents, maxLength: agents }),
      /** How many of each row's arcs the first graph has (the rest come when it grows). */
      firstArcs: fc.array(fc.integer({ min: 0, max: agents }), { minLength: rows, maxLength: rows }),
    }),
  );

/** (unplaced, tier-1 places used, metres): the lexicographic optimum over every assignment. */
function bruteForce(g: FlowGraph): [number, number, number] {
  const used = new Int32Array(g.agents);
  let best: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0];
  const better = (x: [number, number, number]) =>
    x[0] < best[0] || (x[0] === best[0] && (x[1] < best[1] || (x[1] === best[1] && x[2] < best[2] - 1e-9)));
  const rec = (r: number, unplaced: number, metres: number): void => {
    if (r === g.rows) {
      let tier1 = 0;
      for (let k = 0; k < g.agents; k++) tier1 += Math.max(0, (used[k] as number) - (g.cap0[k] as number));
      const x: [number, number, number] = [unplaced, tier1, metres];
      if (better(x)) best = x;
      return;
    }
    rec(r + 1, unplaced + 1, metres);
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++) {
      const k = g.edgeAgent[e] as number;
      if ((used[k] as number) >= (g.cap0[k] as number) + (g.cap1[k] as number)) continue;
      used[k] = (used[k] as number) + 1;
      rec(r + 1, unplaced, metres + (g.edgeCost[e] as number));
      used[k] = (used[k] as number) - 1;
    }
  };
  rec(0, 0, 0);
  return best;
}

function solved(g: FlowGraph, from?: TransportSimplex): TransportSimplex {
  const s = from ? from.grown(g) : new TransportSimplex(g);
  s.solve();
  return s;
}

/** Fractional metres, as haversine distances are. */
const metres = (a: { agent: number; d: number }) => a.d + a.agent / 7;

function toGraph(spec: {
  arcs: { agent: number; d: number }[][];
  cap0: number[];
  cap1: number[];
}): FlowGraph {
  const rows = spec.arcs;
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((a, r) => {
    rowStart[r + 1] = (rowStart[r] as number) + a.length;
  });
  const flat = rows.flat();
  return {
    rows: spec.arcs.length,
    agents: spec.cap0.length,
    rowStart,
    edgeAgent: Int32Array.from(flat, (a) => a.agent),
    edgeCost: Float64Array.from(flat, metres),
    cap0: Int32Array.from(spec.cap0),
    cap1: Int32Array.from(spec.cap1),
  };
}

/** The flow costs `want` and its potentials prove it optimal. */
function expectOptimum(flow: FlowState, want: [number, number, number]): void {
  const got = cost(flow);
  expect(got[0]).toBe(want[0]);
  expect(got[1]).toBe(want[1]);
  expect(got[2]).toBeCloseTo(want[2], 6);
  reducedCostsNonNegative(flow);
}

describe('TransportSimplex', () => {
  it("finds the lexicographic optimum, within every agent's places, with potentials that prove it", () => {
    fc.assert(
      fc.property(graphSpec, (spec) => {
        const g = toGraph(spec);
        expectOptimum(solved(g).result(), bruteForce(g));
      }),
      { numRuns: 400 },
    );
  });

  it('solved a few pivots at a time (between other work), reaches the same optimum', () => {
    fc.assert(
      fc.property(graphSpec, fc.integer({ min: 1, max: 3 }), (spec, budget) => {
        const g = toGraph(spec);
        const want = cost(solved(g).result());
        const s = new TransportSimplex(g);
        while (!s.solve(budget));
        expectOptimum(s.result(), want);
      }),
      { numRuns: 400 },
    );
  });

  it("grown by new arcs per row, starts from the smaller graph's optimum and reaches the fresh one", () => {
    fc.assert(
      fc.property(graphSpec, (spec) => {
        const g = toGraph(spec);
        const want = cost(solved(g).result());
        const first = spec.arcs.map((a, r) => a.slice(0, spec.firstArcs[r]));
        const small = solved(toGraph({ ...spec, arcs: first }));
        expectOptimum(solved(g, small).result(), want);
      }),
      { numRuns: 400 },
    );
  });
});
