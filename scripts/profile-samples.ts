/**
 * What the page's thread ran, by function (`npm run profile -- --functions`): V8's sampling profiler in the
 * trace (`Profile` and `ProfileChunk` events), summed per function over a window — the time spent in it with
 * what it called (inclusive) and in its own code (self). Pure: trace events in, figures out.
 */

/** A `Profile` or `ProfileChunk` event of Chrome's trace format (the fields read here). */
export interface SampleEvent {
  name: string;
  id?: string;
  pid: number;
  tid: number;
  args?: {
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

export interface FunctionTime {
  /** The function's name (or V8's "(program)", "(garbage collector)", …) and its script's file name. */
  name: string;
  ms: number;
}

export interface SampledFunctions {
  /** Samples taken in the window; each stands for the time until the next. */
  samples: number;
  inclusive: FunctionTime[];
  self: FunctionTime[];
}

/** V8's entries that are not JavaScript functions of the page; "(program)" is the browser's own native work. */
const NOT_FUNCTIONS = new Set(['(root)', '(idle)']);

const frameName = (frame: { functionName: string; url?: string }) =>
  [frame.functionName || '(anonymous)', frame.url?.split('/').pop()].filter(Boolean).join(' ');

/**
 * The functions of the thread `pid`/`tid` between `fromUs` and `toUs` (the trace's clock), the `top` largest
 * of each kind. A sample's time is the gap to the thread's next sample.
 */
export function sampledFunctions(
  events: readonly SampleEvent[],
  thread: { pid: number; tid: number },
  window: { fromUs: number; toUs: number },
  top = 15,
): SampledFunctions {
  // A profile's chunks come from the profiler's own thread: the Profile event names the sampled one.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  const names = new Map<number, string>();
  const parents = new Map<number, number>();
  const times: { at: number; node: number }[] = [];
  let at = profile?.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (!profile || e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const node of cpu?.nodes ?? []) {
      names.set(node.id, frameName(node.callFrame));
      if (node.parent !== undefined) parents.set(node.id, node.parent);
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((node, i) => {
      at += deltas[i] ?? 0;
      times.push({ at, node });
    });
  }
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let samples = 0;
  times.forEach(({ at: t, node }, i) => {
    const next = times[i + 1]?.at;
    if (t < window.fromUs || t >= window.toUs || next === undefined) return;
    samples++;
    const us = next - t;
    const own = names.get(node) ?? '?';
    if (!NOT_FUNCTIONS.has(own)) self.set(own, (self.get(own) ?? 0) + us);
    // A function on the stack twice (recursion) counts once.
    const stack = new Set<string>();
    for (let n: number | undefined = node; n !== undefined; n = parents.get(n))
      stack.add(names.get(n) ?? '?');
    for (const name of stack)
      if (!NOT_FUNCTIONS.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  });
  const largest = (m: Map<string, number>) =>
    [...m]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { samples, inclusive: largest(inclusive), self: largest(self) };
}
