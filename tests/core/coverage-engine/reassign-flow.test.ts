/**
 * The warm start of the reassignment flow: taking rows out (remove) and putting them back (insert), also
 * after the graph grows by new arcs (rebind), must leave the same optimum as solving from scratch, keep
 * every agent within its places, and keep the potentials a proof (every residual arc's reduced cost ≥ 0),
 * on generated graphs (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlowGraph, FlowState } from '../../../src/core/coverage-engine/reassign-flow';

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
  .record({ rows: fc.integer({ min: 1, max: 12 }), agents: fc.integer({ min: 1, max: 5 }) })
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
      out: fc.array(fc.integer({ min: 0, max: rows - 1 }), { maxLength: rows }),
      /** How many of each row's arcs the first graph has (the rest come with a rebind). */
      firstArcs: fc.array(fc.integer({ min: 0, max: agents }), { minLength: rows, maxLength: rows }),
    }),
  );

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

describe('FlowState warm start', () => {
  it('removing rows and inserting them again gives the same optimum as a fresh solve', () => {
    fc.assert(
      fc.property(graphSpec, (spec) => {
        const g = toGraph(spec);
        const fresh = new FlowState(g);
        for (let r = 0; r < g.rows; r++) fresh.insert(r);
        const want = cost(fresh);
        reducedCostsNonNegative(fresh);

        const warm = new FlowState(g);
        for (let r = g.rows - 1; r >= 0; r--) warm.insert(r);
        const again = [...new Set(spec.out)];
        for (const r of again) warm.remove(r);
        // Rebinding to an identical graph keeps every arc where it was.
        warm.rebind({ ...g });
        for (const r of again) {
          warm.priceRow(r);
          warm.insert(r);
        }
        const got = cost(warm);
        expect(got[0]).toBe(want[0]);
        expect(got[1]).toBe(want[1]);
        expect(got[2]).toBeCloseTo(want[2], 6);
        reducedCostsNonNegative(warm);
      }),
      { numRuns: 500 },
    );
  });

  it('growing rows by new arcs and putting those rows back gives the fresh optimum', () => {
    fc.assert(
      fc.property(graphSpec, (spec) => {
        const g = toGraph(spec);
        const fresh = new FlowState(g);
        for (let r = 0; r < g.rows; r++) fresh.insert(r);
        const want = cost(fresh);

        // Solve on a graph with only some arcs per row, then grow it to the full graph.
        const first = spec.arcs.map((a, r) => a.slice(0, spec.firstArcs[r]));
        const warm = new FlowState(toGraph({ ...spec, arcs: first }));
        for (let r = 0; r < g.rows; r++) warm.insert(r);
        const grown = first.flatMap((a, r) => (a.length < (spec.arcs[r] as unknown[]).length ? [r] : []));
        for (const r of grown) warm.remove(r);
        warm.rebind(g);
        for (const r of grown) {
          warm.priceRow(r);
          warm.insert(r);
        }
        const got = cost(warm);
        expect(got[0]).toBe(want[0]);
        expect(got[1]).toBe(want[1]);
        expect(got[2]).toBeCloseTo(want[2], 6);
        reducedCostsNonNegative(warm);
      }),
      { numRuns: 500 },
    );
  });
});
