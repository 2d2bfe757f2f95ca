/**
 * One distance and one definition: the SQL figures (DuckDB, household_coverage written by the loader)
 * equal the coverage engine's on hand-made edge cases — a household exactly at the limit where Turf's and
 * the engine's haversine disagree by one rounding step, an unknown agent id, an inactive agent, no agent —
 * and on generated datasets. (Rows without coordinates never reach these tables: the loader rejects them,
 * and the engine's NaN rule is tested in tests/analysis/coverage.test.ts.)
 */
import { distance } from '@turf/turf';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage, haversineM } from '../../../src/core/coverage-engine/index';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import { regencySummary, villageStats } from '../../../src/core/sql/queries';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { loadCoverageArrays } from '../../../src/features/supervisor/coverage-input';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,3.0,700
`;
const CASES = 'case_id,household_id,need,status,reported_at\n';

interface Hh {
  id: string;
  village: string;
  lon: number | null;
  lat: number | null;
  agent: string | null;
}
interface Ag {
  id: string;
  lon: number;
  lat: number;
  active: 0 | 1;
}

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
}, 120_000);

const num = (v: number | null) => (v === null ? '' : String(v));

async function load(households: readonly Hh[], agents: readonly Ag[]): Promise<void> {
  const files: Record<string, string> = {
    villages: VILLAGES,
    agents: `agent_id,agent_type,home_village_code,lon,lat,active\n${agents
      .map((a) => `${a.id},asn,17.01.04.2001,${a.lon},${a.lat},${a.active}`)
      .join('\n')}\n`,
    households: `household_id,village_code,lon,lat,agent_id\n${households
      .map((h) => `${h.id},${h.village},${num(h.lon)},${num(h.lat)},${h.agent ?? ''}`)
      .join('\n')}\n`,
    cases: CASES,
  };
  for (const table of ['villages', 'agents', 'households', 'cases'] as const) {
    await db.registerFile(`${table}.csv`, new TextEncoder().encode(files[table] as string));
    await loadCsvTable(db, table, `${table}.csv`);
  }
  await computeHouseholdCoverage(db);
}

/** SQL figures and the engine's, at one limit. */
async function both(limitM: number) {
  const summary = await regencySummary(db, limitM);
  const villages = await villageStats(db, 'any', limitM);
  const arrays = await loadCoverageArrays(db);
  const engine = computeCoverage(arrays, { thresholdM: limitM, minFamilies: 10, maxFamilies: 15 });
  return { summary, villages, engine, arrays };
}

function expectSame(r: Awaited<ReturnType<typeof both>>): void {
  const t = r.engine.totals;
  expect(r.summary.households).toBe(t.households);
  expect(r.summary.covered).toBe(t.covered);
  expect(r.summary.with_agent).toBe(t.covered + t.far);
  r.arrays.villageCodes.forEach((code, v) => {
    const row = r.villages.find((x) => x.village_code === code);
    expect(row?.households).toBe(r.engine.village.households[v]);
    expect(row?.covered).toBe(r.engine.village.covered[v]);
  });
}

/** A household/agent pair where Turf's distance is one rounding step above the engine's. */
function disagreeingPair(): { h: [number, number]; a: [number, number]; engine: number } {
  let seed = 11;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (;;) {
    const h: [number, number] = [102.9 + rand() * 0.02, -4.45 + rand() * 0.02];
    const a: [number, number] = [102.9 + rand() * 0.02, -4.45 + rand() * 0.02];
    const engine = haversineM(h[0], h[1], a[0], a[1]);
    if (distance(h, a, { units: 'meters' }) > engine) return { h, a, engine };
  }
}

describe('SQL figures equal the coverage engine', () => {
  it('on hand-made edge cases: exactly at the limit, unknown agent, inactive agent, no agent', async () => {
    const pair = disagreeingPair();
    const agents: Ag[] = [
      { id: 'A1', lon: pair.a[0], lat: pair.a[1], active: 1 },
      { id: 'A2', lon: 102.95, lat: -4.45, active: 0 },
    ];
    const households: Hh[] = [
      // Exactly at the limit by the engine's distance: covered (Turf would have said "far").
      { id: 'H1', village: '17.01.04.2001', lon: pair.h[0], lat: pair.h[1], agent: 'A1' },
      // An agent id that is not in the agents table: tanpa agen, not "with an agent".
      { id: 'H2', village: '17.01.04.2001', lon: pair.a[0], lat: pair.a[1], agent: 'A9' },
      // An inactive agent living next door: tanpa agen.
      { id: 'H3', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: 'A2' },
      // No agent.
      { id: 'H5', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: null },
    ];
    await load(households, agents);
    const r = await both(pair.engine);
    expect(r.engine.totals).toMatchObject({
      households: 4,
      covered: 1,
      far: 0,
      noAgent: 3,
      inactiveAgent: 1,
    });
    expect(r.summary).toMatchObject({ households: 4, covered: 1, with_agent: 1 });
    expectSame(r);
    // One step below the limit: nobody covered, in both.
    const below = await both(pair.engine - pair.engine * Number.EPSILON);
    expect(below.engine.totals.covered).toBe(0);
    expectSame(below);
  }, 120_000);

  it('on generated datasets and limits', async () => {
    const agent = fc.record({
      lon: fc.double({ min: 102.9, max: 102.96, noNaN: true }),
      lat: fc.double({ min: -4.47, max: -4.43, noNaN: true }),
      active: fc.constantFrom<0 | 1>(0, 1, 1),
    });
    const household = fc.record({
      village: fc.constantFrom('17.01.04.2001', '17.01.04.2002'),
      lon: fc.double({ min: 102.9, max: 102.96, noNaN: true }),
      lat: fc.double({ min: -4.47, max: -4.43, noNaN: true }),
      /** index into agents, or an unknown id (−1), or none (−2); atLimit puts the limit at this distance. */
      agent: fc.integer({ min: -2, max: 5 }),
      atLimit: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(agent, { minLength: 1, maxLength: 5 }),
        fc.array(household, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 250, max: 10_000 }),
        async (ags, hhs, limit) => {
          const agents: Ag[] = ags.map((a, k) => ({ id: `A${k}`, ...a }));
          const households: Hh[] = hhs.map((h, i) => {
            const k = h.agent < 0 ? h.agent : h.agent % agents.length;
            return {
              id: `H${i}`,
              village: h.village,
              lon: h.lon,
              lat: h.lat,
              agent: k === -2 ? null : k === -1 ? 'AX' : `A${k}`,
            };
          });
          // A limit exactly at one household's own-agent distance, when asked for.
          let limitM = limit;
          hhs.forEach((h, i) => {
            const own = households[i] as Hh;
            const a = agents.find((x) => x.id === own.agent);
            if (h.atLimit && a && own.lon !== null && own.lat !== null)
              limitM = haversineM(own.lon, own.lat, a.lon, a.lat);
          });
          await load(households, agents);
          expectSame(await both(limitM));
        },
      ),
      { numRuns: 10 },
    );
  }, 300_000);
});
