import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, rowsOf, type SqlClient } from '../../../../src/core/sql/sql-client';
import {
  type AreaStat,
  areaMeasures,
  DEFAULT_WEIGHTS,
  type DecileBin,
  districtMeasuresSql,
  monthlyCases,
  type NeedBreakdown,
  NO_FILTERS,
  PLANNER_NEEDS,
  type PlannerFilters,
  type PlannerQuery,
  POINT_CELL_DEG,
  pickMeasure,
  plannerTotals,
  safeWeights,
  usesCases,
  type VillageAgent,
  type VillageFacts,
  villageAgentsSql,
  villageDecilesSql,
  villageFactsSql,
  villageMeasuresSql,
  villageNeedsSql,
  weightedPointsSql,
} from '../../../../src/features/planner/data/planner-queries';
import { plannerFixtureDb } from '../../../helpers/planner-fixture';

let db: SqlClient;

/** The rows of the query's measure, as the planner gets them: one query for every measure, then a pick. */
const areaStats = async (client: SqlClient, q: PlannerQuery, level: 'village' | 'district') =>
  pickMeasure(await areaMeasures(client, q, level), q.need);

beforeAll(async () => {
  db = await plannerFixtureDb();
});

const query = (over: Partial<PlannerQuery> & { f?: Partial<PlannerFilters> } = {}): PlannerQuery => ({
  need: over.need ?? 'kesehatan',
  weights: over.weights ?? DEFAULT_WEIGHTS,
  filters: { ...NO_FILTERS, ...over.f },
  month: over.month ?? null,
});

type Row = Pick<AreaStat, 'code' | 'households' | 'count' | 'rate' | 'density' | 'coverage_pct'>;
const pick = (rows: AreaStat[]): Row[] =>
  rows.map(({ code, households, count, rate, density, coverage_pct }) => ({
    code,
    households,
    count,
    rate,
    density,
    coverage_pct,
  }));
const byCode = async (q: PlannerQuery) =>
  Object.fromEntries((await areaStats(db, q, 'village')).map((r) => [r.code, r] as const));

describe('village measures from need flags', () => {
  it('kesehatan: count, rate per 100 known, per km², coverage; a village without households is no data', async () => {
    const rows = pick(await areaStats(db, query(), 'village'));
    expect(rows[0]).toEqual({
      code: '17.01.04.2001',
      households: 4,
      count: 2,
      rate: 50,
      density: 1,
      coverage_pct: 75,
    });
    // H5 does not know its kesehatan status: 0 of 1 known.
    expect(rows[1]).toEqual({
      code: '17.01.04.2002',
      households: 2,
      count: 0,
      rate: 0,
      density: 0,
      coverage_pct: 50,
    });
    expect(rows[2]).toEqual({
      code: '17.01.05.1001',
      households: 0,
      count: 0,
      rate: null,
      density: null,
      coverage_pct: null,
    });
  });

  it('any need: a household counts once; unknown only when every need is unknown', async () => {
    const v = await byCode(query({ need: 'any' }));
    expect([v['17.01.04.2001']?.count, v['17.01.04.2001']?.rate]).toEqual([3, 75]);
    expect([v['17.01.04.2002']?.count, v['17.01.04.2002']?.rate]).toEqual([1, 100]);
  });

  it('composite score: Σ w·need / Σ w per household (default weights sum to 12)', async () => {
    const v = await byCode(query({ need: 'score' }));
    // Alpha: H1 (3 + 2) / 12, H2 0, H3 3/12, H4 2/12 → 10/12; rate over 4 known households.
    expect(v['17.01.04.2001']?.count).toBeCloseTo(10 / 12, 12);
    expect(v['17.01.04.2001']?.rate).toBeCloseTo((100 * 10) / 12 / 4, 12);
    // Beta: H6 2/12; H5 unknown.
    expect(v['17.01.04.2002']?.rate).toBeCloseTo((100 * 2) / 12, 12);
    // Only kesehatan weighs: the score is the kesehatan flag.
    const only = { ...DEFAULT_WEIGHTS, bencana: 0, rtlh: 0, adminduk: 0, putus_sekolah: 0, lingkungan: 0 };
    const k = await byCode(query({ need: 'score', weights: only }));
    expect(k['17.01.04.2001']?.rate).toBe(50);
  });

  it('composite score with weights that are not whole (a shared link may carry 2.5), from flags and from cases', async () => {
    const weights = {
      ...DEFAULT_WEIGHTS,
      kesehatan: 2.5,
      rtlh: 0.1,
      bencana: 0,
      adminduk: 0,
      putus_sekolah: 0,
      lingkungan: 0,
    };
    const v = await byCode(query({ need: 'score', weights }));
    // Alpha: H1 (2.5 + 0.1) / 2.6, H2 0, H3 2.5 / 2.6, H4 0.1 / 2.6 → 5.2 / 2.6 = 2.
    expect(v['17.01.04.2001']?.count).toBeCloseTo(2, 12);
    const inMonth = await byCode(query({ need: 'score', weights, month: '2025-01' }));
    // At the end of January, H1's cases (kesehatan, rtlh) are open: (2.5 + 0.1) / 2.6 = 1.
    expect(inMonth['17.01.04.2001']?.count).toBeCloseTo(1, 12);
  });

  it('kecamatan roll-up: sums of its villages, area the sum of village areas', async () => {
    const rows = pick(await areaStats(db, query(), 'district'));
    expect(rows[0]).toMatchObject({ code: '17.01.04', households: 6, count: 2, rate: 40 });
    expect(rows[0]?.density).toBeCloseTo(2 / 6, 12);
    expect(rows[0]?.coverage_pct).toBeCloseTo((100 * 4) / 6, 12);
    expect(rows[1]).toMatchObject({ code: '17.01.05', households: 0, rate: null });
  });
});

