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
