import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  computeCoverage,
  HOUSEHOLD_STATUS,
} from '../../../src/core/coverage-engine';
import { createMaskingPolicy } from '../../../src/core/privacy/privacy';
import {
  AGENT_SHOWS,
  type AgentFacts,
  type AgentFilter,
  type AgentRow,
  type AgentShow,
  agentRows,
  familiesByStatus,
  filterAgentRows,
  NO_AGENT_FILTER,
  type OfficeRow,
  officeRollup,
  sortAgentRows,
  sortOfficeRows,
} from '../../../src/features/supervisor/agent-list';
import type { AreaName } from '../../../src/features/supervisor/coverage-rows';
import { makeInput, north } from '../../core/coverage-engine/fixtures';

const LAT = -4.4;
const policy = createMaskingPolicy(new Uint8Array(16).fill(7));
const AGENT_IDS = ['AGT-001', 'AGT-002', 'AGT-003', 'AGT-004'];
const pseudonym = (a: number) => policy.pseudonym('agent', AGENT_IDS[a] ?? `AGT-${a}`);

const VILLAGES: AreaName[] = [
  { code: 'V1', name: 'Pasar Manna', districtCode: 'D1', districtName: 'Kota Manna' },
  { code: 'V2', name: 'Kedurang Ilir', districtCode: 'D1', districtName: 'Kota Manna' },
  { code: 'V3', name: 'Gunung Ayu', districtCode: 'D2', districtName: 'Pino Raya' },
];

const OPTIONS: CoverageOptions = { thresholdM: 1000, visitDays: 90, minFamilies: 3, maxFamilies: 3 };

/**
 * Four agents:
 * 0 active, Pasar Manna, asn, Dinas Kesehatan: 4 families (1 covered, 1 unvisited, 1 far but visited, 1 near
 *   never visited) → above the cap (3), farthest 5 km;
 * 1 active, Gunung Ayu, honorer, no office: 2 families (1 covered, 1 far never visited) → below the minimum;
 * 2 INACTIVE, Kedurang Ilir, pppk, Dinas Sosial: 1 family (noAgent, though visited 1 day ago);
 * 3 active, unknown village, asn, Dinas Kesehatan: no family → below the minimum, no distance.
 * One more household has no agent at all.
 */
function scenario(visits: boolean): { input: CoverageInput; result: CoverageResult; facts: AgentFacts } {
  const hh = (agent: number, lon: number, m: number, village: number) => ({
    lon,
    lat: north(LAT, m),
    agent,
    village,
  });
  const input = makeInput({
    agents: [
      { lon: 103, lat: LAT, village: 0 },
      { lon: 103.1, lat: LAT, village: 2 },
      { lon: 103.2, lat: LAT, village: 1, active: false },
      { lon: 103.3, lat: LAT },
    ],
    households: [
      hh(0, 103, 100, 0), // covered (age 10)
      hh(0, 103, 500, 0), // unvisited (age 200)
      hh(0, 103, 5000, 1), // far, visited 5 days ago
      hh(0, 103, 200, 0), // near, never visited
      hh(1, 103.1, 100, 2), // covered (age 0)
      hh(1, 103.1, 2000, 2), // far, never visited
      hh(2, 103.2, 10, 1), // inactive agent: noAgent, visited 1 day ago
      hh(-1, 103.3, 0, -1), // no agent
    ],
    villageDistrict: [0, 0, 1],
    districtCount: 2,
    ...(visits ? { visitAgeDays: [10, 200, 5, Number.NaN, 0, Number.NaN, 1, 3] } : {}),
  });
  const result = computeCoverage(input, OPTIONS);
  const facts: AgentFacts = {
    type: ['asn', 'honorer', 'pppk', 'asn'],
    office: ['Dinas Kesehatan', null, 'Dinas Sosial', 'Dinas Kesehatan'],
    villageIndex: input.agents.villageIndex,
    active: input.agents.active,
  };
  return { input, result, facts };
}

