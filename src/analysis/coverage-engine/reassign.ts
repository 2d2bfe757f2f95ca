/**
 * Reassignment proposal: give uncovered households (status noAgent or far) to ACTIVE agents with spare
 * capacity within thresholdM, so that as many as possible become covered, at the least total distance.
 *
 * Model — a min-cost flow on the sparse candidate graph:
 * - a household node for each uncovered household with coordinates; an arc to each active agent with spare
 *   capacity within thresholdM (haversine, inclusive), cost = distance in metres; only the
 *   `maxCandidatesPerHousehold` nearest such agents are kept (default 32; stats.truncatedCandidateLists
 *   counts the households whose list was cut — in town, where 32 agents with room nearby are plenty: the
 *   optimum could only differ if a household needed its 33rd-nearest agent);
 * - each agent has floor(maxFamilies) − families free slots. Slots that bring the agent up to minFamilies
 *   cost 0 extra; the others cost thresholdM + 1 m extra, so each household prefers ANY below-minimum
 *   agent in reach to one that already has its ten families (the ten-family rule), and among agents of the
 *   same kind the nearer one;
 * - each household also has a "stay unresolved" arc costing M = (households + 1)·(2·thresholdM + 1) + 1,
 *   more than any set of real arcs can cost, so the optimum first maximises the number of households
 *   placed and only then minimises distance (plus the slot penalty).
 * Slots freed by far households that move are not offered to others (conservative: a far household that
 * cannot move keeps its agent, so its slot is not really free).
 *
 * Algorithm — successive shortest paths (the Hungarian method for this transportation problem):
 * households are added one at a time (nearest first); for each, Dijkstra with node potentials (reduced
 * costs ≥ 0) finds the cheapest augmenting path to the sink — straight to an agent with a free slot, or
 * through chains that shift already-placed households to other agents, or to "unresolved" (possibly
 * displacing a costlier household) — and stops as soon as the sink is settled; only the settled nodes'
 * potentials are updated. Every prefix is optimal, so the final flow is an exact optimum of the model
 * above (on the candidate graph; the brute-force test checks this on random small instances). Dijkstra
 * mostly settles a few nodes: for the regency demo (45 k households) ≈0.1 s at 1 km and ≈0.25 s at 10 km.
 * Where capacity is scarce (the 1 M demo: 875 agents with 8 k free slots for 120 k uncovered households)
 * households that cannot be placed search their whole connected component: 0.6–0.9 s up to 2.5 km,
 * 2–3 s at 5–10 km.
 */

import { selectInPlace } from './aggregate';
import { aggregateVillagesAndDistricts } from './engine';
import { buildPointGrid, pointsWithin } from './grid';
import { createPlane, DEG, distortionRatio, finiteRange, haversineToAgent } from './projection';
import {
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type CoverageTotals,
  HOUSEHOLD_STATUS,
  type ReassignmentMove,
  type ReassignmentProposal,
  type UnresolvedReason,
} from './types';

export const REASSIGNMENT_ALGORITHM =
  'min-cost flow, successive shortest paths (Dijkstra with potentials, early exit), exact on the candidate graph';

export interface ReassignmentOptions {
  /** Keep at most this many nearest agents with spare capacity per household (default 32). */
  maxCandidatesPerHousehold?: number;
}

const DUMMY = -2;
const UNPLACED = -1;

/** Binary min-heap of (key, node) with lazy deletion. */
class Heap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    const keys = this.keys;
    const nodes = this.nodes;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((keys[p] as number) <= key) break;
      keys[i] = keys[p] as number;
      nodes[i] = nodes[p] as number;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the minimum; its key and node are left in topKey / topNode. */
  topKey = 0;
  topNode = 0;
  pop(): void {
    const keys = this.keys;
    const nodes = this.nodes;
    this.topKey = keys[0] as number;
    this.topNode = nodes[0] as number;
    const last = --this.size;
    if (last === 0) return;
    const key = keys[last] as number;
    const node = nodes[last] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (keys[c + 1] as number) < (keys[c] as number)) c++;
      if ((keys[c] as number) >= key) break;
      keys[i] = keys[c] as number;
      nodes[i] = nodes[c] as number;
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

