import { describe, expect, it } from 'vitest';
import {
  buildAgentIndex,
  type NearestMethod,
  nearestAgents,
  QUADTREE_MIN_QUERIES_PER_AGENT,
} from '../../../src/core/coverage-engine/nearest';
import { bruteNearest, f64, north, type Points, points, rng, u8 } from './fixtures';

interface Agents {
  lon: Float64Array;
  lat: Float64Array;
  active: Uint8Array;
  villageIndex: Int32Array;
}

function agentsFrom(p: Points, seed: number, inactiveShare: number, duplicateShare: number): Agents {
  const r = rng(seed);
  const n = p.lon.length;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    active[i] = r() < inactiveShare ? 0 : 1;
    // Exact duplicates of an earlier agent (same house): ties that must go to the lowest index.
    if (i > 0 && r() < duplicateShare) {
      const j = Math.floor(r() * i);
      p.lon[i] = p.lon[j] as number;
      p.lat[i] = p.lat[j] as number;
    }
  }
  return { lon: p.lon, lat: p.lat, active, villageIndex: new Int32Array(n).fill(-1) };
}

function expectSameAsBruteForce(agents: Agents, q: Points, cover = true): void {
  for (const method of ['grid', 'quadtree'] as const) expectSame(agents, q, cover, method);
}

function expectSame(agents: Agents, q: Points, cover: boolean, method: NearestMethod): void {
  const index = buildAgentIndex(agents, cover ? { cover: q } : {});
  const got = nearestAgents(index, q.lon, q.lat, method);
  for (let i = 0; i < q.lon.length; i++) {
    const want = bruteNearest(agents, q.lon[i] as number, q.lat[i] as number);
    if (got.agent[i] !== want.agent) {
      throw new Error(
        `${method}, query ${i}: got agent ${got.agent[i]} at ${got.distanceM[i]} m, brute force ${want.agent} at ${want.distanceM} m`,
      );
    }
    if (want.agent < 0) expect(got.distanceM[i]).toBeNaN();
    else
      expect(Math.abs((got.distanceM[i] as number) - want.distanceM)).toBeLessThanOrEqual(
        1e-9 * want.distanceM + 1e-9,
      );
  }
}