const build = (visits: boolean): AgentRow[] => {
  const { input, result, facts } = scenario(visits);
  return agentRows(result, input.households.agentIndex, facts, VILLAGES, pseudonym);
};

const ids = (rows: readonly AgentRow[]) => rows.map((r) => r.agent);
const filter = (f: Partial<AgentFilter>): AgentFilter => ({ ...NO_AGENT_FILTER, ...f });

describe('familiesByStatus', () => {
  it('counts covered and near families per agent, skipping households without an agent', () => {
    const { covered, unvisited, visitUnknown, far, noAgent } = HOUSEHOLD_STATUS;
    const out = familiesByStatus(
      Int32Array.from([0, 0, 0, 1, 1, -1, 2, 0]),
      Uint8Array.from([covered, unvisited, far, visitUnknown, covered, covered, noAgent, covered]),
      4,
    );
    expect([...out.covered]).toEqual([2, 1, 0, 0]);
    expect([...out.near]).toEqual([3, 2, 0, 0]);
  });

  it('gives zeros for no households', () => {
    const out = familiesByStatus(new Int32Array(0), new Uint8Array(0), 2);
    expect([...out.covered]).toEqual([0, 0]);
    expect([...out.near]).toEqual([0, 0]);
  });
});

describe('agentRows', () => {
  it('the scenario has the statuses it claims', () => {
    const { result } = scenario(true);
    const { covered, unvisited, far, noAgent } = HOUSEHOLD_STATUS;
    expect([...result.household.status]).toEqual([
      covered,
      unvisited,
      far,
      unvisited,
      covered,
      far,
      noAgent,
      noAgent,
    ]);
  });

  it('gives one row per agent, inactive ones and ones without families included, in engine order', () => {
    const rows = build(true);
    expect(ids(rows)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.code)).toEqual([0, 1, 2, 3].map(pseudonym));
    expect(rows.map((r) => r.active)).toEqual([true, true, false, true]);
  });

  it('never puts the agent id in a row', () => {
    const text = JSON.stringify(build(true));
    for (const id of AGENT_IDS) expect(text).not.toContain(id);
  });

  it('fills load, visits, distance and flags (visits recorded)', () => {
    const [r0, r1, r2, r3] = build(true);
    expect(r0).toMatchObject({
      type: 'asn',
      office: 'Dinas Kesehatan',
      village: 'Pasar Manna',
      villageCode: 'V1',
      district: 'Kota Manna',
      districtCode: 'D1',
      families: 4,
      familiesCovered: 1,
      visited: 2, // the covered one and the far one visited 5 days ago
      visitedPct: 50,
      neverVisited: 1,
      belowMin: false,
      aboveCap: true,
    });
    expect(r0?.maxDistanceM).toBeCloseTo(5000, 3);
    expect(r1).toMatchObject({
      type: 'honorer',
      office: null,
      village: 'Gunung Ayu',
      districtCode: 'D2',
      district: 'Pino Raya',
      families: 2,
      familiesCovered: 1,
      visited: 1,
      visitedPct: 50,
      neverVisited: 1,
      belowMin: true,
      aboveCap: false,
    });
    expect(r1?.maxDistanceM).toBeCloseTo(2000, 3);
    // Inactive: its family is tanpa agen (not covered) although visited; not "below the minimum".
    expect(r2).toMatchObject({
      active: false,
      type: 'pppk',
      village: 'Kedurang Ilir',
      families: 1,
      familiesCovered: 0,
      visited: 1,
      visitedPct: 100,
      neverVisited: 0,
      belowMin: false,
      aboveCap: false,
    });
    // No village, no family: place and distance unknown, visitedPct null (no families), not NaN.
    expect(r3).toMatchObject({
      village: null,
      villageCode: null,
      district: null,
      districtCode: null,
      families: 0,
      familiesCovered: 0,
      visited: 0,
      visitedPct: null,
      neverVisited: 0,
      maxDistanceM: null,
      belowMin: true,
      aboveCap: false,
    });
  });

  it('says "no data" for visits when the dataset records none', () => {
    const rows = build(false);
    for (const r of rows) {
      expect(r.visited).toBeNull();
      expect(r.visitedPct).toBeNull();
      expect(r.neverVisited).toBeNull();
      // Near households are visitUnknown, never terjangkau.
      expect(r.familiesCovered).toBe(0);
    }
    expect(rows.map((r) => r.families)).toEqual([4, 2, 1, 0]);
  });

  it('falls back to "" type and null office when the facts are shorter than the agents', () => {
    const { input, result } = scenario(true);
    const rows = agentRows(
      result,
      input.households.agentIndex,
      { type: ['asn'], office: [], villageIndex: new Int32Array(0), active: input.agents.active },
      VILLAGES,
      pseudonym,
    );
    expect(rows[1]).toMatchObject({ type: '', office: null, village: null, districtCode: null });
  });
});

