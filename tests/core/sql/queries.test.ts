import { beforeAll, describe, expect, it } from 'vitest';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import { HOUSEHOLD_DATA_QUALITY_SQL, villageStats } from '../../../src/core/sql/queries';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { fixtureDb } from '../../helpers/fixture-db';
import { overviewUnder } from '../../helpers/planner-overview';

const enc = (text: string) => new TextEncoder().encode(text);

// Two villages on the equator-ish grid near Manna. 0.01° of latitude ≈ 1,112 m.
const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,3.0,700
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`;

// P3KE-style headers, a 10-digit code, a decimal comma and a broken row (no village code).
const HOUSEHOLDS = `id_keluarga_p3ke;kode_kemendagri;lon;lat;desil_kesejahteraan;id_agen;need_rtlh;need_kesehatan;kunjungan_terakhir
H1;17.01.04.2001;102,90;-4,45;1;A1;1;0;2026-01-05
H2;1701042001;102.90;-4.455;2;A1;0;0;
H3;17.01.04.2001;102.90;-4.46;3;A1;1;1;
H4;17.01.04.2002;102.95;-4.45;4;;ya;tidak;
H5;17.01.04.2002;102.95;-4.45;5;A2;;;
H6;;102.95;-4.45;5;A2;1;1;
`;

const AGENTS = `id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,Agen Satu,asn,17.01.04.2001,102.90,-4.45,1
A2,Agen Dua,pppk,1701042001,102.90,-4.45,
A3,Agen Tiga,honorer,17.01.04.2002,102.95,-4.45,0
`;

// H1 was visited 27 days before the reference date, the others never (the dataset records visits).
const REFERENCE_DATE = '2026-02-01';
const RULE = { thresholdM: 1000, visitDays: 90 };

const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen
C1,H1,rtlh,selesai,2025-01-01,2025-02-01,JSPS,A1
C2,H3,kesehatan,dilaporkan,2025-03-01,,TRC,A1
`;

let db: SqlClient;

beforeAll(async () => {
  db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
  await computeHouseholdCoverage(db, REFERENCE_DATE);
}, 120_000);

describe('loadCsvTable', () => {
  it('maps aliases, normalises codes and decimal commas, drops rows missing a required value', async () => {
    await db.registerFile('h2.csv', enc(HOUSEHOLDS));
    const load = await loadCsvTable(db, 'households', 'h2.csv');
    expect(load).toEqual({ table: 'households', rows: 5, rejected: 1, missingColumns: [] });
    const rows = (await db.queryTable('SELECT * FROM households ORDER BY household_id'))
      .toArray()
      .map((r) => r.toJSON());
    expect(rows.map((r) => r.village_code)).toEqual([
      '17.01.04.2001',
      '17.01.04.2001',
      '17.01.04.2001',
      '17.01.04.2002',
      '17.01.04.2002',
    ]);
    expect(rows[0]?.lon).toBe(102.9);
    expect(rows[0]?.lat).toBe(-4.45);
    expect(rows[3]?.need_rtlh).toBe(1); // "ya"
    expect(rows[3]?.need_kesehatan).toBe(0); // "tidak"
    expect(rows[4]?.need_rtlh).toBeNull(); // empty = unknown, not "no"
    expect(rows[3]?.need_bencana).toBeNull(); // absent column = unknown
  });

  it('reports required columns the file cannot supply and loads nothing', async () => {
    await db.registerFile('bad.csv', enc('foo,bar\n1,2\n'));
    const load = await loadCsvTable(db, 'agents', 'bad.csv');
    expect(load.rows).toBe(0);
    expect(load.missingColumns).toEqual(['agent_id', 'agent_type', 'home_village_code', 'lon', 'lat']);
    // Restore the fixture for the other tests.
    await loadCsvTable(db, 'agents', 'agents.csv');
  });

  it('defaults agents to active when the flag is empty', async () => {
    const rows = (await db.queryTable('SELECT agent_id, active FROM agents ORDER BY agent_id')).toArray();
    expect(rows.map((r) => [r.agent_id, r.active])).toEqual([
      ['A1', 1],
      ['A2', 1],
      ['A3', 0],
    ]);
  });
});