export function proposeReassignment(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  extra: ReassignmentOptions = {},
): ReassignmentProposal {
  const t0 = performance.now();
  const T = options.thresholdM;
  const maxK = Math.max(1, Math.floor(extra.maxCandidatesPerHousehold ?? 32));
  const hh = input.households;
  const ag = input.agents;
  const status = result.household.status;
  const families = result.agent.families;
  const nHh = hh.lon.length;
  const nAg = ag.lon.length;
  if (status.length !== nHh || families.length !== nAg) throw new RangeError('result does not match input');

  // Agents with spare capacity (compact ids), and their below-minimum slots.
  const maxF = Math.floor(options.maxFamilies);
  const spareIds: number[] = [];
  for (let a = 0; a < nAg; a++) {
    if (ag.active[a] !== 0 && Number.isFinite(ag.lon[a]) && Number.isFinite(ag.lat[a])) {
      if ((families[a] as number) < maxF) spareIds.push(a);
    }
  }
  const A = spareIds.length;
  const agentOf = Int32Array.from(spareIds);
  const cap0 = new Int32Array(A);
  const cap1 = new Int32Array(A);
  const slotStart = new Int32Array(A + 1);
  for (let k = 0; k < A; k++) {
    const a = agentOf[k] as number;
    const f = families[a] as number;
    const spare = maxF - f;
    const below = Math.min(spare, Math.max(0, Math.ceil(options.minFamilies - f)));
    cap0[k] = below;
    cap1[k] = spare - below;
    slotStart[k + 1] = (slotStart[k] as number) + spare;
  }

  // Plane over the agents and the uncovered households.
  const uncovered: number[] = [];
  const unresolved: { household: number; reason: UnresolvedReason }[] = [];
  for (let i = 0; i < nHh; i++) if (status[i] !== HOUSEHOLD_STATUS.covered) uncovered.push(i);
  const lonR = finiteRange(Float64Array.from(uncovered.map((i) => hh.lon[i] as number)));
  const latR = finiteRange(Float64Array.from(uncovered.map((i) => hh.lat[i] as number)));
  const aLat = finiteRange(Float64Array.from(spareIds.map((a) => ag.lat[a] as number)));
  const aLon = finiteRange(Float64Array.from(spareIds.map((a) => ag.lon[a] as number)));
  const latLo = Math.min(latR.min, aLat.min);
  const latHi = Math.max(latR.max, aLat.max);
  const lonMid = (Math.min(lonR.min, aLon.min) + Math.max(lonR.max, aLon.max)) / 2;
  const plane = createPlane(
    Number.isFinite(lonMid) ? lonMid : 0,
    Number.isFinite(latLo) ? (latLo + latHi) / 2 : 0,
  );
  const ratio = Number.isFinite(latLo) ? distortionRatio(plane, latLo, latHi) : 1;
  const ax = new Float64Array(A);
  const ay = new Float64Array(A);
  const aCos = new Float64Array(A);
  const aSin = new Float64Array(A);
  for (let k = 0; k < A; k++) {
    const a = agentOf[k] as number;
    aCos[k] = Math.cos((ag.lat[a] as number) * DEG);
    aSin[k] = Math.sin((ag.lat[a] as number) * DEG);
    ax[k] = ((ag.lon[a] as number) - plane.lon0) * plane.kx;
    ay[k] = ((ag.lat[a] as number) - plane.lat0) * plane.ky;
  }
  const grid = buildPointGrid(
    ax,
    ay,
    Int32Array.from({ length: A }, (_, k) => k),
    Math.max(T / 2, 50),
  );

  // Candidate graph (CSR), rows = uncovered households with at least one agent with spare in reach.
  const rowHousehold: number[] = [];
  const rowStartList: number[] = [0];
  const edgeAgentList: number[] = [];
  const edgeCostList: number[] = [];
  const found = new Int32Array(A);
  const foundD2 = new Float64Array(A);
  const candAgent = new Int32Array(A);
  const candDist = new Float64Array(A);
  const scratch = new Float64Array(A);
  const candOrder: number[] = [];
  let truncated = 0;
  for (const i of uncovered) {
    const lo = hh.lon[i] as number;
    const la = hh.lat[i] as number;
    if (!(Number.isFinite(lo) && Number.isFinite(la))) {
      unresolved.push({ household: i, reason: 'no_coordinates' });
      continue;
    }
    const x = (lo - plane.lon0) * plane.kx;
    const y = (la - plane.lat0) * plane.ky;
    const count = pointsWithin(grid, x, y, T * ratio, found, foundD2);
    // With more than maxK agents in planar reach, only those that can be among the maxK geodesically
    // nearest are measured: within ratio × the maxK-th planar distance (see projection.ts).
    let limit2 = Number.POSITIVE_INFINITY;
    if (count > maxK) {
      scratch.set(foundD2.subarray(0, count));
      selectInPlace(scratch, 0, count - 1, maxK - 1);
      const r = Math.sqrt(scratch[maxK - 1] as number) * ratio + 1e-7;
      limit2 = r * r;
    }
    let c = 0;
    for (let j = 0; j < count; j++) {
      if ((foundD2[j] as number) > limit2) continue;
      const k = found[j] as number;
      const a = agentOf[k] as number;
      const d = haversineToAgent(
        lo,
        la,
        ag.lon[a] as number,
        ag.lat[a] as number,
        aCos[k] as number,
        aSin[k] as number,
      );
      if (d <= T) {
        candAgent[c] = k;
        candDist[c] = d;
        c++;
      }
    }
    if (c === 0) {
      const nd = result.household.nearestDistanceM[i] as number;
      unresolved.push({ household: i, reason: nd <= T ? 'no_capacity_in_reach' : 'no_agent_in_reach' });
      continue;
    }
    candOrder.length = c;
    for (let j = 0; j < c; j++) candOrder[j] = j;
    candOrder.sort(
      (p, q) =>
        (candDist[p] as number) - (candDist[q] as number) ||
        (candAgent[p] as number) - (candAgent[q] as number),
    );
    if (c > maxK || (count > maxK && c === maxK)) truncated++;
    const keep = Math.min(c, maxK);
    for (let j = 0; j < keep; j++) {
      const p = candOrder[j] as number;
      edgeAgentList.push(candAgent[p] as number);
      edgeCostList.push(candDist[p] as number);
    }
    rowHousehold.push(i);
    rowStartList.push(edgeAgentList.length);
  }
  const R = rowHousehold.length;
  const rowStart = Int32Array.from(rowStartList);
  const edgeAgent = Int32Array.from(edgeAgentList);
  const edgeCost = Float64Array.from(edgeCostList);

  // Flow state.
  const P = T + 1;
  const M = (R + 1) * (2 * T + 1) + 1;
  const N = R + A + 1;
  const SINK = R + A;
  const rowAgent = new Int32Array(R).fill(UNPLACED);
  const rowCost = new Float64Array(R);
  const rowSlot = new Int32Array(R);
  const slots = new Int32Array(slotStart[A] as number);
  const slotCount = new Int32Array(A);
  const used0 = new Int32Array(A);
  const used1 = new Int32Array(A);
  const pi = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const pred = new Int32Array(N);
  /** For an agent node: the edge used to reach it; for a row: -1 (reverse arc); for the sink: tier 0/1 or DUMMY. */
  const predArc = new Int32Array(N);
  const settled: number[] = [];
  const heap = new Heap();

  const unplace = (r: number): void => {
    const k = rowAgent[r] as number;
    if (k < 0) return;
    const base = slotStart[k] as number;
    const last = (slotCount[k] as number) - 1;
    const pos = rowSlot[r] as number;
    const moved = slots[base + last] as number;
    slots[base + pos] = moved;
    rowSlot[moved] = pos;
    slotCount[k] = last;
  };
  const place = (r: number, k: number, cost: number): void => {
    unplace(r);
    const pos = slotCount[k] as number;
    slots[(slotStart[k] as number) + pos] = r;
    rowSlot[r] = pos;
    slotCount[k] = pos + 1;
    rowAgent[r] = k;
    rowCost[r] = cost;
  };

  // Nearest candidate first.
  const rowsInOrder = Array.from({ length: R }, (_, r) => r).sort(
    (p, q) =>
      (edgeCost[rowStart[p] as number] as number) - (edgeCost[rowStart[q] as number] as number) || p - q,
  );
  let iter = 0;
  const relax = (v: number, nd: number, from: number, arc: number): void => {
    if (seen[v] !== iter || nd < (dist[v] as number)) {
      seen[v] = iter;
      dist[v] = nd;
      pred[v] = from;
      predArc[v] = arc;
      heap.push(nd, v);
    }
  };
  for (const r0 of rowsInOrder) {
    iter++;
    heap.clear();
    settled.length = 0;
    dist[r0] = 0;
    seen[r0] = iter;
    pred[r0] = -1;
    heap.push(0, r0);
    let D = Number.NaN;
    while (heap.size > 0) {
      heap.pop();
      const u = heap.topNode;
      const d = heap.topKey;
      if (done[u] === iter || d > (dist[u] as number)) continue;
      done[u] = iter;
      settled.push(u);
      if (u === SINK) {
        D = d;
        break;
      }
      const pu = pi[u] as number;
      if (u < R) {
        const own = rowAgent[u] as number;
        for (let e = rowStart[u] as number; e < (rowStart[u + 1] as number); e++) {
          const k = edgeAgent[e] as number;
          if (k === own) continue;
          const v = R + k;
          relax(v, d + Math.max(0, (edgeCost[e] as number) + pu - (pi[v] as number)), u, e);
        }
        if (own !== DUMMY) relax(SINK, d + Math.max(0, M + pu - (pi[SINK] as number)), u, DUMMY);
      } else {
        const k = u - R;
        if ((used0[k] as number) < (cap0[k] as number)) {
          relax(SINK, d + Math.max(0, pu - (pi[SINK] as number)), u, 0);
        } else if ((used1[k] as number) < (cap1[k] as number)) {
          relax(SINK, d + Math.max(0, P + pu - (pi[SINK] as number)), u, 1);
        }
        const base = slotStart[k] as number;
        const cnt = slotCount[k] as number;
        for (let s = 0; s < cnt; s++) {
          const r = slots[base + s] as number;
          relax(r, d + Math.max(0, -(rowCost[r] as number) + pu - (pi[r] as number)), u, -1);
        }
      }
    }
    // The sink is always reachable through r0's own "unresolved" arc.
    for (const v of settled) {
      const dv = dist[v] as number;
      if (dv < D) pi[v] = (pi[v] as number) - (D - dv);
    }
    // Augment along the path, walking back from the sink.
    let v = SINK;
    let arc = predArc[SINK] as number;
    let u = pred[SINK] as number;
    if (arc === DUMMY) {
      unplace(u);
      rowAgent[u] = DUMMY;
    } else {
      const k = u - R;
      if (arc === 0) used0[k] = (used0[k] as number) + 1;
      else used1[k] = (used1[k] as number) + 1;
    }
    v = u;
    while (v !== r0) {
      u = pred[v] as number;
      arc = predArc[v] as number;
      if (v >= R) {
        // Forward arc u (row) → v (agent) along edge `arc`.
        place(u, v - R, edgeCost[arc] as number);
      }
      // Rows reached by a reverse arc were re-placed when their own forward arc was processed.
      v = u;
    }
  }

  // Moves and unresolved households.
  const moves: ReassignmentMove[] = [];
  let totalDistanceM = 0;
  for (let r = 0; r < R; r++) {
    const h = rowHousehold[r] as number;
    const k = rowAgent[r] as number;
    if (k >= 0) {
      const to = agentOf[k] as number;
      moves.push({
        household: h,
        fromAgent: hh.agentIndex[h] as number,
        toAgent: to,
        distanceM: rowCost[r] as number,
      });
      totalDistanceM += rowCost[r] as number;
    } else {
      unresolved.push({ household: h, reason: 'no_capacity_in_reach' });
    }
  }
  moves.sort((p, q) => p.household - q.household);
  unresolved.sort((p, q) => p.household - q.household);
  let belowMinSlotsFilled = 0;
  for (let k = 0; k < A; k++) belowMinSlotsFilled += used0[k] as number;

  const after = applyMoves(input, result, options, moves);
  return {
    algorithm: REASSIGNMENT_ALGORITHM,
    moves,
    after,
    unresolved,
    stats: {
      candidates: R,
      edges: edgeAgent.length,
      agentsWithSpare: A,
      totalDistanceM,
      belowMinSlotsFilled,
      truncatedCandidateLists: truncated,
      ms: performance.now() - t0,
    },
  };
}

