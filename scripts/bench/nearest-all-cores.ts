/** The benchmark's nearest search on all cores (nearest-parallel.ts over worker_threads), checked against one core. */
import { loadavg } from 'node:os';
import { median as ssMedian } from 'simple-statistics';
import type { CoverageInput } from '../../src/core/coverage-engine/index.ts';
import { type ParallelNearest, resolveMethod } from '../../src/core/coverage-engine/nearest-parallel.ts';

export interface AllCores {
  threads: number;
  /** Median seconds of a run: agents sent, every thread's index built, ranges searched, answers gathered. */
  s: number;
  /** Medians of the search alone on this thread and on each worker (seconds). */
  localS: number;
  workerS: number[];
  /** Median seconds of the same search again on the indexes kept from the run (no agents sent, no build). */
  keptS: number;
  method: string;
  /** Households whose agent or distance (bit for bit) differs from the one-core answer. */
  mismatches: number;
  loadBefore: number[];
}

/** simple-statistics' median, NaN when there is nothing to summarise. */
const median = (values: number[]): number => (values.length ? ssMedian(values) : Number.NaN);

export async function nearestAllCores(
  pool: ParallelNearest,
  input: CoverageInput,
  serial: { agent: Int32Array; distanceM: Float64Array },
  runs: number,
): Promise<AllCores> {
  const { lon, lat } = input.households;
  const n = lon.length;
  const agent = new Int32Array(n);
  const distanceM = new Float64Array(n);
  const loadBefore = loadavg();
  // Warm-up (the workers' JIT), then the runs.
  pool.setAgents(input.agents, input.households);
  await pool.nearestInto(lon, lat, agent, distanceM);
  const times: number[] = [];
  const local: number[] = [];
  const workers: number[][] = [];
  const kept: number[] = [];
  let method = '';
  for (let r = 0; r < Math.max(1, runs); r++) {
    const t = performance.now();
    const index = pool.setAgents(input.agents, input.households);
    method = resolveMethod(index, Math.ceil(n / pool.threads));
    await pool.nearestInto(lon, lat, agent, distanceM);
    times.push(performance.now() - t);
    local.push(pool.lastCall.localMs);
    pool.lastCall.workerMs.forEach((ms, w) => {
      workers[w] ??= [];
      workers[w].push(ms);
    });
    const t2 = performance.now();
    await pool.nearestInto(lon, lat, agent, distanceM);
    kept.push(performance.now() - t2);
  }
  let mismatches = 0;
  for (let i = 0; i < n; i++) {
    if (agent[i] !== serial.agent[i] || !Object.is(distanceM[i], serial.distanceM[i])) mismatches++;
  }
  return {
    threads: pool.threads,
    s: median(times) / 1000,
    localS: median(local) / 1000,
    workerS: workers.map((w) => median(w) / 1000),
    keptS: median(kept) / 1000,
    method,
    mismatches,
    loadBefore,
  };
}
