/**
 * Where the reassignment flow starts: an auction of the agents' places among the rows (Bertsekas' forward
 * auction), in which each row looks up agents in the spatial index only as far as its bids need; then the
 * candidate graph the network simplex starts from — the pairs each row could take at about the auction's
 * prices — and the auction's assignment as the simplex's first flow.
 *
 * A place costs the row its distance to the agent, plus TIER1_PENALTY when the place is above the agent's
 * minimum of families (so any place below a minimum within the limit is cheaper than any above one), plus the
 * place's price. A row without a place bids for its cheapest: it raises that place's price by how much
 * cheaper the place is than its second choice, plus ε, and takes it from its holder, who then bids again. A
 * row whose cheapest place costs more than UNPLACED stays without one. Each bid raises a price by at least
 * ε and no price passes UNPLACED, so the auction ends, within ε per row of the optimum of these scalar costs.
 * Those costs only approximate the lexicographic objective (reassign-flow.ts) and ε leaves slack: the auction
 * is a start, and the simplex with the optimality check (reassign-candidates.ts) makes the proposal exact
 * whatever the start was.
 *
 * A row's agents are all the agents within its radius ρ_r; an agent beyond ρ_r costs more than ρ_r, so when
 * the row's second choice costs at most ρ_r no agent left out can change its bid; otherwise ρ_r grows (at
 * least doubled, at most to the limit) before the row bids.
 */
import { type AgentReach, agentsWithin } from './reach';
import type { CandidateRows } from './reassign-candidates';

/** ε, and the extra cost of a place above an agent's minimum, as fractions of the distance limit. */
const EPSILON = 0.05;
const TIER1_PENALTY = 5;
/** A row's first radius holds about this many agents (from their mean spacing). */
const FIRST_AGENTS = 6;

export class PlaceAuction {
  private readonly limit: number;
  private readonly eps: number;
  private readonly unplaced: number;
  /** Places of agent k: slotStart[k] … slotStart[k+1]−1, those below its minimum first. */
  private readonly slotStart: Int32Array;
  private readonly slotBase: Float64Array;
  private readonly price: Float64Array;
  private readonly holder: Int32Array;
  /** Each agent's cheapest place (cost, place) and second cheapest cost. */
  private readonly offer: Float64Array;
  private readonly offerSlot: Int32Array;
  private readonly second: Float64Array;
  private readonly rows: CandidateRows;
  /** Agents within rho[r] of row r, with their distances (every one of them). */
  private readonly listAgent: Int32Array[] = [];
  private readonly listDist: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly rowAgent: number[] = [];
  private readonly queue: number[] = [];
  private head = 0;
  private readonly foundAgent: Int32Array;
  private readonly foundDist: Float64Array;

  /** The rows: `households` with finite coordinates and an agent within the limit of `reach`. */
  constructor(
    private readonly reach: AgentReach,
    private readonly cap0: Int32Array,
    cap1: Int32Array,
    households: readonly number[],
    lon: ArrayLike<number>,
    lat: ArrayLike<number>,
  ) {
    const A = cap0.length;
    this.limit = reach.limitM;
    // Costs in units of the limit: at most UNPLACED / ε bids per place, whatever the limit (at 0, none).
    // No place is worth less than being placed: one within the limit costs at most (TIER1_PENALTY + 1)
    // limits before its price, and where rows far outnumber the places they reach, every place's price
    // climbs to UNPLACED (kept low: 7 limits rather than 15 halved the auction at 1 M households).
    this.eps = EPSILON * this.limit;
    this.unplaced = (TIER1_PENALTY + 2) * this.limit;
    this.slotStart = new Int32Array(A + 1);
    for (let k = 0; k < A; k++)
      this.slotStart[k + 1] = (this.slotStart[k] as number) + (cap0[k] as number) + (cap1[k] as number);
    const S = this.slotStart[A] as number;
    this.slotBase = new Float64Array(S);
    this.price = new Float64Array(S);
    this.holder = new Int32Array(S).fill(-1);
    for (let k = 0; k < A; k++)
      this.slotBase.fill(
        TIER1_PENALTY * this.limit,
        (this.slotStart[k] as number) + (cap0[k] as number),
        this.slotStart[k + 1] as number,
      );
    this.offer = new Float64Array(A);
    this.offerSlot = new Int32Array(A);
    this.second = new Float64Array(A);
    for (let k = 0; k < A; k++) this.refresh(k);
    this.foundAgent = new Int32Array(A);
    this.foundDist = new Float64Array(A);
    this.rows = {
      household: [],
      lon: [],
      lat: [],
      radius: [],
      radius0: [],
      agent: [],
      dist: [],
      measured: 0,
    };
    const first = Math.min(this.limit, reach.spacing * Math.sqrt(FIRST_AGENTS / Math.PI));
    for (const i of households) {
      const lo = lon[i] as number;
      const la = lat[i] as number;
      if (!(Number.isFinite(lo) && Number.isFinite(la))) continue;
      const r = this.rows.household.length;
      this.rows.household.push(i);
      this.rows.lon.push(lo);
      this.rows.lat.push(la);
      this.grow(r, first);
      while ((this.listAgent[r] as Int32Array).length === 0 && (this.rho[r] as number) < this.limit)
        this.grow(r, 2 * (this.rho[r] as number));
      if ((this.listAgent[r] as Int32Array).length === 0) {
        // No agent within the limit: not a row.
        this.rows.household.pop();
        this.rows.lon.pop();
        this.rows.lat.pop();
        this.listAgent.pop();
        this.listDist.pop();
        this.rho.pop();
        continue;
      }
      this.rowAgent.push(-1);
      this.queue.push(r);
    }
  }