describe('household filters', () => {
  it('welfare decile 1–3', async () => {
    const v = await byCode(query({ f: { decileMin: 1, decileMax: 3 } }));
    expect(v['17.01.04.2001']).toMatchObject({ households: 3, count: 2 });
    expect(v['17.01.04.2001']?.rate).toBeCloseTo(200 / 3, 12);
    expect(v['17.01.04.2002']?.households).toBe(0);
  });

  it('agent type: none, ASN, PPPK/honorer', async () => {
    const none = await byCode(query({ need: 'any', f: { agent: 'none' } }));
    expect(none['17.01.04.2001']).toMatchObject({ households: 1, count: 1 }); // H4
    const asn = await byCode(query({ f: { agent: 'asn' } }));
    expect(asn['17.01.04.2001']).toMatchObject({ households: 2, count: 1 }); // H1, H2
    const pppk = await byCode(query({ f: { agent: 'pppk' } }));
    expect(pppk['17.01.04.2001']?.households).toBe(1); // H3 (A2)
    expect(pppk['17.01.04.2002']?.households).toBe(2); // H5 (A3 honorer), H6 (A2)
  });

  it('kecamatan and village filters leave other areas without households', async () => {
    const d = await byCode(query({ f: { district: '17.01.05' } }));
    expect(Object.values(d).map((r) => r.households)).toEqual([0, 0, 0]);
    const v = await byCode(query({ f: { village: '17.01.04.2002' } }));
    expect(Object.values(v).map((r) => r.households)).toEqual([0, 2, 0]);
  });

  it('ignores a malicious code instead of running it', async () => {
    const v = await byCode(query({ f: { village: "x' OR 1=1 --" } }));
    expect(Object.values(v).map((r) => r.households)).toEqual([0, 0, 0]);
  });

  it('takes a code with a NUL character (a link may carry %00) as a code like any other', async () => {
    const v = await byCode(query({ f: { village: '17.01.04.2002\u0000x' } }));
    expect(Object.values(v).map((r) => r.households)).toEqual([0, 0, 0]);
    const inline = rowsOf<{ households: number }>(
      await db.queryTable(villageMeasuresSql(query({ f: { district: '17.01.04\u0000' } }))),
    );
    expect(inline.map((r) => r.households)).toEqual([0, 0, 0]);
  });
});

