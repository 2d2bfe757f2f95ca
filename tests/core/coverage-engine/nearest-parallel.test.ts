import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeParallelNearest } from '../../../scripts/bench/nearest-pool';
import { computeCoverage } from '../../../src/core/coverage-engine/engine';
import {
  buildAgentIndex,
  type NearestMethod,
  nearestAgents,
} from '../../../src/core/coverage-engine/nearest';
import {
  coverExtent,
  type NearestPort,
  type NearestReply,
  nearestWorkerHandler,
  ParallelNearest,
  splitRanges,
  threadsFor,
} from '../../../src/core/coverage-engine/nearest-parallel';
import { DEFAULT_COVERAGE_OPTIONS } from '../../../src/core/coverage-engine/types';
import { searchNearestOnce } from '../../../src/features/supervisor/coverage-nearest';
import { f64, type Points, points, rng } from './fixtures';

interface Agents {
  lon: Float64Array;
  lat: Float64Array;
  active: Uint8Array;
  villageIndex: Int32Array;
}

/**
 * An in-process worker: the real handler behind structuredClone with the transfer list (so a transferred
 * buffer is detached as it would be), answering on a later macrotask.
 */
function fakePort(): NearestPort & { posts: number } {
  const handle = nearestWorkerHandler();
  let onReply: (r: NearestReply) => void = () => {};
  const port = {
    posts: 0,
    post(message: Parameters<NearestPort['post']>[0], transfer: ArrayBuffer[]) {
      port.posts++;
      const copy = structuredClone(message, { transfer });
      setTimeout(() => {
        const { reply, transfer: back } = handle(copy);
        if (reply) onReply(structuredClone(reply, { transfer: back }));
      }, 0);
    },
    listen(r: (reply: NearestReply) => void) {
      onReply = r;
    },
    terminate() {},
  };
  return port;
}

const fakePool = (workers: number, minParallel = 0) =>
  new ParallelNearest(
    Array.from({ length: workers }, () => fakePort()),
    { minParallel },
  );

function serial(agents: Agents, q: Points, cover: boolean, method: NearestMethod) {
  return nearestAgents(buildAgentIndex(agents, cover ? { cover: q } : {}), q.lon, q.lat, method);
}

/** Same agent and the same distance, bit for bit (NaN where there is none). */
function expectIdentical(
  got: { agent: Int32Array; distanceM: Float64Array },
  want: { agent: Int32Array; distanceM: Float64Array },
): void {
  expect(got.agent.length).toBe(want.agent.length);
  for (let i = 0; i < want.agent.length; i++) {
    if (got.agent[i] !== want.agent[i] || !Object.is(got.distanceM[i], want.distanceM[i])) {
      throw new Error(
        `household ${i}: got ${got.agent[i]} at ${got.distanceM[i]} m, serial ${want.agent[i]} at ${want.distanceM[i]} m`,
      );
    }
  }
}

/** Agents with inactive ones, exact duplicates (ties) and some without coordinates. */
function agentsOf(n: number, seed: number, kind: 'uniform' | 'clustered'): Agents {
  const p = points(n, seed, kind);
  const r = rng(seed + 1);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    active[i] = r() < 0.1 ? 0 : 1;
    if (i > 0 && r() < 0.05) {
      const j = Math.floor(r() * i);
      p.lon[i] = p.lon[j] as number;
      p.lat[i] = p.lat[j] as number;
    }
    if (r() < 0.02) p.lat[i] = Number.NaN;
  }
  return { lon: p.lon, lat: p.lat, active, villageIndex: new Int32Array(n).fill(-1) };
}