describe('filterAgentRows', () => {
  const rows = build(true);

  it.each([
    ['active', [0, 1, 3]],
    ['belowMin', [1, 3]],
    ['aboveCap', [0]],
    ['neverVisited', [0, 1]],
    ['inactive', [2]],
    ['all', [0, 1, 2, 3]],
  ] as [AgentShow, number[]][])('show %s', (show, expected) => {
    expect(ids(filterAgentRows(rows, filter({ show })))).toEqual(expected);
  });

  it('shows active agents by default', () => {
    expect(ids(filterAgentRows(rows, NO_AGENT_FILTER))).toEqual([0, 1, 3]);
  });

  it('belowMin never lists an inactive agent, even if flagged', () => {
    const odd = { ...(rows[2] as AgentRow), belowMin: true };
    expect(filterAgentRows([odd], filter({ show: 'belowMin' }))).toEqual([]);
  });

  it('neverVisited lists nobody when visits are not recorded', () => {
    expect(filterAgentRows(build(false), filter({ show: 'neverVisited' }))).toEqual([]);
  });

  it('matches text against the office, case-insensitively and trimmed', () => {
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: 'KESEHATAN' })))).toEqual([0, 3]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: '  dinas sosial ' })))).toEqual([2]);
  });

  it('matches text against the home village', () => {
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: 'gunung' })))).toEqual([1]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: 'MANNA' })))).toEqual([0]);
  });

  it('matches text against the pseudonym, in any case', () => {
    const code = (rows[2] as AgentRow).code;
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: code.toLowerCase() })))).toEqual([2]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: code })))).toEqual([2]);
  });

  it('never matches the raw agent id (only its pseudonym is in the row)', () => {
    expect(filterAgentRows(rows, filter({ show: 'all', text: 'AGT-003' }))).toEqual([]);
  });

  it('whitespace-only text filters nothing out', () => {
    expect(ids(filterAgentRows(rows, filter({ show: 'all', text: '   ' })))).toEqual([0, 1, 2, 3]);
  });

  it('text that matches nothing gives nothing', () => {
    expect(filterAgentRows(rows, filter({ show: 'all', text: 'zzz' }))).toEqual([]);
  });

  it('filters by district, village, type and office', () => {
    expect(ids(filterAgentRows(rows, filter({ show: 'all', districtCode: 'D1' })))).toEqual([0, 2]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', villageCode: 'V3' })))).toEqual([1]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', type: 'asn' })))).toEqual([0, 3]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', type: 'pppk' })))).toEqual([2]);
    expect(ids(filterAgentRows(rows, filter({ show: 'active', type: 'pppk' })))).toEqual([]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', office: 'Dinas Kesehatan' })))).toEqual([0, 3]);
    expect(ids(filterAgentRows(rows, filter({ show: 'all', office: 'dinas kesehatan' })))).toEqual([]); // exact
  });

  it('combines filters (all must hold)', () => {
    expect(
      ids(filterAgentRows(rows, filter({ show: 'belowMin', office: 'Dinas Kesehatan', type: 'asn' }))),
    ).toEqual([3]);
    expect(
      filterAgentRows(rows, filter({ show: 'all', districtCode: 'D2', office: 'Dinas Sosial' })),
    ).toEqual([]);
  });
});