describe('needs from cases (status, report dates, channel, month)', () => {
  it('switches to cases only when a case filter or a month is set', () => {
    expect(usesCases(query())).toBe(false);
    expect(usesCases(query({ month: '2025-01' }))).toBe(true);
    expect(usesCases(query({ f: { status: 'selesai' } }))).toBe(true);
    expect(usesCases(query({ f: { from: '2025-01-01' } }))).toBe(true);
    expect(usesCases(query({ f: { to: 'garbage' } }))).toBe(false);
    expect(usesCases(query({ f: { channel: 'trc' } }))).toBe(true);
    expect(usesCases(query({ f: { channel: '' } }))).toBe(true); // the cases without a channel
  });

  it('month: cases open at the end of January 2025', async () => {
    const v = await byCode(query({ month: '2025-01' }));
    // C1 (H1, kesehatan) is open on 31 January; everyone's status is known from the cases.
    expect(v['17.01.04.2001']).toMatchObject({ households: 4, count: 1, rate: 25 });
    expect(v['17.01.04.2002']).toMatchObject({ households: 2, count: 0, rate: 0 });
  });

  it('month: any need open at the end of February 2025', async () => {
    // C1 and C4 were resolved in February; C2 (H1) and C5 (H4) are still open.
    const v = await byCode(query({ need: 'any', month: '2025-02' }));
    expect(v['17.01.04.2001']?.count).toBe(2);
    expect(v['17.01.04.2002']?.count).toBe(0);
  });

  it('the month cube agrees with the per-household path, month by month and for the score', async () => {
    for (const month of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) {
      for (const need of ['any', 'score', 'rtlh', 'kesehatan'] as const) {
        const fast = await areaStats(db, query({ need, month }), 'village');
        // A report-date filter that every case passes forces the per-household path.
        const slow = await areaStats(db, query({ need, month, f: { from: '2000-01-01' } }), 'village');
        expect(fast.length).toBe(slow.length);
        fast.forEach((row, i) => {
          const other = slow[i] as AreaStat;
          expect(row.code).toBe(other.code);
          expect(row.households).toBe(other.households);
          for (const k of ['count', 'rate', 'density'] as const) {
            if (other[k] === null) expect(row[k]).toBeNull();
            else expect(row[k]).toBeCloseTo(other[k] as number, 9);
          }
        });
      }
    }
  });

  it('status selesai, and a report date range', async () => {
    const s = await byCode(query({ need: 'any', f: { status: 'selesai' } }));
    expect([s['17.01.04.2001']?.count, s['17.01.04.2002']?.count]).toEqual([2, 1]); // H1, H4 | H6
    const d = await byCode(query({ need: 'any', f: { from: '2025-02-01', to: '2025-02-28' } }));
    expect([d['17.01.04.2001']?.count, d['17.01.04.2002']?.count]).toEqual([1, 1]); // H4 | H6
  });
});

describe('area rows through prepared statements', () => {
  it('bound parameters give what the same values written into the SQL give, statement reused', async () => {
    const cases: Partial<PlannerQuery & { f: Partial<PlannerFilters> }>[] = [
      { f: { district: '17.01.04' } },
      { f: { district: '17.01.05' } },
      { f: { village: '17.01.04.2002' } },
      { f: { decileMin: 2, decileMax: 6 } },
      { f: { agent: 'pppk' } },
      { f: { agent: 'none', district: '17.01.04' } },
      { month: '2025-01' },
      { month: '2025-03', f: { decileMin: 1, decileMax: 3 } },
      { f: { status: 'selesai' } },
      { f: { status: 'ditangani', from: '2025-01-15', to: '2025-02-28' } },
      { month: '2025-02', f: { from: '2025-01-01' } },
    ];
    for (const over of cases) {
      for (const level of ['village', 'district'] as const) {
        const q = query(over);
        const inline = rowsOf(
          await db.queryTable((level === 'village' ? villageMeasuresSql : districtMeasuresSql)(q)),
        );
        expect(await areaMeasures(db, q, level)).toEqual(inline);
      }
    }
  });
});

describe('totals agree with the table', () => {
  it('flags, any need: households, count, rate, coverage and cases', async () => {
    const t = await plannerTotals(db, query({ need: 'any' }));
    expect(t).toMatchObject({
      households: 6,
      count: 4,
      rate: 80,
      villages_with_need: 2,
      cases_reported: 5,
      cases_resolved: 3,
      cases_open: 2,
    });
    expect(t.coverage_pct).toBeCloseTo((100 * 4) / 6, 12);
    const rows = await areaStats(db, query({ need: 'any' }), 'village');
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(t.count);
    expect(rows.reduce((s, r) => s + r.households, 0)).toBe(t.households);
  });

  it('every measure, from flags, a month and a status: the table sums to the key figures', async () => {
    for (const over of [{}, { month: '2025-02' }, { f: { status: 'selesai' as const } }]) {
      for (const need of PLANNER_NEEDS) {
        const q = query({ ...over, need });
        const [t, villages, districts] = await Promise.all([
          plannerTotals(db, q),
          areaStats(db, q, 'village'),
          areaStats(db, q, 'district'),
        ]);
        for (const rows of [villages, districts]) {
          expect(rows.reduce((s, r) => s + r.count, 0)).toBeCloseTo(t.count, 9);
          expect(rows.reduce((s, r) => s + r.households, 0)).toBe(t.households);
        }
      }
    }
  });

  it('at the end of February 2025', async () => {
    const t = await plannerTotals(db, query({ need: 'any', month: '2025-02' }));
    expect(t).toMatchObject({ households: 6, count: 2, cases_reported: 4, cases_resolved: 2, cases_open: 2 });
    expect(t.rate).toBeCloseTo(100 / 3, 12);
  });
});

