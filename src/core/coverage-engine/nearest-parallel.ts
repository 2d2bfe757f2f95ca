/**
 * The nearest-agent search (nearest.ts) split across threads: households in contiguous ranges, one range
 * searched on the calling thread, the others on workers, every answer written into the caller's arrays.
 * Pure: the workers are reached through NearestPort (a Web Worker in the browser, a worker_threads Worker in
 * Node), and the worker's side is nearestWorkerHandler, which the worker script only wires to its messages.
 *
 * Identical to the serial search, bit for bit: every thread builds the same index (buildAgentIndex on the same
 * agents, with the cover reduced to its extent — the only thing the index reads from it) and runs
 * nearestAgentsInto over its range; each household's answer depends only on the index and its own coordinates.
 * (Grid and quadtree, which `auto` picks by the range's size, give the same answers: both settle on the
 * sphere among a complete shortlist with the same tie rule; the tests check it.)
 *
 * No SharedArrayBuffer (the app is not cross-origin isolated): each worker receives the agents once per
 * setAgents (it keeps its index, and a quadtree it builds, across calls) and per call a copy of its range's
 * lon/lat, transferred; it transfers its answers back. Below `minParallel` households the search stays on the
 * calling thread, where posting would cost more than it saves (measured: see MIN_PARALLEL_HOUSEHOLDS).
 */
import {
  type AgentIndex,
  buildAgentIndex,
  type NearestMethod,
  nearestAgentsInto,
  QUADTREE_MIN_QUERIES_PER_AGENT,
} from './nearest';
import { finiteRange } from './projection';
import type { CoverageInput } from './types';

type Agents = CoverageInput['agents'];

/** Messages to a nearest worker. */
export type NearestRequest =
  | {
      kind: 'agents';
      generation: number;
      agents: Agents;
      cover: { lon: Float64Array; lat: Float64Array } | null;
    }
  | {
      kind: 'nearest';
      id: number;
      generation: number;
      lon: Float64Array;
      lat: Float64Array;
      method: NearestMethod;
    };

/** Its answers ('agents' acknowledges an index build). */
export type NearestReply =
  | { kind: 'agents'; generation: number; buildMs: number }
  | { kind: 'nearest'; id: number; agent: Int32Array; distanceM: Float64Array; ms: number }
  | { kind: 'error'; id: number; message: string };

/** One worker, as the pool sees it. */
export interface NearestPort {
  post(message: NearestRequest, transfer: ArrayBuffer[]): void;
  /** Installs the handlers for the worker's replies and for its failure (it will not answer any more). */
  listen(onReply: (reply: NearestReply) => void, onError: (error: Error) => void): void;
  terminate(): void;
}

/**
 * Households per call below which the search stays on the calling thread. Measured in Node 20 (2 cores,
 * worker_threads already started, 7,200 agents; medians of 25 calls on a busy machine): 5,000 households
 * 1.7 ms on 2 threads vs 1.2 ms on one, 10,000: 2.7 vs 2.8, 20,000: 4.8 vs 6.0, 45,000: 6.1 vs 11.1 ms.
 * Break-even ≈10,000; the default leaves a margin for slower machines and first messages.
 */
export const MIN_PARALLEL_HOUSEHOLDS = 20_000;

/** Threads worth using: the cores the platform reports, at most `cap` (default 8), at least 1. */
export function threadsFor(cores: number | undefined, cap = 8): number {
  const n = Number.isFinite(cores) ? Math.floor(cores as number) : 1;
  return Math.max(1, Math.min(cap, n));
}

/** `parts` contiguous ranges [start, end) covering 0..n, sizes differing by at most one (some may be empty). */
export function splitRanges(n: number, parts: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const k = Math.max(1, Math.floor(parts));
  for (let p = 0; p < k; p++) out.push([Math.floor((n * p) / k), Math.floor((n * (p + 1)) / k)]);
  return out;
}