describe('household_coverage', () => {
  it('stores the visit age in days before the reference date (NULL never) and whether visits are recorded', async () => {
    const rows = await queryRows<{
      household_id: string;
      visit_age_days: number | null;
      visits_recorded: boolean;
    }>(
      db,
      `SELECT h.household_id, c.visit_age_days, c.visits_recorded
       FROM households h JOIN household_coverage c ON c.row_id = h.rowid ORDER BY h.household_id`,
    );
    expect(rows).toEqual([
      { household_id: 'H1', visit_age_days: 27, visits_recorded: true },
      { household_id: 'H2', visit_age_days: null, visits_recorded: true },
      { household_id: 'H3', visit_age_days: null, visits_recorded: true },
      { household_id: 'H4', visit_age_days: null, visits_recorded: true },
      { household_id: 'H5', visit_age_days: null, visits_recorded: true },
    ]);
  });

  it('keeps a distance only for a household with an active recorded agent (NULL with none)', async () => {
    const rows = await queryRows<{ household_id: string; agent_state: number; known: boolean }>(
      db,
      `SELECT h.household_id, c.agent_state, c.agent_distance_m IS NOT NULL AS known
       FROM households h JOIN household_coverage c ON c.row_id = h.rowid ORDER BY h.household_id`,
    );
    // H1–H3: A1 (active); H4: none; H5: A2 (its activity blank: active).
    expect(rows.map((r) => [r.household_id, r.known])).toEqual([
      ['H1', true],
      ['H2', true],
      ['H3', true],
      ['H4', false],
      ['H5', true],
    ]);
    expect(new Set(rows.map((r) => r.agent_state)).size).toBeGreaterThan(1);
  });

  it.each([
    ['no household', ''],
    [
      'households never visited',
      'H1;17.01.04.2001;102.90;-4.45;1;A1;1;0;\nH2;17.01.04.2001;102.90;-4.45;2;;0;0;\n',
    ],
  ])('has one row per household, its columns typed as the SQL rules read them: %s', async (_, rows) => {
    const other = await fixtureDb({
      villages: VILLAGES,
      households: `${HOUSEHOLDS.split('\n')[0]}\n${rows}`,
      agents: AGENTS,
      cases: CASES,
    });
    await computeHouseholdCoverage(other, REFERENCE_DATE);
    const columns = await queryRows<{ name: string; type: string }>(
      other,
      `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
       WHERE table_name = 'household_coverage' ORDER BY column_index`,
    );
    expect(columns.map((c) => `${c.name} ${c.type}`)).toEqual([
      'row_id INTEGER',
      'agent_state UTINYINT',
      'agent_distance_m DOUBLE',
      'visit_age_days INTEGER',
      'visits_recorded BOOLEAN',
    ]);
    const [counts] = await queryRows<{
      n: number;
      households: number;
      recorded: boolean | null;
      ages: number;
    }>(
      other,
      `SELECT count(*)::INTEGER AS n, (SELECT count(*) FROM households)::INTEGER AS households,
         bool_or(visits_recorded) AS recorded, count(visit_age_days)::INTEGER AS ages FROM household_coverage`,
    );
    expect(counts?.n).toBe(counts?.households);
    // No visit date anywhere: "unknown" for every household, not "not visited".
    expect(counts?.recorded ?? false).toBe(false);
    expect(counts?.ages).toBe(0);
    await other.close?.();
  });

  it('rejects a reference date that is not YYYY-MM-DD', async () => {
    await expect(computeHouseholdCoverage(db, '1/2/2026')).rejects.toThrow(RangeError);
    await expect(computeHouseholdCoverage(db, "2026-01-01' OR 1=1 --")).rejects.toThrow(RangeError);
  });
});

