/** Bins of agent load for the histogram: 0, 1, …, `top - 1` families, then `top`+ together. */
export function loadHistogram(
  families: Int32Array,
  active: Uint8Array,
  top = 30,
): { families: string; agents: number; bin: number }[] {
  const counts = new Array<number>(top + 1).fill(0);
  for (let i = 0; i < families.length; i++) {
    if (!active[i]) continue;
    const f = families[i] ?? 0;
    counts[Math.min(f, top)] = (counts[Math.min(f, top)] ?? 0) + 1;
  }
  return counts.map((agents, bin) => ({ bin, families: bin === top ? `${top}+` : String(bin), agents }));
}

export interface AgentListRow {
  agent: number;
  families: number;
  meanDistanceM: number;
  maxDistanceM: number;
}

/** Active agents matching `keep`, sorted by `score` descending, at most `limit`. */
export function topAgents(
  agents: {
    active: Uint8Array;
    families: Int32Array;
    meanDistanceM: Float64Array;
    maxDistanceM: Float64Array;
  },
  keep: (i: number) => boolean,
  score: (row: AgentListRow) => number,
  limit: number,
): AgentListRow[] {
  const rows: AgentListRow[] = [];
  for (let i = 0; i < agents.active.length; i++) {
    if (!agents.active[i] || !keep(i)) continue;
    rows.push({
      agent: i,
      families: agents.families[i] ?? 0,
      meanDistanceM: agents.meanDistanceM[i] ?? Number.NaN,
      maxDistanceM: agents.maxDistanceM[i] ?? Number.NaN,
    });
  }
  return rows.sort((a, b) => score(b) - score(a) || a.agent - b.agent).slice(0, limit);
}