/** The cover's extent as two points: buildAgentIndex reads only its finite range (null when it has none). */
export function coverExtent(cover: {
  lon: Float64Array;
  lat: Float64Array;
}): { lon: Float64Array; lat: Float64Array } | null {
  const lo = finiteRange(cover.lon);
  const la = finiteRange(cover.lat);
  if (!(lo.min <= lo.max && la.min <= la.max)) return null;
  return { lon: Float64Array.of(lo.min, lo.max), lat: Float64Array.of(la.min, la.max) };
}

/** What `auto` picks in nearestAgentsInto for n queries on this index (for reports). */
export function resolveMethod(index: AgentIndex, n: number): 'grid' | 'quadtree' {
  return index.tree !== null || n >= QUADTREE_MIN_QUERIES_PER_AGENT * index.indexed.length
    ? 'quadtree'
    : 'grid';
}

export interface ParallelNearestOptions {
  /** Households per call below which no worker is used (default MIN_PARALLEL_HOUSEHOLDS). */
  minParallel?: number;
}

type Pending = {
  resolve: (r: Extract<NearestReply, { kind: 'nearest' }>) => void;
  reject: (e: Error) => void;
};

/** The calling thread plus `ports.length` workers, searching one agents table (setAgents) for many points. */
export class ParallelNearest {
  private generation = 0;
  private nextId = 1;
  private localIndex: AgentIndex | null = null;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private readonly minParallel: number;
  /** The workers' index build times (ms) for the current agents, as they acknowledge them. */
  readonly workerBuildMs: number[] = [];
  /** The last call: ms searching on this thread, each worker's ms searching, ms in all (for benchmarks). */
  lastCall = { localMs: 0, workerMs: [] as number[], totalMs: 0 };
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly ports: readonly NearestPort[],
    options: ParallelNearestOptions = {},
  ) {
    this.minParallel = options.minParallel ?? MIN_PARALLEL_HOUSEHOLDS;
    for (const port of ports) {
      port.listen(
        (reply) => this.onReply(reply),
        (error) => this.fail(error),
      );
    }
  }

  /** Threads a large call uses (this one and the workers). */
  get threads(): number {
    return this.ports.length + 1;
  }

  /** The calling thread's index (the same as every worker's). */
  get index(): AgentIndex {
    if (!this.localIndex) throw new Error('ParallelNearest: setAgents first');
    return this.localIndex;
  }

  /**
   * Indexes `agents` here and in every worker (they get a copy; later calls use it), exactly as
   * buildAgentIndex(agents, { cover }) does. Returns this thread's index.
   */
  setAgents(agents: Agents, cover?: { lon: Float64Array; lat: Float64Array }): AgentIndex {
    const extent = cover ? coverExtent(cover) : null;
    this.generation++;
    this.workerBuildMs.length = 0;
    for (const port of this.ports) {
      port.post({ kind: 'agents', generation: this.generation, agents, cover: extent }, []);
    }
    this.localIndex = buildAgentIndex(agents, extent ? { cover: extent } : {});
    return this.localIndex;
  }

  /**
   * Resolves true once every worker has indexed the current agents (a worker script still loading or one that
   * failed shows here), false after timeoutMs or on a failure.
   */
  ready(timeoutMs: number): Promise<boolean> {
    const done = () => this.workerBuildMs.length >= this.ports.length;
    if (this.failure) return Promise.resolve(false);
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.failure && !done()) return;
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve(!this.failure);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiting.add(check);
    });
  }

  /** nearestAgentsInto(index, lon, lat, outAgent, outDist, method) over all threads. */
  async nearestInto(
    lon: Float64Array,
    lat: Float64Array,
    outAgent: Int32Array,
    outDist: Float64Array,
    method: NearestMethod = 'auto',
  ): Promise<void> {
    const index = this.index;
    const n = lon.length;
    if (lat.length !== n || outAgent.length < n || outDist.length < n) {
      throw new RangeError('nearestAgents: lon, lat and outputs must have the same length');
    }
    if (this.failure) throw this.failure;
    const t0 = performance.now();
    if (this.ports.length === 0 || n < this.minParallel) {
      nearestAgentsInto(index, lon, lat, outAgent, outDist, method);
      const ms = performance.now() - t0;
      this.lastCall = { localMs: ms, workerMs: [], totalMs: ms };
      return;
    }
    // `auto` decides per range, by the range's size: each thread builds its own quadtree, which pays only
    // for enough queries on that thread (one million households on 2 threads: the grid, ≈90 ms a range,
    // against ≈80 ms of quadtree build + ≈40 ms of search).
    const [[s0, e0] = [0, 0], ...rest] = splitRanges(n, this.threads);
    // Post first, so the workers search while this thread does its own range.
    const replies = rest.map(([s, e], w) => {
      if (e === s) return Promise.resolve(null);
      const port = this.ports[w] as NearestPort;
      const id = this.nextId++;
      const slon = lon.slice(s, e);
      const slat = lat.slice(s, e);
      const reply = new Promise<Extract<NearestReply, { kind: 'nearest' }>>((resolve, reject) =>
        this.pending.set(id, { resolve, reject }),
      );
      port.post({ kind: 'nearest', id, generation: this.generation, lon: slon, lat: slat, method }, [
        slon.buffer as ArrayBuffer,
        slat.buffer as ArrayBuffer,
      ]);
      return reply;
    });
    const t1 = performance.now();
    nearestAgentsInto(
      index,
      lon.subarray(s0, e0),
      lat.subarray(s0, e0),
      outAgent.subarray(s0, e0),
      outDist.subarray(s0, e0),
      method,
    );
    const localMs = performance.now() - t1;
    const answers = await Promise.all(replies);
    const workerMs: number[] = [];
    answers.forEach((r, w) => {
      if (!r) return;
      const s = (rest[w] as [number, number])[0];
      outAgent.set(r.agent, s);
      outDist.set(r.distanceM, s);
      workerMs.push(r.ms);
    });
    this.lastCall = { localMs, workerMs, totalMs: performance.now() - t0 };
  }

  /** `nearestAgents` over all threads. */
  async nearest(
    lon: Float64Array,
    lat: Float64Array,
    method: NearestMethod = 'auto',
  ): Promise<{ agent: Int32Array; distanceM: Float64Array }> {
    const agent = new Int32Array(lon.length);
    const distanceM = new Float64Array(lon.length);
    await this.nearestInto(lon, lat, agent, distanceM, method);
    return { agent, distanceM };
  }

  terminate(): void {
    for (const port of this.ports) port.terminate();
    this.fail(new Error('ParallelNearest: terminated'));
  }

  private onReply(reply: NearestReply): void {
    if (reply.kind === 'agents') {
      if (reply.generation === this.generation) this.workerBuildMs.push(reply.buildMs);
      for (const check of [...this.waiting]) check();
      return;
    }
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!pending) return;
    if (reply.kind === 'error') pending.reject(new Error(reply.message));
    else pending.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const check of [...this.waiting]) check();
  }
}