describe('nearestAgents is exact (same agent as brute-force haversine)', () => {
  for (const seed of [1, 2, 3, 4]) {
    for (const kind of ['uniform', 'clustered'] as const) {
      it(`seed ${seed}, ${kind} agents and households, inactive agents and duplicates`, () => {
        const agents = agentsFrom(points(400, seed, kind), seed + 100, 0.1, 0.05);
        expectSameAsBruteForce(
          agents,
          points(3000, seed + 200, kind === 'uniform' ? 'clustered' : 'uniform'),
        );
      });
    }
  }

  it('with agents on a regular lattice (many exact ties)', () => {
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 12; j++) {
        lon.push(102.9 + i * 0.01);
        lat.push(-4.5 + j * 0.01);
      }
    }
    const agents = {
      lon: f64(lon),
      lat: f64(lat),
      active: new Uint8Array(lon.length).fill(1),
      villageIndex: new Int32Array(lon.length),
    };
    // Queries on the lattice's cell centres and edge midpoints: equidistant from 2 or 4 agents.
    const qlon: number[] = [];
    const qlat: number[] = [];
    for (let i = 0; i < 11; i++) {
      for (let j = 0; j < 11; j++) {
        qlon.push(102.905 + i * 0.01, 102.905 + i * 0.01);
        qlat.push(-4.495 + j * 0.01, -4.5 + j * 0.01);
      }
    }
    expectSameAsBruteForce(agents, { lon: f64(qlon), lat: f64(qlat) });
  });

  it('many agents at one house: the lowest active index wins', () => {
    const n = 40;
    const agents = {
      lon: new Float64Array(n).fill(103),
      lat: new Float64Array(n).fill(-4.4),
      active: new Uint8Array(n).fill(1),
      villageIndex: new Int32Array(n),
    };
    agents.active[0] = 0;
    agents.active[1] = 0;
    const r = nearestAgents(buildAgentIndex(agents), f64([103, 103.01]), f64([-4.4, -4.41]));
    expect([...r.agent]).toEqual([2, 2]);
    expect(r.distanceM[0]).toBe(0);
  });

  it('households outside the indexed area (built without cover) are still exact', () => {
    const agents = agentsFrom(points(200, 9, 'clustered'), 10, 0.05, 0);
    const far = points(300, 11, 'uniform');
    for (let i = 0; i < 300; i += 3) {
      far.lon[i] = (far.lon[i] as number) + 0.8;
      far.lat[i] = (far.lat[i] as number) - 0.6;
    }
    expectSameAsBruteForce(agents, far, false);
  });

  it('0 agents, 1 agent, no active agent', () => {
    const q = points(50, 12, 'uniform');
    const none = { lon: f64([]), lat: f64([]), active: u8([]), villageIndex: new Int32Array(0) };
    const r0 = nearestAgents(buildAgentIndex(none, { cover: q }), q.lon, q.lat);
    expect([...r0.agent].every((a) => a === -1)).toBe(true);
    expect([...r0.distanceM].every(Number.isNaN)).toBe(true);

    const one = { lon: f64([103]), lat: f64([-4.4]), active: u8([1]), villageIndex: new Int32Array(1) };
    expectSameAsBruteForce(one, q);

    const inactive = {
      lon: f64([103, 103.1]),
      lat: f64([-4.4, -4.3]),
      active: u8([0, 0]),
      villageIndex: new Int32Array(2),
    };
    const r2 = nearestAgents(buildAgentIndex(inactive, { cover: q }), q.lon, q.lat);
    expect([...r2.agent].every((a) => a === -1)).toBe(true);
  });

  it('households or agents without coordinates', () => {
    const agents = {
      lon: f64([103, Number.NaN, 103.002]),
      lat: f64([-4.4, -4.4, -4.4]),
      active: u8([1, 1, 1]),
      villageIndex: new Int32Array(3),
    };
    const r = nearestAgents(
      buildAgentIndex(agents),
      f64([Number.NaN, 103.0019, 103]),
      f64([-4.4, -4.4, Number.POSITIVE_INFINITY]),
    );
    expect([...r.agent]).toEqual([-1, 2, -1]);
    expect(r.distanceM[0]).toBeNaN();
    expect(r.distanceM[2]).toBeNaN();
  });

  it('settles near-ties on the sphere, not in the plane', () => {
    // Agent 0 due north and agent 1 due east of the household, equally far in the plane of a band
    // reaching 3° further south: the plane's east-west scale then differs from the sphere's, so only
    // the haversine check can pick the right one.
    const hLat = -4.4;
    const agents = {
      lon: f64([103, 103 + 0.009, 103.5]),
      lat: f64([north(hLat, 1000), hLat, -7.5]),
      active: u8([1, 1, 1]),
      villageIndex: new Int32Array(3),
    };
    const q = { lon: f64([103]), lat: f64([hLat]) };
    expectSameAsBruteForce(agents, q);
  });
});

describe('index structure', () => {
  it('builds the grid at once and the quadtree only for many queries per agent', () => {
    const agents = agentsFrom(points(300, 21, 'clustered'), 22, 0.015, 0.02);
    const index = buildAgentIndex(agents);
    expect(index.indexed.length).toBe([...agents.active].filter((a) => a === 1).length);
    expect(index.grid.cellStart[index.grid.nx * index.grid.ny]).toBe(index.indexed.length);
    expect(index.tree).toBeNull();
    const few = points(100, 23, 'uniform');
    nearestAgents(index, few.lon, few.lat);
    expect(index.tree).toBeNull();
    const many = points(QUADTREE_MIN_QUERIES_PER_AGENT * index.indexed.length, 24, 'uniform');
    const viaTree = nearestAgents(index, many.lon, many.lat);
    expect(index.tree).not.toBeNull();
    const viaGrid = nearestAgents(index, many.lon, many.lat, 'grid');
    expect([...viaTree.agent]).toEqual([...viaGrid.agent]);
    const stats = index.tree?.stats;
    expect(stats?.leaves).toBeGreaterThan(0);
    expect(stats?.meanLeafSize).toBeLessThanOrEqual(8);
    expect(stats?.nodes).toBeLessThan(300 * 80);
  });

  it('can build the quadtree up front', () => {
    const agents = agentsFrom(points(50, 25, 'uniform'), 26, 0, 0);
    expect(buildAgentIndex(agents, { quadtree: true }).tree).not.toBeNull();
  });
});