describe('monthly histogram', () => {
  it('reported, resolved and open per month', async () => {
    expect(await monthlyCases(db, query({ need: 'any' }))).toEqual([
      { month: '2025-01', reported: 2, resolved: 0, open: 2 },
      { month: '2025-02', reported: 2, resolved: 2, open: 2 },
      { month: '2025-03', reported: 1, resolved: 0, open: 3 },
      { month: '2025-04', reported: 0, resolved: 1, open: 2 },
    ]);
    expect(await monthlyCases(db, query())).toEqual([
      { month: '2025-01', reported: 1, resolved: 0, open: 1 },
      { month: '2025-02', reported: 0, resolved: 1, open: 0 },
      { month: '2025-03', reported: 1, resolved: 0, open: 1 },
    ]);
    expect(await monthlyCases(db, query({ need: 'any' }), '17.01.04.2002')).toEqual([
      { month: '2025-02', reported: 1, resolved: 1, open: 0 },
    ]);
  });
});

describe('village profile', () => {
  it('needs breakdown, deciles, agents and facts of Alpha', async () => {
    const needs = await queryRows<NeedBreakdown>(db, villageNeedsSql(query(), '17.01.04.2001'));
    expect(needs.find((n) => n.need === 'kesehatan')).toEqual({ need: 'kesehatan', count: 2, rate: 50 });
    expect(needs.find((n) => n.need === 'rtlh')).toEqual({ need: 'rtlh', count: 2, rate: 50 });
    expect(needs.find((n) => n.need === 'bencana')).toEqual({ need: 'bencana', count: 0, rate: null });

    const deciles = await queryRows<DecileBin>(db, villageDecilesSql(query(), '17.01.04.2001'));
    expect(deciles).toEqual([
      { decile: 1, households: 1, with_need: 1 },
      { decile: 2, households: 1, with_need: 0 },
      { decile: 3, households: 1, with_need: 1 },
      { decile: 9, households: 1, with_need: 0 },
    ]);

    const agents = await queryRows<VillageAgent>(db, villageAgentsSql(query(), '17.01.04.2001'));
    expect(agents.map((a) => [a.agent_id, a.agent_type, a.families, a.covered])).toEqual([
      ['A1', 'asn', 2, 2],
      ['A2', 'pppk', 1, 1],
    ]);

    const [facts] = await queryRows<VillageFacts>(db, villageFactsSql(query(), '17.01.04.2001'));
    expect(facts).toEqual({ agents_serving: 2, resident_agents: 2, households_no_agent: 1 });
  });
});

describe('points and weights', () => {
  it('weighted points: households with the measure > 0, summed per ≈ 55 m cell at its centre', async () => {
    // H1 and H3 (kesehatan) live at the same point: one cell holding both.
    const pts = await queryRows<{ lon: number; lat: number; w: number }>(db, weightedPointsSql(query()));
    expect(pts).toHaveLength(1);
    expect(pts[0]?.w).toBe(2);
    expect(Math.abs((pts[0]?.lon ?? 0) - 102.9)).toBeLessThanOrEqual(POINT_CELL_DEG);
    expect(Math.abs((pts[0]?.lat ?? 0) + 4.45)).toBeLessThanOrEqual(POINT_CELL_DEG);
    // Every measure: the points carry the same total as the key figures.
    for (const need of PLANNER_NEEDS) {
      const q = query({ need });
      const cells = await queryRows<{ w: number }>(db, weightedPointsSql(q));
      const total = cells.reduce((s, c) => s + c.w, 0);
      expect(total).toBeCloseTo((await plannerTotals(db, q)).count, 5);
    }
  });

  it('safeWeights clamps to 0–5 and never returns all zero', () => {
    expect(safeWeights({ ...DEFAULT_WEIGHTS, kesehatan: 99, rtlh: -1 })).toMatchObject({
      kesehatan: 5,
      rtlh: 0,
    });
    const zero = { kesehatan: 0, bencana: 0, rtlh: 0, adminduk: 0, putus_sekolah: 0, lingkungan: 0 };
    expect(safeWeights(zero)).toEqual(DEFAULT_WEIGHTS);
  });
});
