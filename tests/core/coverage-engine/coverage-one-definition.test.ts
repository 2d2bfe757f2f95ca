/**
 * One distance and one definition: the SQL figures (DuckDB, household_coverage written by the loader)
 * equal the coverage engine's on hand-made edge cases — a household exactly at the limit where Turf's and
 * the engine's haversine disagree by one rounding step, an unknown agent id, an inactive agent, no agent;
 * visits never made, made exactly N and N+1 days before the reference date, made after it, and a dataset
 * that records no visits at all — and on generated datasets, rules and reference dates. The engine reads
 * its input the way the app does (loadCoverageArrays, visit ages from household_coverage); the SQL side
 * uses the rules' fragments (statusSql, coveredSql, nearSql) and the app's queries (the planner's overview,
 * read from its tables made under the rule, and villageStats). (Rows without coordinates never reach these tables: the loader rejects them, and the
 * engine's NaN rule is tested in engine.test.ts.)
 */
import { distance } from '@turf/turf';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CoverageRule,
  computeCoverage,
  coveredSql,
  HOUSEHOLD_STATUS,
  haversineM,
  nearSql,
  statusSql,
} from '../../../src/core/coverage-engine/index';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import { villageStats } from '../../../src/core/sql/queries';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { loadCoverageArrays } from '../../../src/features/supervisor/coverage-input';
import { startNodeDuckDb } from '../../helpers/duckdb-node';
import { type FixtureTables, loadFixtureTables } from '../../helpers/fixture-db';
import { overviewUnder } from '../../helpers/planner-overview';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,3.0,700
`;
const CASES = 'case_id,household_id,need,status,reported_at\n';
const REFERENCE = '2025-06-30';

interface Hh {
  id: string;
  village: string;
  lon: number | null;
  lat: number | null;
  agent: string | null;
  /** YYYY-MM-DD, or null = never visited. */
  lastVisit?: string | null;
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

/** The day `days` before `iso` (negative: after it), in the calendar (UTC, no time zone involved). */
function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function load(
  households: readonly Hh[],
  agents: readonly Ag[],
  referenceDate = REFERENCE,
): Promise<void> {
  const files: FixtureTables = {
    villages: VILLAGES,
    agents: `agent_id,agent_type,home_village_code,lon,lat,active\n${agents
      .map((a) => `${a.id},asn,17.01.04.2001,${a.lon},${a.lat},${a.active}`)
      .join('\n')}\n`,
    households: `household_id,village_code,lon,lat,agent_id,last_visit\n${households
      .map((h) => `${h.id},${h.village},${num(h.lon)},${num(h.lat)},${h.agent ?? ''},${h.lastVisit ?? ''}`)
      .join('\n')}\n`,
    cases: CASES,
  };
  await loadFixtureTables(db, files);
  await computeHouseholdCoverage(db, referenceDate);
}

interface SqlRow {
  status: number;
  covered: boolean;
  near: boolean;
  visit_age_days: number | null;
  visits_recorded: boolean | null;
}

/** Per household (row order): the SQL fragments of the rule over household_coverage. */
const sqlRows = (rule: CoverageRule) =>
  queryRows<SqlRow>(
    db,
    `SELECT (${statusSql(rule)})::INTEGER AS status, ${coveredSql(rule)} AS covered,
      ${nearSql(rule.thresholdM)} AS near, c.visit_age_days, c.visits_recorded
    FROM households h LEFT JOIN household_coverage c ON c.row_id = h.rowid ORDER BY h.rowid`,
  );

/** SQL figures and the engine's, for one rule. */
async function both(rule: CoverageRule) {
  const { summary, villages: coverage } = await overviewUnder(db, rule);
  const villages = await villageStats(db, 'any', rule);
  const rows = await sqlRows(rule);
  const arrays = await loadCoverageArrays(db);
  const engine = computeCoverage(arrays, { ...rule, minFamilies: 10, maxFamilies: 15 });
  return { rule, summary, villages, coverage, rows, engine, arrays };
}

type Both = Awaited<ReturnType<typeof both>>;

function expectSame(r: Both): void {
  const t = r.engine.totals;
  // Household by household: the SQL status is the engine's, and covered/near are its statuses.
  expect(r.rows.map((x) => x.status)).toEqual([...r.engine.household.status]);
  expect(r.rows.map((x) => x.covered)).toEqual(
    [...r.engine.household.status].map((s) => s === HOUSEHOLD_STATUS.covered),
  );
  expect(r.rows.filter((x) => x.near).length).toBe(t.near);
  // Regency figures.
  expect(r.summary.households).toBe(t.households);
  expect(r.summary.covered).toBe(t.covered);
  expect(r.summary.near).toBe(t.near);
  expect(r.summary.with_agent).toBe(t.near + t.far);
  if (t.households > 0) {
    expect(r.summary.coverage_pct).toBeCloseTo(t.coveragePct, 9);
    expect(r.summary.near_pct).toBeCloseTo(t.nearPct, 9);
  }
  // Whether visits are recorded: one flag in SQL (every row alike), the presence of visit ages in the engine.
  const recorded = r.rows.map((x) => x.visits_recorded);
  expect(new Set(recorded).size).toBeLessThanOrEqual(1);
  expect(t.visitsRecorded).toBe(recorded[0] ?? false);
  expect(r.summary.visits_recorded).toBe(t.visitsRecorded);
  // Village figures.
  r.arrays.villageCodes.forEach((code, v) => {
    const row = r.villages.find((x) => x.village_code === code);
    expect(row?.households).toBe(r.engine.village.households[v]);
    expect(row?.covered).toBe(r.engine.village.covered[v]);
    expect(row?.near).toBe(r.engine.village.near[v]);
    // The summary's ranking reads the same figures without the needs.
    const lean = r.coverage.find((x) => x.village_code === code);
    expect(lean).toEqual({
      village_code: code,
      village_name: row?.village_name,
      district_name: row?.district_name,
      households: row?.households,
      covered: row?.covered,
      near: row?.near,
      coverage_pct: row?.coverage_pct,
    });
  });
  expect(r.coverage).toHaveLength(r.villages.length);
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

const { noAgent, far, covered, unvisited, visitUnknown } = HOUSEHOLD_STATUS;

describe('SQL figures equal the coverage engine', () => {
  it('on hand-made edge cases: exactly at the limit, unknown agent, inactive agent, no agent', async () => {
    const pair = disagreeingPair();
    const agents: Ag[] = [
      { id: 'A1', lon: pair.a[0], lat: pair.a[1], active: 1 },
      { id: 'A2', lon: 102.95, lat: -4.45, active: 0 },
    ];
    const households: Hh[] = [
      // Exactly at the limit by the engine's distance, visited on the reference date: covered (Turf would
      // have said "far").
      {
        id: 'H1',
        village: '17.01.04.2001',
        lon: pair.h[0],
        lat: pair.h[1],
        agent: 'A1',
        lastVisit: REFERENCE,
      },
      // An agent id that is not in the agents table: tanpa agen, not "with an agent".
      {
        id: 'H2',
        village: '17.01.04.2001',
        lon: pair.a[0],
        lat: pair.a[1],
        agent: 'A9',
        lastVisit: REFERENCE,
      },
      // An inactive agent living next door: tanpa agen, visited or not.
      { id: 'H3', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: 'A2', lastVisit: REFERENCE },
      // No agent.
      { id: 'H5', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: null },
    ];
    await load(households, agents);
    const r = await both({ thresholdM: pair.engine, visitDays: 90 });
    expect(r.engine.totals).toMatchObject({
      households: 4,
      covered: 1,
      near: 1,
      far: 0,
      noAgent: 3,
      inactiveAgent: 1,
      visitsRecorded: true,
    });
    expect(r.summary).toMatchObject({ households: 4, covered: 1, near: 1, with_agent: 1 });
    expectSame(r);
    // One step below the limit: nobody near (so nobody covered), in both.
    const below = await both({ thresholdM: pair.engine - pair.engine * Number.EPSILON, visitDays: 90 });
    expect(below.engine.totals).toMatchObject({ covered: 0, near: 0, far: 1 });
    expectSame(below);
  }, 120_000);

  it('on visits: never, exactly N and N+1 days before the reference date, after it; far and inactive', async () => {
    const N = 90;
    const agents: Ag[] = [
      { id: 'A1', lon: 102.9, lat: -4.45, active: 1 },
      { id: 'A2', lon: 102.95, lat: -4.45, active: 0 },
    ];
    const at = { village: '17.01.04.2001', lon: 102.9, lat: -4.45 };
    const farAway = { village: '17.01.04.2002', lon: 102.95, lat: -4.45 }; // ≈ 5.5 km from A1
    const households: Hh[] = [
      { id: 'V0', ...at, agent: 'A1', lastVisit: null },
      { id: 'V1', ...at, agent: 'A1', lastVisit: daysBefore(REFERENCE, N) },
      { id: 'V2', ...at, agent: 'A1', lastVisit: daysBefore(REFERENCE, N + 1) },
      { id: 'V3', ...at, agent: 'A1', lastVisit: daysBefore(REFERENCE, -5) },
      { id: 'V4', ...farAway, agent: 'A1', lastVisit: daysBefore(REFERENCE, 1) },
      { id: 'V5', ...farAway, agent: 'A2', lastVisit: daysBefore(REFERENCE, 1) },
      { id: 'V6', ...farAway, agent: null, lastVisit: daysBefore(REFERENCE, 1) },
    ];
    expect(households[1]?.lastVisit).toBe('2025-04-01');
    await load(households, agents);

    const rule = { thresholdM: 1000, visitDays: N };
    const r = await both(rule);
    // The loader's visit ages, read by the engine as the app reads them.
    expect(r.rows.map((x) => x.visit_age_days)).toEqual([null, N, N + 1, -5, 1, 1, 1]);
    expect([...(r.arrays.households.visitAgeDays ?? [])]).toEqual([Number.NaN, N, N + 1, -5, 1, 1, 1]);
    expect([...r.engine.household.status]).toEqual([
      unvisited,
      covered,
      unvisited,
      covered,
      far,
      noAgent,
      noAgent,
    ]);
    expect(r.engine.totals).toMatchObject({
      households: 7,
      covered: 2,
      unvisited: 2,
      visitUnknown: 0,
      near: 4,
      far: 1,
      noAgent: 2,
      visitsRecorded: true,
    });
    expect(r.summary).toMatchObject({ covered: 2, near: 4, with_agent: 5 });
    expect([...r.engine.agent.visitedRecently]).toEqual([3, 1]);
    expect([...r.engine.agent.neverVisited]).toEqual([1, 0]);
    expectSame(r);

    // The window moves covered only, in both; near stays.
    const cases: [CoverageRule, number, number][] = [
      [{ thresholdM: 1000, visitDays: N - 1 }, 1, 4], // V3 only
      [{ thresholdM: 1000, visitDays: N + 1 }, 3, 4], // V1, V2, V3
      [{ thresholdM: 1000, visitDays: 30 }, 1, 4],
      [{ thresholdM: 1000, visitDays: 365 }, 3, 4],
      [{ thresholdM: 10_000, visitDays: N }, 3, 5], // V4 is near now, visited yesterday
      [{ thresholdM: 0, visitDays: 365 }, 3, 4], // at the agent's home: 0 m is within a 0 m limit
    ];
    for (const [rule, wantCovered, wantNear] of cases) {
      const x = await both(rule);
      expect({ covered: x.engine.totals.covered, near: x.engine.totals.near }).toEqual({
        covered: wantCovered,
        near: wantNear,
      });
      expectSame(x);
    }
  }, 120_000);

  it('on a dataset without any visit date: visits_recorded false everywhere, near rows visitUnknown', async () => {
    const agents: Ag[] = [
      { id: 'A1', lon: 102.9, lat: -4.45, active: 1 },
      { id: 'A2', lon: 102.95, lat: -4.45, active: 0 },
    ];
    const households: Hh[] = [
      { id: 'U0', village: '17.01.04.2001', lon: 102.9, lat: -4.45, agent: 'A1' },
      { id: 'U1', village: '17.01.04.2001', lon: 102.9, lat: -4.455, agent: 'A1' },
      { id: 'U2', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: 'A1' }, // far
      { id: 'U3', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: 'A2' }, // inactive
      { id: 'U4', village: '17.01.04.2002', lon: 102.95, lat: -4.45, agent: null },
    ];
    await load(households, agents);
    const r = await both({ thresholdM: 1000, visitDays: 90 });
    expect(r.rows.map((x) => x.visits_recorded)).toEqual([false, false, false, false, false]);
    expect(r.rows.map((x) => x.visit_age_days)).toEqual([null, null, null, null, null]);
    expect(r.rows.map((x) => x.status)).toEqual([visitUnknown, visitUnknown, far, noAgent, noAgent]);
    for (const x of r.rows) if (x.near) expect(x.status).toBe(visitUnknown);
    expect(r.arrays.households.visitAgeDays).toBeUndefined();
    expect(r.engine.totals).toMatchObject({
      visitsRecorded: false,
      covered: 0,
      unvisited: 0,
      visitUnknown: 2,
      near: 2,
      far: 1,
      noAgent: 2,
    });
    expect(r.summary).toMatchObject({
      covered: 0,
      near: 2,
      coverage_pct: 0,
      near_pct: 40,
      visits_recorded: false,
    });
    expect([...r.engine.agent.visitedRecently]).toEqual([0, 0]);
    expect([...r.engine.agent.neverVisited]).toEqual([0, 0]);
    expectSame(r);
    // However long the window.
    expectSame(await both({ thresholdM: 1000, visitDays: 365 }));
  }, 120_000);

  it('on generated datasets, rules and reference dates', async () => {
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
      /** Days before the reference date of the last visit (negative: after it); null = never. */
      visitAge: fc.option(fc.integer({ min: -10, max: 400 }), { nil: null }),
      /** Puts the window exactly at this household's visit age. */
      atWindow: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(agent, { minLength: 1, maxLength: 5 }),
        fc.array(household, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 250, max: 10_000 }),
        fc.integer({ min: 30, max: 365 }),
        fc.boolean(),
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        async (ags, hhs, limit, window, visitsRecorded, refDate) => {
          const reference = refDate.toISOString().slice(0, 10);
          const agents: Ag[] = ags.map((a, k) => ({ id: `A${k}`, ...a }));
          const households: Hh[] = hhs.map((h, i) => {
            const k = h.agent < 0 ? h.agent : h.agent % agents.length;
            return {
              id: `H${i}`,
              village: h.village,
              lon: h.lon,
              lat: h.lat,
              agent: k === -2 ? null : k === -1 ? 'AX' : `A${k}`,
              lastVisit: visitsRecorded && h.visitAge !== null ? daysBefore(reference, h.visitAge) : null,
            };
          });
          // A limit exactly at one household's own-agent distance, a window exactly at one's visit age.
          let thresholdM = limit;
          let visitDays = window;
          hhs.forEach((h, i) => {
            const own = households[i] as Hh;
            const a = agents.find((x) => x.id === own.agent);
            if (h.atLimit && a && own.lon !== null && own.lat !== null)
              thresholdM = haversineM(own.lon, own.lat, a.lon, a.lat);
            if (h.atWindow && h.visitAge !== null && h.visitAge >= 0) visitDays = h.visitAge;
          });
          await load(households, agents, reference);
          const r = await both({ thresholdM, visitDays });
          expectSame(r);
          expect(r.engine.totals.visitsRecorded).toBe(households.some((h) => h.lastVisit));
          // The loader's ages are the generated ones.
          expect(r.rows.map((x) => x.visit_age_days)).toEqual(
            households.map((h, i) => (h.lastVisit ? (hhs[i]?.visitAge ?? null) : null)),
          );
          // Another window: near does not move, covered agrees again.
          const other = await both({ thresholdM, visitDays: window === visitDays ? 365 : window });
          expect(other.engine.totals.near).toBe(r.engine.totals.near);
          expectSame(other);
        },
      ),
      { numRuns: 10 },
    );
  }, 300_000);
});
