/**
 * Complementary (secondary) suppression over the additive trees the app publishes: a total and its
 * parts (per-need figures and their total; months and their total; villages within a kecamatan within
 * the regency). Hiding only the small groups is not enough when a total is printed beside them: the
 * total minus the visible parts gives the hidden part back. So more parts are hidden (the smallest that
 * help) until no hidden figure can be worked out, and where even that is not enough the total itself is
 * withheld.
 *
 * The check is exact for trees: the feasible range of every node is computed from what is shown
 * (visible figures and totals, figures are integers not below a known floor, and the parts of a node
 * add up to it). Protection level (isProtected below):
 * - in a strict column (the group sizes, and case counts of the programme tables) a hidden small group
 *   (primary) has a range holding a value below MIN_GROUP_HOUSEHOLDS and one at or above it, and at
 *   least three whole numbers (hi − lo ≥ 2): it can be neither pinned nor shown to be small;
 * - every other hidden figure has a range of at least two values: it cannot be pinned;
 * - except, in a column that is not strict, where the total it belongs to is at its least (every part
 *   at its floor, e.g. a kecamatan with no covered household): the total alone then says the same of
 *   every household in it, and hiding cannot change that.
 */
import { MIN_GROUP_HOUSEHOLDS } from './small-groups';

export interface SuppressionNode {
  id: string;
  /** The additive figures, one per column; a node's figures are the sums of its children's. */
  values: readonly number[];
  /** A small group: always hidden. */
  primary: boolean;
  children?: readonly SuppressionNode[];
}

export interface SuppressionColumn {
  /**
   * What anyone knows any hidden figure of this column to be at least: 1 for a count of rows that only
   * exist with one (cases of a need listed), 0 for other counts, -Infinity for changes.
   */
  floor: number;
  /** Small groups need the wider range (see isProtected); group sizes are always strict. */
  strict?: boolean;
}

export interface Range {
  lo: number;
  hi: number;
}

export interface Protection {
  /** Nodes whose figures are not shown (primary and secondary). */
  hidden: ReadonlySet<string>;
  /** True when the root's totals must not be shown either. */
  totalHidden: boolean;
}

/** Whether a hidden figure with this feasible range is protected. */
function isProtected(range: Range, primary: boolean, strict = true): boolean {
  if (!primary || !strict) return range.hi > range.lo;
  return range.lo < MIN_GROUP_HOUSEHOLDS && range.hi >= MIN_GROUP_HOUSEHOLDS && range.hi - range.lo >= 2;
}

interface Flat {
  node: SuppressionNode;
  parent: number;
  children: number[];
}

function flatten(root: SuppressionNode): Flat[] {
  const out: Flat[] = [];
  const walk = (node: SuppressionNode, parent: number) => {
    const i = out.length;
    out.push({ node, parent, children: [] });
    if (parent >= 0) out[parent]?.children.push(i);
    for (const c of node.children ?? []) walk(c, i);
  };
  walk(root, -1);
  return out;
}

const figure = (f: Flat, c: number) => f.node.values[c] ?? 0;

/**
 * The feasible range of every node in column `c`, given which nodes are hidden (`hidden[i]`) and
 * whether the root's total is shown. Index order of `flatten` (parents before children).
 */
function feasibleRanges(nodes: Flat[], hidden: boolean[], rootShown: boolean, c: number, floor: number) {
  const n = nodes.length;
  const sub: Range[] = new Array(n);
  // Bottom-up: what a node's own subtree says about it.
  for (let i = n - 1; i >= 0; i--) {
    const f = nodes[i] as Flat;
    const shown = i === 0 ? rootShown : !hidden[i];
    if (shown) sub[i] = { lo: figure(f, c), hi: figure(f, c) };
    else if (f.children.length === 0) sub[i] = { lo: floor, hi: Number.POSITIVE_INFINITY };
    else {
      let lo = 0;
      let hi = 0;
      for (const k of f.children) {
        lo += (sub[k] as Range).lo;
        hi += (sub[k] as Range).hi;
      }
      sub[i] = { lo: Math.max(lo, floor), hi };
    }
  }
  // Top-down: what the parent's range and the siblings say.
  const feas: Range[] = new Array(n);
  feas[0] = sub[0] as Range;
  for (let i = 0; i < n; i++) {
    const f = nodes[i] as Flat;
    const parent = feas[i] as Range;
    for (const k of f.children) {
      const own = sub[k] as Range;
      // Summed without k (not total minus k's), as floors may be -Infinity.
      let othersLo = 0;
      let othersHi = 0;
      for (const j of f.children) {
        if (j === k) continue;
        othersLo += (sub[j] as Range).lo;
        othersHi += (sub[j] as Range).hi;
      }
      const lo = Math.max(own.lo, parent.lo - othersHi);
      const hi = Math.min(own.hi, parent.hi - othersLo);
      feas[k] = { lo: Number.isNaN(lo) ? own.lo : lo, hi: Number.isNaN(hi) ? own.hi : hi };
    }
  }
  return feas;
}