/**
 * The worker's side: answers NearestRequests, keeping the index of the last agents (and the quadtree a large
 * range builds on it) across calls. Returns the reply and the buffers to transfer with it.
 */
export function nearestWorkerHandler(): (request: NearestRequest) => {
  reply: NearestReply | null;
  transfer: ArrayBuffer[];
} {
  let index: AgentIndex | null = null;
  let generation = -1;
  return (request) => {
    if (request.kind === 'agents') {
      generation = request.generation;
      try {
        index = buildAgentIndex(request.agents, request.cover ? { cover: request.cover } : {});
      } catch {
        // The calling thread builds the same index and reports the error; searches here then refuse.
        index = null;
        return { reply: null, transfer: [] };
      }
      return { reply: { kind: 'agents', generation, buildMs: index.buildMs }, transfer: [] };
    }
    try {
      if (!index || request.generation !== generation) throw new Error('nearest worker: agents not set');
      const t = performance.now();
      const n = request.lon.length;
      const agent = new Int32Array(n);
      const distanceM = new Float64Array(n);
      nearestAgentsInto(index, request.lon, request.lat, agent, distanceM, request.method);
      const ms = performance.now() - t;
      return {
        reply: { kind: 'nearest', id: request.id, agent, distanceM, ms },
        transfer: [agent.buffer, distanceM.buffer],
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { kind: 'error', id: request.id, message }, transfer: [] };
    }
  };
}