/** Households with some without coordinates and some exactly on an agent or midway between two. */
function householdsOf(n: number, seed: number, agents: Agents): Points {
  const q = points(n, seed, seed % 2 ? 'uniform' : 'clustered');
  const r = rng(seed + 7);
  const m = agents.lon.length;
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.03) q.lon[i] = Number.NaN;
    else if (u < 0.06 && m > 1) {
      const a = Math.floor(r() * m);
      const b = Math.floor(r() * m);
      q.lon[i] = ((agents.lon[a] as number) + (agents.lon[b] as number)) / 2;
      q.lat[i] = ((agents.lat[a] as number) + (agents.lat[b] as number)) / 2;
    } else if (u < 0.09 && m > 0) {
      const a = Math.floor(r() * m);
      q.lon[i] = agents.lon[a] as number;
      q.lat[i] = agents.lat[a] as number;
    }
  }
  return q;
}

describe('splitRanges, threadsFor, coverExtent', () => {
  it('ranges are contiguous, cover 0..n and differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 40 }), (n, parts) => {
        const r = splitRanges(n, parts);
        expect(r).toHaveLength(parts);
        let at = 0;
        const sizes = r.map(([s, e]) => {
          expect(s).toBe(at);
          at = e;
          return e - s;
        });
        expect(at).toBe(n);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('threads: the cores, capped, at least one', () => {
    expect(threadsFor(2)).toBe(2);
    expect(threadsFor(64)).toBe(8);
    expect(threadsFor(64, 4)).toBe(4);
    expect(threadsFor(0)).toBe(1);
    expect(threadsFor(undefined)).toBe(1);
  });

  it('an index built with the cover reduced to its extent is the same index', () => {
    const agents = agentsOf(300, 3, 'clustered');
    const q = householdsOf(2000, 4, agents);
    const full = buildAgentIndex(agents, { cover: q });
    const extent = coverExtent(q);
    expect(extent).not.toBeNull();
    const fromExtent = buildAgentIndex(agents, { cover: extent ?? undefined });
    expect(fromExtent.plane).toEqual(full.plane);
    expect(fromExtent.ratio).toBe(full.ratio);
    expect(fromExtent.root).toEqual(full.root);
    expect(coverExtent({ lon: f64([Number.NaN]), lat: f64([1]) })).toBeNull();
  });
});

describe('ParallelNearest equals the serial search, bit for bit', () => {
  for (const method of ['auto', 'grid', 'quadtree'] as const) {
    it(`${method}: 1–5 workers, clustered and uniform data, ties, missing coordinates, inactive agents`, async () => {
      for (const seed of [1, 2]) {
        const agents = agentsOf(250, seed, seed === 1 ? 'clustered' : 'uniform');
        const q = householdsOf(3001, seed + 10, agents);
        const want = serial(agents, q, true, method);
        for (const workers of [1, 2, 5]) {
          const pool = fakePool(workers);
          pool.setAgents(agents, q);
          expectIdentical(await pool.nearest(q.lon, q.lat, method), want);
          // Again on the kept indexes (a quadtree built by the first call stays on them).
          expectIdentical(await pool.nearest(q.lon, q.lat, method), want);
        }
      }
    });
  }

  it('a regular lattice of agents: households equidistant from 2 or 4 go to the lowest index', async () => {
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        lon.push(102.9 + i * 0.01);
        lat.push(-4.5 + j * 0.01);
      }
    }
    const agents = {
      lon: f64(lon),
      lat: f64(lat),
      active: new Uint8Array(100).fill(1),
      villageIndex: new Int32Array(100),
    };
    const qlon: number[] = [];
    const qlat: number[] = [];
    for (let i = 0; i < 9; i++) {
      for (let j = 0; j < 9; j++) {
        qlon.push(102.905 + i * 0.01, 102.905 + i * 0.01, 102.9 + i * 0.01);
        qlat.push(-4.495 + j * 0.01, -4.5 + j * 0.01, -4.5 + j * 0.01);
      }
    }
    const q = { lon: f64(qlon), lat: f64(qlat) };
    const pool = fakePool(3);
    pool.setAgents(agents, q);
    for (const method of ['grid', 'quadtree'] as const) {
      expectIdentical(await pool.nearest(q.lon, q.lat, method), serial(agents, q, true, method));
    }
  });

  it('0, 1 and 2 households, and more workers than households', async () => {
    const agents = agentsOf(50, 5, 'uniform');
    const pool = fakePool(6);
    for (const n of [0, 1, 2, 6, 7, 13]) {
      const q = householdsOf(n, 20 + n, agents);
      pool.setAgents(agents, q);
      expectIdentical(await pool.nearest(q.lon, q.lat), serial(agents, q, true, 'auto'));
    }
  });

  it('no active agent, no agent at all, and agents replaced between calls', async () => {
    const q = householdsOf(500, 30, agentsOf(10, 31, 'uniform'));
    const pool = fakePool(2);
    const none = { lon: f64([]), lat: f64([]), active: new Uint8Array(0), villageIndex: new Int32Array(0) };
    pool.setAgents(none, q);
    const r0 = await pool.nearest(q.lon, q.lat);
    expect(r0.agent.every((a) => a === -1)).toBe(true);
    expect(r0.distanceM.every(Number.isNaN)).toBe(true);
    const sleeping = { ...agentsOf(20, 32, 'uniform'), active: new Uint8Array(20) };
    pool.setAgents(sleeping, q);
    expectIdentical(await pool.nearest(q.lon, q.lat), serial(sleeping, q, true, 'auto'));
    const awake = agentsOf(20, 32, 'uniform');
    pool.setAgents(awake, q);
    expectIdentical(await pool.nearest(q.lon, q.lat), serial(awake, q, true, 'auto'));
  });

  it('without a cover, like an index built from the agents alone', async () => {
    const agents = agentsOf(120, 40, 'clustered');
    const q = householdsOf(1500, 41, agents);
    for (let i = 0; i < q.lon.length; i += 5) q.lon[i] = (q.lon[i] as number) + 0.7;
    const pool = fakePool(2);
    pool.setAgents(agents);
    expectIdentical(await pool.nearest(q.lon, q.lat), serial(agents, q, false, 'auto'));
  });

  it('below minParallel the search stays on the calling thread', async () => {
    const agents = agentsOf(60, 50, 'uniform');
    const q = householdsOf(99, 51, agents);
    const ports = [fakePort(), fakePort()];
    const pool = new ParallelNearest(ports, { minParallel: 100 });
    pool.setAgents(agents, q);
    const posts = ports.map((p) => p.posts);
    expectIdentical(await pool.nearest(q.lon, q.lat), serial(agents, q, true, 'auto'));
    expect(ports.map((p) => p.posts)).toEqual(posts);
    expect(pool.lastCall.workerMs).toEqual([]);
  });

  it('refuses before setAgents, and outputs of the wrong length', async () => {
    const pool = fakePool(1);
    const q = points(10, 60, 'uniform');
    await expect(pool.nearest(q.lon, q.lat)).rejects.toThrow(/setAgents/);
    pool.setAgents(agentsOf(5, 61, 'uniform'));
    await expect(pool.nearestInto(q.lon, q.lat, new Int32Array(5), new Float64Array(10))).rejects.toThrow(
      RangeError,
    );
  });

  it('property: any data, any number of workers', async () => {
    const coord = fc.oneof(
      { weight: 12, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    const grid = fc.integer({ min: 0, max: 6 }).map((k) => k / 6);
    const point = fc.tuple(fc.oneof(coord, grid), fc.oneof(coord, grid));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(point, fc.boolean()), { maxLength: 40 }),
        fc.array(point, { maxLength: 120 }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom<NearestMethod>('auto', 'grid', 'quadtree'),
        async (agentList, households, workers, method) => {
          // A 0.05° square of the regency; lattice values make exact ties likely.
          const lonOf = (u: number) => 102.9 + u * 0.05;
          const latOf = (u: number) => -4.5 + u * 0.05;
          const agents = {
            lon: f64(agentList.map(([[x]]) => lonOf(x))),
            lat: f64(agentList.map(([[, y]]) => latOf(y))),
            active: Uint8Array.from(agentList.map(([, a]) => (a ? 1 : 0))),
            villageIndex: new Int32Array(agentList.length),
          };
          const q = {
            lon: f64(households.map(([x]) => lonOf(x))),
            lat: f64(households.map(([, y]) => latOf(y))),
          };
          const pool = fakePool(workers);
          pool.setAgents(agents, q);
          expectIdentical(await pool.nearest(q.lon, q.lat, method), serial(agents, q, true, method));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ParallelNearest on worker_threads', () => {
  const pool = nodeParallelNearest(3, { minParallel: 0 });
  afterAll(() => pool.terminate());

  it('equals the serial search on 20,000 households with 2 workers', async () => {
    const agents = agentsOf(800, 70, 'clustered');
    const q = householdsOf(20_000, 71, agents);
    pool.setAgents(agents, q);
    for (const method of ['auto', 'grid', 'quadtree'] as const) {
      expectIdentical(await pool.nearest(q.lon, q.lat, method), serial(agents, q, true, method));
    }
    expect(pool.lastCall.workerMs).toHaveLength(2);
    expect(pool.workerBuildMs).toHaveLength(2);
  });
});

describe('computeCoverage with the nearest agents given (the coverage worker searches them once per load)', () => {
  it('is the same result as with its own search, and shares them with every answer', async () => {
    const agents = agentsOf(200, 80, 'clustered');
    const q = householdsOf(4000, 81, agents);
    const n = q.lon.length;
    const r = rng(82);
    const input = {
      households: {
        lon: q.lon,
        lat: q.lat,
        agentIndex: Int32Array.from({ length: n }, () => Math.floor(r() * 201) - 1),
        villageIndex: new Int32Array(n).fill(-1),
      },
      agents,
      villageDistrict: new Int32Array(0),
      districtCount: 0,
    };
    const pool = fakePool(2);
    const index = pool.setAgents(input.agents);
    const nearest = await pool.nearest(q.lon, q.lat);
    const own = computeCoverage(input, DEFAULT_COVERAGE_OPTIONS, buildAgentIndex(input.agents));
    const given = computeCoverage(input, DEFAULT_COVERAGE_OPTIONS, index, undefined, nearest);
    expectIdentical(
      { agent: given.household.nearestAgent, distanceM: given.household.nearestDistanceM },
      { agent: own.household.nearestAgent, distanceM: own.household.nearestDistanceM },
    );
    expect(given.totals).toEqual(own.totals);
    // Shared, never written: an answer for other options holds the same arrays, and they are unchanged.
    const before = { agent: nearest.agent.slice(), distanceM: nearest.distanceM.slice() };
    const ownDistances = own.household.assignedDistanceM;
    const other = computeCoverage(
      input,
      { ...DEFAULT_COVERAGE_OPTIONS, thresholdM: 250 },
      index,
      ownDistances,
      nearest,
    );
    for (const answer of [given, other]) {
      expect(answer.household.nearestAgent).toBe(nearest.agent);
      expect(answer.household.nearestDistanceM).toBe(nearest.distanceM);
    }
    expect(other.household.assignedDistanceM).toBe(ownDistances);
    expect(other.household.status).not.toBe(given.household.status);
    expectIdentical(nearest, before);
    expect(() =>
      computeCoverage(input, DEFAULT_COVERAGE_OPTIONS, index, undefined, {
        agent: new Int32Array(1),
        distanceM: new Float64Array(1),
      }),
    ).toThrow(RangeError);
  });

  it("the app's search: one thread without Web Workers (Node), the same answers", async () => {
    const agents = agentsOf(100, 90, 'uniform');
    const q = householdsOf(2000, 91, agents);
    const input = {
      households: {
        lon: q.lon,
        lat: q.lat,
        agentIndex: new Int32Array(2000),
        villageIndex: new Int32Array(2000),
      },
      agents,
      villageDistrict: new Int32Array(0),
      districtCount: 0,
    };
    const once = await searchNearestOnce(input, 4, 0);
    expect(once.threads).toBe(1);
    expectIdentical(once.nearest, serial(agents, q, false, 'auto'));
  });
});