describe('sortAgentRows', () => {
  const rows = build(true);

  it('by families, both directions', () => {
    expect(ids(sortAgentRows(rows, 'families', 'asc'))).toEqual([3, 2, 1, 0]);
    expect(ids(sortAgentRows(rows, 'families', 'desc'))).toEqual([0, 1, 2, 3]);
  });

  it('by farthest family, no distance last in both directions', () => {
    expect(ids(sortAgentRows(rows, 'maxDistanceM', 'asc'))).toEqual([2, 1, 0, 3]);
    expect(ids(sortAgentRows(rows, 'maxDistanceM', 'desc'))).toEqual([0, 1, 2, 3]);
  });

  it('ties by load (most families first) in both directions, no data last', () => {
    // visitedPct: 50 (4 families), 50 (2 families), 100, null.
    expect(ids(sortAgentRows(rows, 'visitedPct', 'asc'))).toEqual([0, 1, 2, 3]);
    expect(ids(sortAgentRows(rows, 'visitedPct', 'desc'))).toEqual([2, 0, 1, 3]);
  });

  it('by office: text order, no office last', () => {
    expect(ids(sortAgentRows(rows, 'office', 'asc'))).toEqual([0, 3, 2, 1]);
    expect(ids(sortAgentRows(rows, 'office', 'desc'))).toEqual([2, 0, 3, 1]);
  });

  it('by village: no village last', () => {
    expect(ids(sortAgentRows(rows, 'village', 'asc'))).toEqual([1, 2, 0, 3]);
    expect(ids(sortAgentRows(rows, 'village', 'desc'))).toEqual([0, 2, 1, 3]);
  });

  it('then by pseudonym when the load ties too', () => {
    const base = rows[0] as AgentRow;
    const same = ['AG-CCC', 'AG-AAA', 'AG-BBB'].map((code, agent) => ({ ...base, agent, code }));
    expect(sortAgentRows(same, 'families', 'asc').map((r) => r.code)).toEqual(['AG-AAA', 'AG-BBB', 'AG-CCC']);
    expect(sortAgentRows(same, 'families', 'desc').map((r) => r.code)).toEqual([
      'AG-AAA',
      'AG-BBB',
      'AG-CCC',
    ]);
  });

  it('no visits recorded: every visitedPct is missing, order falls to load', () => {
    expect(ids(sortAgentRows(build(false), 'neverVisited', 'asc'))).toEqual([0, 1, 2, 3]);
  });
});

