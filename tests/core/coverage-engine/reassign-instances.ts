/**
 * Generated instances for the reassignment oracles (brute force, maximum flow): agents and households on
 * a small integer grid (so ties in distance are common), some agents inactive, existing families next to
 * their agent, some households without coordinates, and sometimes a limit equal to one household–agent
 * distance exactly (a pair right at the limit). Visits are recorded or not; when they are, households have
 * random visit ages (or none): the proposal places households without a NEAR agent whatever their visits.
 */
import fc from 'fast-check';
import {
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  computeCoverage,
  haversineM,
  isNear,
} from '../../../src/core/coverage-engine/index';
import { M_PER_DEG, makeInput } from './fixtures';

const LAT0 = -4.4;
const LON0 = 103;
export const point = (x: number, y: number) => ({
  lon: LON0 + x / (M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180)),
  lat: LAT0 + y / M_PER_DEG,
});

export interface InstanceBounds {
  /** Coordinates are integers in 0 … extent (metres). */
  extent: number;
  maxAgents: number;
  maxHouseholds: number;
  maxFamilies: number;
  maxExtraCap: number;
  maxPairsPerCheck: number;
}

export function reassignInstance(b: InstanceBounds) {
  return fc.record({
    agents: fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: b.extent }),
        y: fc.integer({ min: 0, max: b.extent }),
        active: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
        families: fc.integer({ min: 0, max: b.maxFamilies }),
      }),
      { minLength: 1, maxLength: b.maxAgents },
    ),
    households: fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: b.extent }),
        y: fc.integer({ min: 0, max: b.extent }),
        /** −1 none; otherwise an agent (mod the agent count): far or covered depending on the distance. */
        agent: fc.integer({ min: -1, max: b.maxAgents - 1 }),
        noCoordinates: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        /** Days since the last visit; NaN = never. */
        visitAge: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 400 })),
      }),
      { minLength: 1, maxLength: b.maxHouseholds },
    ),
    thresholdM: fc.integer({ min: 250, max: Math.max(250, b.extent) }),
    visitsRecorded: fc.boolean(),
    visitDays: fc.integer({ min: 30, max: 365 }),
    /** When set, the limit is the distance of this (household, agent) pair exactly. */
    limitAtPair: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
    minFamilies: fc.integer({ min: 0, max: b.maxFamilies }),
    extraCap: fc.integer({ min: 0, max: b.maxExtraCap }),
    /** 0 starts the flow on each household's cheapest pairs alone: the check then widens the most. */
    startSlack: fc.constantFrom(0, 0, 0.01, 0.05, 1),
    pairsPerCheck: fc.integer({ min: 1, max: b.maxPairsPerCheck }),
  });
}

export type InstanceSpec = ReturnType<typeof reassignInstance> extends fc.Arbitrary<infer T> ? T : never;

export interface Instance {
  input: CoverageInput;
  options: CoverageOptions;
  before: CoverageResult;
  agents: number;
  /** Households without a near agent, with coordinates (the proposal's rows). */
  rows: number[];
  /** Places each agent can take (0 for inactive agents), and how many of them are below the minimum. */
  spare: number[];
  below: number[];
  /** The engine's distance between household i and agent a. */
  dist: (i: number, a: number) => number;
}

export function buildInstance(spec: InstanceSpec): Instance {
  const agents = spec.agents.map((a) => ({ ...point(a.x, a.y), active: a.active, village: 0 }));
  const households: { lon: number; lat: number; agent: number; village: number }[] = [];
  const visitAges: number[] = [];
  // Existing families, right next to their agent (and visited on the reference date).
  spec.agents.forEach((a, k) => {
    for (let j = 0; j < a.families; j++) {
      households.push({ ...point(a.x + j, a.y), agent: k, village: 0 });
      visitAges.push(0);
    }
  });
  for (const h of spec.households) {
    const p = h.noCoordinates ? { lon: Number.NaN, lat: Number.NaN } : point(h.x, h.y);
    households.push({ ...p, agent: h.agent < 0 ? -1 : h.agent % agents.length, village: 0 });
    visitAges.push(h.visitAge);
  }
  const input = makeInput({
    agents,
    households,
    villageDistrict: [0],
    districtCount: 1,
    ...(spec.visitsRecorded ? { visitAgeDays: visitAges } : {}),
  });
  const dist = (i: number, a: number) =>
    haversineM(
      input.households.lon[i] as number,
      input.households.lat[i] as number,
      input.agents.lon[a] as number,
      input.agents.lat[a] as number,
    );
  let thresholdM: number = spec.thresholdM;
  if (spec.limitAtPair) {
    const d = dist(spec.limitAtPair[0] % households.length, spec.limitAtPair[1] % agents.length);
    if (Number.isFinite(d) && d > 0) thresholdM = d;
  }
  const options: CoverageOptions = {
    thresholdM,
    visitDays: spec.visitDays,
    minFamilies: spec.minFamilies,
    maxFamilies: spec.minFamilies + spec.extraCap,
  };
  const before = computeCoverage(input, options);
  const fam = before.agent.families;
  const maxF = Math.floor(options.maxFamilies);
  const spare = agents.map((_, a) =>
    input.agents.active[a] === 1 ? Math.max(0, maxF - (fam[a] as number)) : 0,
  );
  const below = spare.map((s, a) =>
    Math.min(s, Math.max(0, Math.ceil(options.minFamilies - (fam[a] as number)))),
  );
  const rows: number[] = [];
  for (let i = 0; i < households.length; i++) {
    if (isNear(before.household.status[i] as number)) continue;
    if (Number.isFinite(input.households.lon[i])) rows.push(i);
  }
  return { input, options, before, agents: agents.length, rows, spare, below, dist };
}

/** Every (agent, distance) within the limit for each row, agents with a place left only. */
export function pairsWithinLimit(x: Instance): { agent: number; d: number }[][] {
  return x.rows.map((i) =>
    Array.from({ length: x.agents }, (_, a) => ({ agent: a, d: x.dist(i, a) })).filter(
      ({ agent, d }) => (x.spare[agent] as number) > 0 && d <= x.options.thresholdM,
    ),
  );
}