/** The first hidden node (by index) whose range fails the protection level, with its column. */
function firstViolation(
  nodes: Flat[],
  hidden: boolean[],
  rootShown: boolean,
  columns: readonly SuppressionColumn[],
): { node: number; column: number; range: Range } | null {
  for (let c = 0; c < columns.length; c++) {
    const { floor, strict = false } = columns[c] as SuppressionColumn;
    const feas = feasibleRanges(nodes, hidden, rootShown, c, floor);
    for (let i = 1; i < nodes.length; i++) {
      if (!hidden[i]) continue;
      const parent = nodes[(nodes[i] as Flat).parent] as Flat;
      if (!strict && figure(parent, c) <= floor * parent.children.length) continue;
      const range = feas[i] as Range;
      if (!isProtected(range, (nodes[i] as Flat).node.primary, strict)) return { node: i, column: c, range };
    }
  }
  return null;
}

/**
 * Picks a visible child of `parent` to hide: the smallest whose figure in `column` closes the gap
 * `need`, else the largest.
 */
function pickSecondary(nodes: Flat[], hidden: boolean[], parent: number, column: number, need: number) {
  const candidates = (nodes[parent] as Flat).children.filter((k) => !hidden[k]);
  if (candidates.length === 0) return -1;
  const v = (k: number) => figure(nodes[k] as Flat, column);
  const enough = candidates.filter((k) => v(k) >= need).sort((a, b) => v(a) - v(b) || a - b);
  if (enough.length > 0) return enough[0] as number;
  return [...candidates].sort((a, b) => v(b) - v(a) || a - b)[0] as number;
}

/**
 * Which nodes to hide so that no hidden figure can be worked out from everything else shown: the
 * primaries, then secondaries chosen greedily, and if all else fails the root's total.
 */
export function protectTree(root: SuppressionNode, columns: readonly SuppressionColumn[]): Protection {
  const nodes = flatten(root);
  const hidden = nodes.map((f, i) => i > 0 && f.node.primary);
  let rootShown = true;
  for (;;) {
    const v = firstViolation(nodes, hidden, rootShown, columns);
    if (!v) break;
    // A hidden node whose own parts are all shown is known exactly: hide one of its parts.
    const own = (nodes[v.node] as Flat).children;
    const ownPick =
      own.length > 0 && own.every((k) => !hidden[k]) ? pickSecondary(nodes, hidden, v.node, v.column, 0) : -1;
    if (ownPick >= 0) {
      hidden[ownPick] = true;
      continue;
    }
    // Otherwise hide a sibling, going up a level when a parent has no visible part left.
    const target = Math.max(MIN_GROUP_HOUSEHOLDS, v.range.lo + 2);
    let at = v.node;
    let picked = -1;
    while (picked < 0) {
      const parent = (nodes[at] as Flat).parent;
      if (parent < 0) break;
      picked = pickSecondary(nodes, hidden, parent, v.column, target - v.range.hi);
      if (picked < 0) {
        if (parent === 0) break;
        hidden[parent] = true;
        at = parent;
      }
    }
    if (picked >= 0) hidden[picked] = true;
    else if (rootShown) rootShown = false;
    else break; // nothing left to hide: cannot happen, every hidden leaf then has an open range
  }
  return {
    hidden: new Set(nodes.filter((_, i) => hidden[i]).map((f) => f.node.id)),
    totalHidden: !rootShown,
  };
}

/** One additive column of a flat table: how to read it from a row, and its floor. */
export interface RowColumn<T> extends SuppressionColumn {
  value: (row: T) => number;
}

/**
 * A flat table whose column totals are shown (or can be worked out elsewhere): which rows to hide.
 * The total is assumed known exactly (the sum of all rows), whatever the page prints.
 */
export function protectRows<T>(
  rows: readonly T[],
  isPrimary: (row: T) => boolean,
  columns: readonly RowColumn<T>[],
): { hidden: boolean[]; totalHidden: boolean } {
  const children = rows.map((row, i) => ({
    id: String(i),
    values: columns.map((c) => c.value(row)),
    primary: isPrimary(row),
  }));
  const values = columns.map((_, c) => children.reduce((s, ch) => s + (ch.values[c] ?? 0), 0));
  const { hidden, totalHidden } = protectTree({ id: 'total', values, primary: false, children }, columns);
  return { hidden: rows.map((_, i) => hidden.has(String(i))), totalHidden };
}