describe('officeRollup', () => {
  it('sums by office in first-appearance order, no office as its own group', () => {
    const offices = officeRollup(build(true));
    expect(offices).toEqual<OfficeRow[]>([
      {
        office: 'Dinas Kesehatan',
        agents: 2,
        activeAgents: 2,
        families: 4,
        familiesCovered: 1,
        coveragePct: 25,
        visited: 2,
        visitedPct: 50,
        neverVisited: 1,
        belowMin: 1,
        aboveCap: 1,
      },
      {
        office: null,
        agents: 1,
        activeAgents: 1,
        families: 2,
        familiesCovered: 1,
        coveragePct: 50,
        visited: 1,
        visitedPct: 50,
        neverVisited: 1,
        belowMin: 1,
        aboveCap: 0,
      },
      {
        office: 'Dinas Sosial',
        agents: 1,
        activeAgents: 0,
        families: 1,
        familiesCovered: 0,
        coveragePct: 0,
        visited: 1,
        visitedPct: 100,
        neverVisited: 0,
        belowMin: 0,
        aboveCap: 0,
      },
    ]);
  });

  it('keeps visits as no data when not recorded', () => {
    for (const o of officeRollup(build(false))) {
      expect(o.visited).toBeNull();
      expect(o.visitedPct).toBeNull();
      expect(o.neverVisited).toBeNull();
      expect(o.familiesCovered).toBe(0);
    }
  });

  it('an office without families has no coverage rate (not NaN, not 0)', () => {
    const r3 = build(true)[3] as AgentRow;
    const [o] = officeRollup([{ ...r3, office: 'Bappeda' }]);
    expect(o).toMatchObject({
      office: 'Bappeda',
      agents: 1,
      families: 0,
      coveragePct: null,
      visitedPct: null,
    });
  });

  it('gives nothing for no agents', () => {
    expect(officeRollup([])).toEqual([]);
  });

  it('sortOfficeRows: no office last, no data last, ties by families', () => {
    const offices = officeRollup(build(true));
    const names = (rows: OfficeRow[]) => rows.map((o) => o.office);
    expect(names(sortOfficeRows(offices, 'office', 'asc'))).toEqual([
      'Dinas Kesehatan',
      'Dinas Sosial',
      null,
    ]);
    expect(names(sortOfficeRows(offices, 'office', 'desc'))).toEqual([
      'Dinas Sosial',
      'Dinas Kesehatan',
      null,
    ]);
    expect(names(sortOfficeRows(offices, 'coveragePct', 'asc'))).toEqual([
      'Dinas Sosial',
      'Dinas Kesehatan',
      null,
    ]);
    expect(names(sortOfficeRows(offices, 'coveragePct', 'desc'))).toEqual([
      null,
      'Dinas Kesehatan',
      'Dinas Sosial',
    ]);
    // visitedPct ties at 50: the office with more families first, whatever the direction.
    expect(names(sortOfficeRows(offices, 'visitedPct', 'asc'))).toEqual([
      'Dinas Kesehatan',
      null,
      'Dinas Sosial',
    ]);
    expect(names(sortOfficeRows(offices, 'visitedPct', 'desc'))).toEqual([
      'Dinas Sosial',
      'Dinas Kesehatan',
      null,
    ]);
    // Same with the input reversed: the tie goes by families, not by input order.
    const reversed = [...offices].reverse();
    expect(names(sortOfficeRows(reversed, 'visitedPct', 'asc'))).toEqual([
      'Dinas Kesehatan',
      null,
      'Dinas Sosial',
    ]);
    expect(names(sortOfficeRows(reversed, 'visitedPct', 'desc'))).toEqual([
      'Dinas Sosial',
      'Dinas Kesehatan',
      null,
    ]);
    const noVisits = officeRollup(build(false));
    expect(names(sortOfficeRows(noVisits, 'visitedPct', 'desc'))).toEqual([
      'Dinas Kesehatan',
      null,
      'Dinas Sosial',
    ]);
  });
});