  /** Row r's agents: every one within `radius` (at most the limit). */
  private grow(r: number, radius: number): void {
    const c = agentsWithin(
      this.reach,
      this.rows.lon[r] as number,
      this.rows.lat[r] as number,
      radius,
      this.foundAgent,
      this.foundDist,
    );
    this.rows.measured += c;
    this.listAgent[r] = this.foundAgent.slice(0, c);
    this.listDist[r] = this.foundDist.slice(0, c);
    this.rho[r] = Math.min(radius, this.limit);
  }

  private refresh(k: number): void {
    let best = Number.POSITIVE_INFINITY;
    let bestSlot = -1;
    let second = Number.POSITIVE_INFINITY;
    for (let s = this.slotStart[k] as number; s < (this.slotStart[k + 1] as number); s++) {
      const c = (this.slotBase[s] as number) + (this.price[s] as number);
      if (c < best) {
        second = best;
        best = c;
        bestSlot = s;
      } else if (c < second) second = c;
    }
    this.offer[k] = best;
    this.offerSlot[k] = bestSlot;
    this.second[k] = second;
  }

  /** Makes up to `budget` bids; true when no row has one left to make (the auction is over). */
  run(budget = Number.POSITIVE_INFINITY): boolean {
    const { queue, offer, price, holder, rowAgent, rho, limit } = this;
    for (let made = 0; made < budget; made++) {
      if (this.head === queue.length) return true;
      const r = queue[this.head++] as number;
      let best: number;
      let bestAgent: number;
      let second: number;
      for (;;) {
        const agent = this.listAgent[r] as Int32Array;
        const dist = this.listDist[r] as Float64Array;
        best = this.unplaced;
        bestAgent = -1;
        second = this.unplaced;
        let bestDist = 0;
        for (let j = 0; j < agent.length; j++) {
          const c = (dist[j] as number) + (offer[agent[j] as number] as number);
          if (c < best) {
            second = best;
            best = c;
            bestAgent = agent[j] as number;
            bestDist = dist[j] as number;
          } else if (c < second) second = c;
        }
        if (bestAgent >= 0) second = Math.min(second, bestDist + (this.second[bestAgent] as number));
        if ((rho[r] as number) >= limit || second <= (rho[r] as number)) break;
        this.grow(r, Math.max(second, 2 * (rho[r] as number)));
      }
      if (bestAgent < 0) continue;
      const s = this.offerSlot[bestAgent] as number;
      price[s] = (price[s] as number) + second - best + this.eps;
      const previous = holder[s] as number;
      if (previous >= 0) {
        rowAgent[previous] = -1;
        queue.push(previous);
      }
      holder[s] = r;
      rowAgent[r] = bestAgent;
      this.refresh(bestAgent);
    }
    if (this.head > 4096 && this.head * 2 > queue.length) {
      queue.splice(0, this.head);
      this.head = 0;
    }
    return this.head === queue.length;
  }

  /**
   * Once the auction is over: the candidate rows for the simplex — each row's pairs within `slack` × the
   * limit of its cheapest at the auction's prices, and the agent the auction gave it; radius and radius0 as
   * far as no agent (no agent with places below its minimum) was left out — and where that agent stands in
   * each row's candidates (−1: none), as the first flow.
   */
  candidates(slack: number): { rows: CandidateRows; startAt: Int32Array } {
    const { rows, offer, cap0 } = this;
    const R = rows.household.length;
    const within = slack * this.limit;
    const startAt = new Int32Array(R).fill(-1);
    for (let r = 0; r < R; r++) {
      const agent = this.listAgent[r] as Int32Array;
      const dist = this.listDist[r] as Float64Array;
      let best = Number.POSITIVE_INFINITY;
      for (let j = 0; j < agent.length; j++)
        best = Math.min(best, (dist[j] as number) + (offer[agent[j] as number] as number));
      const keptAgent: number[] = [];
      const keptDist: number[] = [];
      let outside = Number.POSITIVE_INFINITY;
      let outside0 = Number.POSITIVE_INFINITY;
      for (let j = 0; j < agent.length; j++) {
        const k = agent[j] as number;
        const d = dist[j] as number;
        if (d + (offer[k] as number) <= best + within || k === this.rowAgent[r]) {
          if (k === this.rowAgent[r]) startAt[r] = keptAgent.length;
          keptAgent.push(k);
          keptDist.push(d);
        } else {
          outside = Math.min(outside, d);
          if ((cap0[k] as number) > 0) outside0 = Math.min(outside0, d);
        }
      }
      // Just short of the nearest agent left out (a radius may be negative: none is certain).
      const radius = Math.min(this.rho[r] as number, outside - 1e-6);
      rows.radius.push(radius);
      rows.radius0.push(Math.max(radius, Math.min(this.rho[r] as number, outside0 - 1e-6)));
      rows.agent.push(keptAgent);
      rows.dist.push(keptDist);
    }
    return { rows, startAt };
  }
}
