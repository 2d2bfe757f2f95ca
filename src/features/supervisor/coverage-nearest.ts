import {
  type AgentIndex,
  buildAgentIndex,
  type CoverageInput,
  type NearestPort,
  type NearestReply,
  nearestAgents,
  ParallelNearest,
  threadsFor,
} from '../../core/coverage-engine';

/**
 * From this many households the coverage worker searches the nearest agents on all cores, with nested workers
 * (nearest.worker.ts). The search runs once per load, so the nested workers' start (≈45–60 ms in Chromium:
 * loading the script, indexing the agents) is paid every time. Measured in headless Chromium 2 cores, load
 * average ≈1, medians of 5, nested workers' start included, against this thread's search (`auto`):
 * 45,000 households 62 vs 13 ms, 250,000: 135 vs 66, 500,000: 239 vs 159, 750,000: 304 vs 516,
 * 1,000,000: 373 vs 525 ms. All cores win only from ≈750,000, where one thread switches to the quadtree
 * (slow to build in Chromium) while each thread's half stays on the grid; one thread forced onto the grid
 * takes 170 / 254 ms there. Re-measure if nearest.ts's quadtree threshold changes.
 */
export const APP_PARALLEL_MIN_HOUSEHOLDS = 750_000;
/** Threads at most (this worker and nested ones). */
const MAX_THREADS = 4;
/** A nested worker that has not indexed the agents by then is given up (the search runs here instead). */
const READY_TIMEOUT_MS = 3_000;

function webWorkerPort(): NearestPort {
  const worker = new Worker(new URL('./nearest.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (onReply, onError) => {
      worker.onmessage = (event: MessageEvent<NearestReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(new Error(`nearest worker: ${event.message || 'failed to load'}`));
      };
      worker.onmessageerror = () => onError(new Error('nearest worker: unreadable message'));
    },
    terminate: () => worker.terminate(),
  };
}

export interface NearestOnce {
  /** buildAgentIndex(input.agents): the index the coverage worker keeps. */
  index: AgentIndex;
  nearest: { agent: Int32Array; distanceM: Float64Array };
  threads: number;
}

/**
 * The nearest active agent of every household — it depends only on the data, so it is searched once per load.
 * Large datasets on all cores (the same answers, nearest-parallel.ts); any trouble with the nested workers
 * (blocked, never loading, failing) and the search runs on this thread. The workers are posted to before the
 * first await, so they load while the caller goes on with its own work.
 */
export async function searchNearestOnce(
  input: CoverageInput,
  cores = globalThis.navigator?.hardwareConcurrency,
  minHouseholds = APP_PARALLEL_MIN_HOUSEHOLDS,
): Promise<NearestOnce> {
  const { lon, lat } = input.households;
  const threads = threadsFor(cores, MAX_THREADS);
  const serial = (index: AgentIndex): NearestOnce => ({
    index,
    nearest: nearestAgents(index, lon, lat),
    threads: 1,
  });
  if (threads < 2 || lon.length < minHouseholds || typeof Worker === 'undefined')
    return serial(buildAgentIndex(input.agents));
  const pool = new ParallelNearest(
    Array.from({ length: threads - 1 }, () => webWorkerPort()),
    { minParallel: minHouseholds },
  );
  try {
    const index = pool.setAgents(input.agents);
    if (!(await pool.ready(READY_TIMEOUT_MS))) return serial(index);
    try {
      return { index, nearest: await pool.nearest(lon, lat), threads };
    } catch {
      return serial(index);
    }
  } finally {
    pool.terminate();
  }
}