describe('properties over random small datasets', () => {
  const OFFICES = ['Dinas Kesehatan', 'Dinas Sosial', 'Bappeda', null] as const;
  const TYPES = ['asn', 'pppk', 'honorer'] as const;

  const datasetArb = fc
    .record({
      agents: fc.array(
        fc.record({
          dLon: fc.double({ min: 0, max: 0.05, noNaN: true }),
          active: fc.boolean(),
          village: fc.integer({ min: -1, max: 2 }),
          office: fc.constantFrom(...OFFICES),
          type: fc.constantFrom(...TYPES),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      households: fc.array(
        fc.record({
          agentPick: fc.integer({ min: -1, max: 5 }),
          dLon: fc.double({ min: 0, max: 0.05, noNaN: true }),
          north: fc.integer({ min: 0, max: 3000 }),
          village: fc.integer({ min: -1, max: 2 }),
          age: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 200 })),
        }),
        { maxLength: 30 },
      ),
      visits: fc.boolean(),
      thresholdM: fc.integer({ min: 0, max: 3000 }),
      visitDays: fc.integer({ min: 0, max: 120 }),
      minFamilies: fc.integer({ min: 0, max: 6 }),
      maxFamilies: fc.integer({ min: 0, max: 8 }),
    })
    .map((d) => {
      const m = d.agents.length;
      const input = makeInput({
        agents: d.agents.map((a) => ({ lon: 103 + a.dLon, lat: LAT, active: a.active, village: a.village })),
        households: d.households.map((h) => ({
          lon: 103 + h.dLon,
          lat: north(LAT, h.north),
          agent: h.agentPick < 0 ? -1 : h.agentPick % m,
          village: h.village,
        })),
        villageDistrict: [0, 0, 1],
        districtCount: 2,
        ...(d.visits ? { visitAgeDays: d.households.map((h) => h.age) } : {}),
      });
      const result = computeCoverage(input, {
        thresholdM: d.thresholdM,
        visitDays: d.visitDays,
        minFamilies: d.minFamilies,
        maxFamilies: d.maxFamilies,
      });
      const facts: AgentFacts = {
        type: d.agents.map((a) => a.type),
        office: d.agents.map((a) => a.office),
        villageIndex: input.agents.villageIndex,
        active: input.agents.active,
      };
      const rows = agentRows(
        result,
        input.households.agentIndex,
        facts,
        VILLAGES,
        (a) => `AG-${'ABCDEFG'[a]}`,
      );
      return { input, result, rows, visits: d.visits };
    });

  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

  it('rows and office roll-up agree with the engine', () => {
    fc.assert(
      fc.property(datasetArb, ({ input, result, rows, visits }) => {
        const m = input.agents.lon.length;
        expect(ids(rows)).toEqual(Array.from({ length: m }, (_, i) => i));
        const withAgent = [...input.households.agentIndex].filter((a) => a >= 0).length;
        expect(sum(rows.map((r) => r.families))).toBe(withAgent);
        // Covered households always have an active agent, so every one is counted with some agent.
        expect(sum(rows.map((r) => r.familiesCovered))).toBe(result.totals.covered);
        const coveredWithAgent = [...result.household.status].filter(
          (s, i) => s === HOUSEHOLD_STATUS.covered && (input.households.agentIndex[i] as number) >= 0,
        ).length;
        expect(coveredWithAgent).toBe(result.totals.covered);
        for (const r of rows) {
          expect(r.familiesCovered).toBeLessThanOrEqual(r.families);
          if (!r.active) expect(r.familiesCovered).toBe(0);
          expect(r.visited === null).toBe(!visits);
          expect(r.neverVisited === null).toBe(!visits);
          if (r.visited !== null) {
            expect(r.familiesCovered).toBeLessThanOrEqual(r.visited);
            expect(r.visited + (r.neverVisited ?? 0)).toBeLessThanOrEqual(r.families);
          }
          if (r.visitedPct !== null) {
            expect(r.visitedPct).toBeGreaterThanOrEqual(0);
            expect(r.visitedPct).toBeLessThanOrEqual(100);
          }
          if (r.families === 0) expect(r.visitedPct).toBeNull();
          expect(r.maxDistanceM === null || Number.isFinite(r.maxDistanceM)).toBe(true);
        }

        const offices = officeRollup(rows);
        expect(new Set(offices.map((o) => o.office)).size).toBe(offices.length);
        expect(sum(offices.map((o) => o.agents))).toBe(m);
        expect(sum(offices.map((o) => o.activeAgents))).toBe(result.totals.activeAgents);
        expect(sum(offices.map((o) => o.families))).toBe(sum(rows.map((r) => r.families)));
        expect(sum(offices.map((o) => o.familiesCovered))).toBe(result.totals.covered);
        expect(sum(offices.map((o) => o.belowMin))).toBe(result.totals.agentsBelowMin);
        expect(sum(offices.map((o) => o.aboveCap))).toBe(result.totals.agentsAboveCap);
        for (const o of offices) {
          const mine = rows.filter((r) => r.office === o.office);
          expect(o.agents).toBe(mine.length);
          expect(o.families).toBe(sum(mine.map((r) => r.families)));
          expect(o.familiesCovered).toBe(sum(mine.map((r) => r.familiesCovered)));
          expect(o.coveragePct).toBe(o.families > 0 ? (100 * o.familiesCovered) / o.families : null);
          if (visits) {
            expect(o.visited).toBe(sum(mine.map((r) => r.visited ?? 0)));
            expect(o.neverVisited).toBe(sum(mine.map((r) => r.neverVisited ?? 0)));
            expect(o.visitedPct).toBe(o.families > 0 ? (100 * (o.visited as number)) / o.families : null);
          } else {
            expect([o.visited, o.visitedPct, o.neverVisited]).toEqual([null, null, null]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  /** The filter as documented, written independently. */
  const oracle = (r: AgentRow, f: AgentFilter): boolean => {
    const shown: Record<AgentShow, boolean> = {
      active: r.active,
      belowMin: r.active && r.belowMin,
      aboveCap: r.aboveCap,
      neverVisited: r.neverVisited !== null && r.neverVisited > 0,
      inactive: !r.active,
      all: true,
    };
    const needle = f.text.trim().toLowerCase();
    const text =
      needle === '' || [r.code, r.office, r.village].some((v) => v?.toLowerCase().includes(needle) === true);
    return (
      shown[f.show] &&
      (f.districtCode === '' || r.districtCode === f.districtCode) &&
      (f.villageCode === '' || r.villageCode === f.villageCode) &&
      (f.type === '' || r.type === f.type) &&
      (f.office === '' || r.office === f.office) &&
      text
    );
  };

  const filterArb = fc.record({
    text: fc.constantFrom('', '  ', 'dinas', 'SOSIAL', ' manna ', 'ag-b', 'AG-A', 'gunung', 'zzz', 'a'),
    districtCode: fc.constantFrom('', 'D1', 'D2'),
    villageCode: fc.constantFrom('', 'V1', 'V2', 'V3'),
    type: fc.constantFrom('', ...TYPES),
    office: fc.constantFrom('', 'Dinas Kesehatan', 'Dinas Sosial', 'Bappeda'),
    show: fc.constantFrom(...AGENT_SHOWS),
  });

  it('filterAgentRows keeps exactly the rows that satisfy the filter, in order', () => {
    fc.assert(
      fc.property(datasetArb, filterArb, ({ rows }, f) => {
        const out = filterAgentRows(rows, f);
        // A subsequence of the rows (same objects, same order)…
        let k = 0;
        for (const r of out) {
          while (k < rows.length && rows[k] !== r) k++;
          expect(k).toBeLessThan(rows.length);
          k++;
        }
        // …every kept row satisfies the filter and every dropped one does not.
        expect(ids(out)).toEqual(ids(rows.filter((r) => oracle(r, f))));
      }),
      { numRuns: 300 },
    );
  });

  it('sortAgentRows is a permutation with no data last, for every key and direction', () => {
    const keys = [
      'code',
      'type',
      'office',
      'village',
      'families',
      'visitedPct',
      'neverVisited',
      'maxDistanceM',
    ] as const;
    fc.assert(
      fc.property(
        datasetArb,
        fc.constantFrom(...keys),
        fc.constantFrom('asc', 'desc' as const),
        ({ rows }, key, dir) => {
          const out = sortAgentRows(rows, key, dir);
          expect([...ids(out)].sort((a, b) => a - b)).toEqual(ids(rows));
          const missing = out.map((r) => r[key] === null);
          const firstMissing = missing.indexOf(true);
          if (firstMissing >= 0) expect(missing.slice(firstMissing).every(Boolean)).toBe(true);
          if (key === 'families' || key === 'maxDistanceM') {
            const present = out.map((r) => r[key]).filter((v): v is number => v !== null);
            for (let i = 1; i < present.length; i++) {
              if (dir === 'asc') expect(present[i - 1]).toBeLessThanOrEqual(present[i] as number);
              else expect(present[i - 1]).toBeGreaterThanOrEqual(present[i] as number);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