/** Coverage after applying `moves` to the recorded assignment (status, families, area aggregates, totals). */
export function applyMoves(
  input: CoverageInput,
  result: CoverageResult,
  options: CoverageOptions,
  moves: readonly ReassignmentMove[],
): ReassignmentProposal['after'] {
  const status = result.household.status.slice();
  const distance = result.household.assignedDistanceM.slice();
  const families = result.agent.families.slice();
  let inactiveAgent = result.totals.inactiveAgent;
  for (const mv of moves) {
    const h = mv.household;
    status[h] = mv.distanceM <= options.thresholdM ? HOUSEHOLD_STATUS.covered : HOUSEHOLD_STATUS.far;
    distance[h] = mv.distanceM;
    if (mv.fromAgent >= 0) {
      families[mv.fromAgent] = (families[mv.fromAgent] as number) - 1;
      if (input.agents.active[mv.fromAgent] === 0) inactiveAgent--;
    }
    families[mv.toAgent] = (families[mv.toAgent] as number) + 1;
  }
  const { village, district } = aggregateVillagesAndDistricts(input, status, distance);
  const counts = new Int32Array(3);
  for (let i = 0; i < status.length; i++)
    counts[status[i] as number] = (counts[status[i] as number] as number) + 1;
  let agentsBelowMin = 0;
  let agentsAboveCap = 0;
  for (let a = 0; a < families.length; a++) {
    const f = families[a] as number;
    if (input.agents.active[a] !== 0 && f < options.minFamilies) agentsBelowMin++;
    if (f > options.maxFamilies) agentsAboveCap++;
  }
  const covered = counts[HOUSEHOLD_STATUS.covered] ?? 0;
  const totals: CoverageTotals = {
    ...result.totals,
    covered,
    noAgent: counts[HOUSEHOLD_STATUS.noAgent] ?? 0,
    far: counts[HOUSEHOLD_STATUS.far] ?? 0,
    coveragePct: status.length > 0 ? (100 * covered) / status.length : Number.NaN,
    inactiveAgent,
    agentsBelowMin,
    agentsAboveCap,
  };
  return { village, district, totals, families };
}
