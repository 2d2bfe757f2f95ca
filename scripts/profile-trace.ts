/**
 * Where the time of a Chrome trace goes (`npm run profile`): how busy each thread was in each slice of time,
 * what the engine's compilation, the software GPU's read-backs and garbage collection cost, and the renderer's
 * long tasks with their largest parts. Pure: trace events in, figures out.
 */

/** One event of Chrome's trace format (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export interface ThreadBusy {
  thread: string;
  busyMs: number;
  /** Busy milliseconds in each slice of `sliceMs`, from `fromUs`. */
  slices: number[];
}

export interface LongTask {
  atMs: number;
  ms: number;
  /** Its largest named parts, largest first. */
  parts: { name: string; ms: number }[];
}

export interface TraceSummary {
  threads: ThreadBusy[];
  wasmBaselineMs: number;
  wasmTopTierMs: number;
  /**
   * Functions of the engine compiled at their first call (V8 compiles a module's functions lazily), on the
   * thread that calls them: a first statement of a kind waits for it. Their count and time.
   */
  wasmLazy: { count: number; ms: number };
  /** The page's waits for the GPU's frame (software compositing), when each began (ms from the window's start). */
  readPixels: { count: number; ms: number; atMs: number[] };
  gcMs: number;
  longTasks: LongTask[];
}

/** A thread's unit of work: one task run by its scheduler (nested events lie inside it). */
const TASKS = new Set(['RunTask', 'ThreadPool_RunTask', 'ThreadControllerImpl::RunTask']);
/** Wrappers inside a task that say nothing about what it did. */
const WRAPPERS =
  /^(RunTask|ThreadPool_RunTask|ThreadControllerImpl::RunTask|SimpleWatcher::OnHandleReady|Receive mojo message|v8\.callFunction|AsyncTask Run|BlinkScheduler_PerformMicrotaskCheckpoint)$/;
const MAIN = 'CrRendererMain';
/** V8's and Blink's pool threads, counted as one. */
const POOL = 'ThreadPool (all)';

const key = (e: Pick<TraceEvent, 'pid' | 'tid'>) => `${e.pid}:${e.tid}`;
/** An event's name, with the function and script it ran when it ran one. */
const partName = (e: TraceEvent) =>
  [e.name, e.args?.data?.functionName, e.args?.data?.url?.split('/').pop()].filter(Boolean).join(' ');
const ms = (us: number) => us / 1000;

/**
 * Threads named as Chrome names them; several workers of one name are numbered in order of appearance, the
 * V8 and Blink pool threads (compilation, background parsing, GC) are counted as one.
 */
export function threadLabels(events: readonly TraceEvent[]): Map<string, string> {
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'thread_name' || !e.args?.name || labels.has(key(e))) continue;
    const name = e.args.name;
    if (/^ThreadPool/.test(name)) {
      labels.set(key(e), POOL);
      continue;
    }
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    labels.set(key(e), n === 1 ? name : `${name} ${n}`);
  }
  return labels;
}

/** Merged [start, end) intervals (µs). */
function union(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function summarizeTrace(
  events: readonly TraceEvent[],
  {
    fromUs,
    toUs,
    sliceMs = 250,
    longTaskMs = 50,
  }: { fromUs: number; toUs: number; sliceMs?: number; longTaskMs?: number },
): TraceSummary {
  const labels = threadLabels(events);
  const label = (e: TraceEvent) => labels.get(key(e)) ?? key(e);
  const within = events.filter(
    (e) => e.ph === 'X' && e.dur !== undefined && e.ts + e.dur > fromUs && e.ts < toUs,
  );
  const sliceCount = Math.max(1, Math.ceil(ms(toUs - fromUs) / sliceMs));

  // Busy: the union of each thread's tasks (pool threads together: their time adds up, so it can pass 100 %).
  const tasks = new Map<string, [number, number][]>();
  for (const e of within) {
    if (!TASKS.has(e.name)) continue;
    const id = labels.get(key(e)) === POOL ? `pool:${key(e)}` : label(e);
    const list = tasks.get(id) ?? [];
    list.push([Math.max(e.ts, fromUs), Math.min(e.ts + (e.dur ?? 0), toUs)]);
    tasks.set(id, list);
  }
  const busy = new Map<string, number[]>();
  for (const [id, list] of tasks) {
    const thread = id.startsWith('pool:') ? POOL : id;
    const slices = busy.get(thread) ?? new Array<number>(sliceCount).fill(0);
    for (const [s, e] of union(list)) {
      for (let at = s; at < e; ) {
        const slice = Math.floor(ms(at - fromUs) / sliceMs);
        const sliceEnd = fromUs + (slice + 1) * sliceMs * 1000;
        const end = Math.min(e, sliceEnd);
        const index = Math.min(slice, sliceCount - 1);
        slices[index] = (slices[index] ?? 0) + ms(end - at);
        at = end;
      }
    }
    busy.set(thread, slices);
  }
  const threads = [...busy]
    .map(([thread, slices]) => ({ thread, slices, busyMs: slices.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.busyMs - a.busyMs);

  const total = (test: (e: TraceEvent) => boolean) =>
    within.filter(test).reduce((sum, e) => sum + ms(e.dur ?? 0), 0);
  // The page's main thread: the busiest renderer (a trace may hold other tabs').
  const main = threads.find((t) => t.thread.startsWith(MAIN))?.thread ?? MAIN;
  const readPixels = within.filter((e) => e.name === 'GLES2::ReadPixels' && label(e) === main);

  const mainEvents = within.filter((e) => label(e) === main);
  const longTasks = mainEvents
    .filter((e) => e.name === 'RunTask' && ms(e.dur ?? 0) >= longTaskMs)
    .sort((a, b) => a.ts - b.ts)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      // Its parts: the outermost named events inside it (a wrapper's children count as the task's own).
      const inside = mainEvents
        .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const open: TraceEvent[] = [];
      const parts = new Map<string, number>();
      for (const e of inside) {
        while (
          open.length > 0 &&
          (open[open.length - 1]?.ts ?? 0) + (open[open.length - 1]?.dur ?? 0) <= e.ts
        )
          open.pop();
        if (WRAPPERS.test(e.name)) continue;
        if (open.length === 0) {
          const name = partName(e);
          parts.set(name, (parts.get(name) ?? 0) + ms(e.dur ?? 0));
        }
        open.push(e);
      }
      return {
        atMs: ms(task.ts - fromUs),
        ms: ms(task.dur ?? 0),
        parts: [...parts]
          .map(([name, partMs]) => ({ name, ms: partMs }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 4),
      };
    });

  return {
    threads,
    wasmBaselineMs: total((e) => e.name === 'wasm.BaselineCompilation'),
    wasmTopTierMs: total((e) => e.name === 'wasm.TopTierCompilation'),
    wasmLazy: {
      count: within.filter((e) => e.name === 'wasm.CompileLazy').length,
      ms: total((e) => e.name === 'wasm.CompileLazy'),
    },
    readPixels: {
      count: readPixels.length,
      ms: readPixels.reduce((s, e) => s + ms(e.dur ?? 0), 0),
      atMs: readPixels.map((e) => ms(e.ts - fromUs)),
    },
    gcMs: total((e) => /^(MajorGC|MinorGC)$/.test(e.name)),
    longTasks,
  };
}
