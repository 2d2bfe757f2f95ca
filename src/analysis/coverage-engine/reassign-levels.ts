/**
 * The first two objectives of the reassignment proposal, exactly, by maximum flow (Dinic's algorithm on
 * the bipartite graph of ALL household–agent pairs within the limit; distances play no part):
 *   F0 = the most places below the agents' minimum that can be filled at once (tier-0 slots only);
 *   F  = the most households that can be placed (tier-0 and tier-1 slots).
 * Computed in that order on one flow: augmenting paths end in a slot and never take a unit out of one,
 * so filling tier-0 first and then adding tier-1 slots keeps F0 tier-0 places while reaching F — both
 * optima hold at once, which is what the lexicographic objective (placed, then below-minimum filled)
 * needs. `agentOf` (each row's agent in that flow) seeds the distance stage with a feasible assignment.
 */
import type { FlowGraph } from './reassign-flow';

export interface Levels {
  placed: number;
  belowMin: number;
  /** Agent of each row in a flow achieving both, −1 when unplaced. */
  agentOf: Int32Array;
}

export function maxPlacement(g: FlowGraph): Levels {
  const { rows: R, agents: A, rowStart, edgeAgent, cap0, cap1 } = g;
  const agentOf = new Int32Array(R).fill(-1);
  // Rows held by each agent (a stack per agent, capacity cap0 + cap1).
  const holdStart = new Int32Array(A + 1);
  for (let k = 0; k < A; k++)
    holdStart[k + 1] = (holdStart[k] as number) + (cap0[k] as number) + (cap1[k] as number);
  const held = new Int32Array(holdStart[A] as number);
  const holdCount = new Int32Array(A);
  const posInAgent = new Int32Array(R);
  const capacity = Int32Array.from(cap0);

  const level = new Int32Array(R);
  const nextArc = new Int32Array(R);
  const queue = new Int32Array(R);
  const UNSEEN = -1;

  /** BFS layers over rows from the unplaced rows; true when some agent with room is reachable. */
  const bfs = (): boolean => {
    level.fill(UNSEEN);
    let head = 0;
    let tail = 0;
    for (let r = 0; r < R; r++) {
      if (agentOf[r] === -1) {
        level[r] = 0;
        queue[tail++] = r;
      }
    }
    let found = false;
    while (head < tail) {
      const r = queue[head++] as number;
      for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) {
        const k = edgeAgent[e] as number;
        if (k === agentOf[r]) continue;
        if ((holdCount[k] as number) < (capacity[k] as number)) {
          found = true;
          continue;
        }
        const base = holdStart[k] as number;
        for (let s = 0; s < (holdCount[k] as number); s++) {
          const q = held[base + s] as number;
          if (level[q] === UNSEEN) {
            level[q] = (level[r] as number) + 1;
            queue[tail++] = q;
          }
        }
      }
    }
    return found;
  };

  const take = (r: number, k: number): void => {
    const old = agentOf[r] as number;
    if (old >= 0) {
      const base = holdStart[old] as number;
      const last = (holdCount[old] as number) - 1;
      const moved = held[base + last] as number;
      held[base + (posInAgent[r] as number)] = moved;
      posInAgent[moved] = posInAgent[r] as number;
      holdCount[old] = last;
    }
    const pos = holdCount[k] as number;
    held[(holdStart[k] as number) + pos] = r;
    posInAgent[r] = pos;
    holdCount[k] = pos + 1;
    agentOf[r] = k;
  };

  /** Iterative DFS along the layers from row r0: finds an augmenting path and applies it. */
  const pathRows: number[] = [];
  const pathAgents: number[] = [];
  const augment = (r0: number): boolean => {
    pathRows.length = 0;
    pathAgents.length = 0;
    pathRows.push(r0);
    while (pathRows.length > 0) {
      const r = pathRows[pathRows.length - 1] as number;
      let advanced = false;
      while ((nextArc[r] as number) < (rowStart[r + 1] as number)) {
        const e = nextArc[r] as number;
        const k = edgeAgent[e] as number;
        if (k === agentOf[r]) {
          nextArc[r] = e + 1;
          continue;
        }
        if ((holdCount[k] as number) < (capacity[k] as number)) {
          // Shift every row on the path one agent along, last first.
          pathAgents.push(k);
          for (let i = pathRows.length - 1; i >= 0; i--) take(pathRows[i] as number, pathAgents[i] as number);
          return true;
        }
        const base = holdStart[k] as number;
        let next = -1;
        for (let s = 0; s < (holdCount[k] as number); s++) {
          const q = held[base + s] as number;
          if (level[q] === (level[r] as number) + 1) {
            next = q;
            break;
          }
        }
        if (next >= 0) {
          pathAgents.push(k);
          pathRows.push(next);
          advanced = true;
          break;
        }
        nextArc[r] = e + 1;
      }
      if (!advanced) {
        // Dead end: r leaves the layered graph; the row before it looks again along the same arc.
        level[r] = UNSEEN;
        pathRows.pop();
        if (pathAgents.length > 0) pathAgents.pop();
      }
    }
    return false;
  };

  const maxFlow = (): void => {
    while (bfs()) {
      nextArc.set(rowStart.subarray(0, R));
      let any = false;
      for (let r = 0; r < R; r++) if (agentOf[r] === -1 && level[r] === 0 && augment(r)) any = true;
      if (!any) break;
    }
  };

  maxFlow();
  let belowMin = 0;
  for (let k = 0; k < A; k++) belowMin += holdCount[k] as number;
  for (let k = 0; k < A; k++) capacity[k] = (cap0[k] as number) + (cap1[k] as number);
  maxFlow();
  let placed = 0;
  for (let k = 0; k < A; k++) placed += holdCount[k] as number;
  return { placed, belowMin, agentOf };
}