describe('villageStats', () => {
  it('counts households, need rates over known values, near within the threshold, covered when visited', async () => {
    const stats = await villageStats(db, 'rtlh', RULE);
    const byCode = new Map(stats.map((s) => [s.village_code, s]));
    // Alpha: H1 at its agent (0 m), H2 ≈ 556 m, H3 ≈ 1,112 m from A1 → 2 of 3 near (within 1 km);
    // only H1 was visited (27 days ago, within 90) → 1 covered.
    expect(byCode.get('17.01.04.2001')).toMatchObject({
      village_name: 'Alpha',
      households: 3,
      need_count: 2,
      with_agent: 3,
      near: 2,
      covered: 1,
      resident_agents: 2, // A1 and A2 (10-digit home code), both active
    });
    expect(byCode.get('17.01.04.2001')?.need_rate).toBeCloseTo(66.667, 2);
    expect(byCode.get('17.01.04.2001')?.coverage_pct).toBeCloseTo(33.333, 2);
    // Beta: H4 has no agent, H5's agent A2 lives in Alpha ≈ 5.5 km away; rtlh known only for H4.
    expect(byCode.get('17.01.04.2002')).toMatchObject({
      households: 2,
      need_count: 1,
      need_rate: 100,
      with_agent: 1,
      near: 0,
      covered: 0,
      coverage_pct: 0,
      resident_agents: 0, // A3 is inactive
    });
    // Gamma has no households: no data, not zero.
    expect(byCode.get('17.01.05.1001')).toMatchObject({
      households: 0,
      near: 0,
      covered: 0,
      need_rate: null,
      coverage_pct: null,
    });
  });

  it('the threshold moves near; the visit window (inclusive) moves covered', async () => {
    const alpha = async (rule: { thresholdM: number; visitDays: number }) =>
      (await villageStats(db, 'rtlh', rule)).find((s) => s.village_code === '17.01.04.2001');
    expect(await alpha({ thresholdM: 1200, visitDays: 90 })).toMatchObject({ near: 3, covered: 1 });
    expect(await alpha({ thresholdM: 1000, visitDays: 27 })).toMatchObject({ near: 2, covered: 1 });
    expect(await alpha({ thresholdM: 1000, visitDays: 26 })).toMatchObject({ near: 2, covered: 0 });
  });

  it('"any" need is 1 when a known need is 1, unknown only when all are', async () => {
    const stats = await villageStats(db, 'any', RULE);
    const beta = stats.find((s) => s.village_code === '17.01.04.2002');
    expect(beta).toMatchObject({ need_count: 1, need_rate: 100 }); // H5 all unknown → not in the rate
  });
});

describe('regency summary', () => {
  it('totals every figure shown in the summary panel', async () => {
    expect((await overviewUnder(db, RULE)).summary).toEqual({
      villages: 3,
      districts: 2,
      households: 5,
      agents: 2,
      with_agent: 4,
      covered: 1,
      near: 2,
      coverage_pct: 20,
      near_pct: 40,
      visits_recorded: true,
      cases: 2,
      cases_resolved: 1,
      households_unknown_village: 0,
    });
  });
});

describe('household data quality', () => {
  it('counts loaded households outside the regency or in an unknown village', async () => {
    await db.queryTable(`INSERT INTO households (household_id, village_code, lon, lat)
      VALUES ('Q1', '17.01.99.9999', 102.9, -4.45), ('Q2', '17.01.04.2001', 104.5, -4.45)`);
    expect(await queryRows(db, HOUSEHOLD_DATA_QUALITY_SQL)).toEqual([
      { no_coordinates: 0, outside_regency: 1, unknown_village: 1 },
    ]);
    // The summary counts them among the households (without coverage rows: no agent), the first outside the map.
    expect((await overviewUnder(db, RULE)).summary).toMatchObject({
      households: 7,
      with_agent: 4,
      near: 2,
      near_pct: (100 * 2) / 7,
      households_unknown_village: 1,
    });
    await db.queryTable("DELETE FROM households WHERE household_id IN ('Q1', 'Q2')");
  });
});
