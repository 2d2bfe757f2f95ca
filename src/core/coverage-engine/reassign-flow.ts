/**
 * The reassignment flow: a transportation problem with two slot tiers, and an optimal solution of it.
 *
 * Network: row (household) → agent (one arc per candidate pair, cost = distance), agent → sink through
 * cap0[k] "tier 0" slots (the places below its minimum of families) and cap1[k] "tier 1" slots, and each
 * row → sink "unresolved". Costs are LEXICOGRAPHIC triples (unresolved, tier-1 slots, metres):
 *   row → agent (0, 0, d);  agent → sink (0, 0, 0) tier 0, (0, 1, 0) tier 1;  row → sink (1, 0, 0),
 * so a min-cost flow places as many rows as possible, then fills as many tier-0 slots as possible, then
 * minimises the total distance, with no big-M constant that could let one objective leak into another.
 * The two integer levels are packed exactly into one double, level1·2³² + level2 (both stay far below 2³¹
 * in magnitude: a node's potential is bounded by path sums of at most rows + agents arcs).
 *
 * The flow is solved by the network simplex (reassign-simplex.ts); a FlowState holds its optimum: each row's
 * arc, the slots used, and node potentials under which every residual arc's reduced cost is ≥ 0 (the proof
 * of optimality on the given arcs, and the start of the optimality check's searches, reassign-dual.ts).
 */

import { type ArcsIn, type FlowGraph, transpose } from './reassign-graph';
import { FlowSearch } from './reassign-search';

export type { ArcsIn, FlowGraph } from './reassign-graph';

const LEVEL1 = 2 ** 32;
export const TIER1_COST = 1;
export const UNRESOLVED_COST = LEVEL1;

/** Cost differences within this many metres count as equal (sums of distances carry ~1e-7 m of rounding). */
export const METRES_TOLERANCE = 1e-5;

/** An optimal flow on a graph, with the potentials that prove it. */
export class FlowState extends FlowSearch {
  readonly g: FlowGraph;
  /** Arc used by each row; −1 = unresolved. */
  readonly rowEdge: Int32Array;
  /** Tier-0 and tier-1 slots used per agent. */
  readonly used0: Int32Array;
  readonly used1: Int32Array;
  /** Arcs into each agent (CSR over agents, arc ids), for the backward search; built on demand. */
  private transposed: ArcsIn | null = null;

  constructor(
    g: FlowGraph,
    rowEdge: Int32Array,
    used0: Int32Array,
    used1: Int32Array,
    piL: Float64Array,
    piM: Float64Array,
  ) {
    super(g.rows, g.agents);
    this.g = g;
    this.rowEdge = rowEdge;
    this.used0 = used0;
    this.used1 = used1;
    this.piL.set(piL);
    this.piM.set(piM);
  }

  /** The arcs into each agent (built once per graph). */
  arcsIn(): ArcsIn {
    this.transposed ??= transpose(this.g);
    return this.transposed;
  }
}
