/**
 * Adding a need is one registry entry: with three fictitious needs appended (nine in all, past the eight bits
 * of a byte), the data contract, the SQL panel's column policy, the URL's weights and the planner's SQL on
 * DuckDB all take them, and the figures for them come out right.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/core/domain/needs', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/domain/needs')>();
  const place = { coastal: 1, upland: 1, town: 1, pocket: 1 };
  const NEEDS = [
    ...real.NEEDS,
    { code: 'air_bersih', defaultWeight: 2, demoRate: 0.04, demoPlaceFactor: place },
    { code: 'gizi', defaultWeight: 3, demoRate: 0.03, demoPlaceFactor: place },
    { code: 'disabilitas', defaultWeight: 1, demoRate: 0.02, demoPlaceFactor: place },
  ];
  return {
    ...real,
    NEEDS,
    NEED_CODES: NEEDS.map((n) => n.code),
    perNeed: <T>(value: (n: (typeof NEEDS)[number]) => T) =>
      Object.fromEntries(NEEDS.map((n) => [n.code, value(n)])),
  };
});

const { parseWeights, formatWeights } = await import('../../../src/features/planner/url-state');
const { COLUMN_POLICY } = await import('../../../src/core/privacy/privacy');
const { TABLES } = await import('../../../src/core/domain/schema');
const { areaMeasures, DEFAULT_WEIGHTS, NO_FILTERS, pickMeasure } = await import(
  '../../../src/features/planner/data/planner-queries'
);
const { preparePlannerTables } = await import('../../../src/core/cube/tables');
const { computeHouseholdCoverage } = await import('../../../src/core/dataset/load-dataset');
const { fixtureDb } = await import('../../helpers/fixture-db');

type Need = Parameters<typeof pickMeasure>[1];

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
`;
// The ninth need (disabilitas) is bit 8: it only fits a mask wider than a byte.
const HOUSEHOLDS = `id_keluarga_p3ke,kode_kemendagri,lon,lat,desil_kesejahteraan,id_agen,need_kesehatan,need_air_bersih,need_gizi,need_disabilitas
H1,17.01.04.2001,102.90,-4.45,1,A1,1,1,0,1
H2,17.01.04.2001,102.90,-4.45,2,A1,0,1,1,1
H3,17.01.04.2001,102.90,-4.45,3,A1,0,0,0,0
H4,17.01.04.2001,102.90,-4.45,4,A1,0,0,,
`;
const AGENTS = `id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,Agen Satu,asn,17.01.04.2001,102.90,-4.45,1
`;
const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen
C1,H1,disabilitas,ditangani,2025-01-10,,JSPS,A1
`;

describe('a need added to the registry', () => {
  let db: Awaited<ReturnType<typeof fixtureDb>>;
  beforeAll(async () => {
    db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
    // household_coverage as the loader writes it (every household lives at its agent's home).
    await computeHouseholdCoverage(db, '2025-01-31');
    await preparePlannerTables(db);
  });

  it('is a household column, kept (not dropped) in the SQL panel copies, and weighed in the URL by code', () => {
    const names = TABLES.households.map((c) => c.name);
    for (const c of ['need_air_bersih', 'need_gizi', 'need_disabilitas']) {
      expect(names).toContain(c);
      expect(COLUMN_POLICY.households[c]).toEqual({ kind: 'keep' });
    }
    const weights = { ...DEFAULT_WEIGHTS, disabilitas: 5 };
    expect(parseWeights(formatWeights(weights))).toEqual(weights);
    expect(parseWeights('gizi:4')).toMatchObject({ gizi: 4, kesehatan: 0 });
  });

  it('is counted by the planner SQL on DuckDB, alone, in "any need" and in the score', async () => {
    const stat = async (need: Need, weights = DEFAULT_WEIGHTS) =>
      pickMeasure(await areaMeasures(db, { weights, filters: NO_FILTERS, month: null }, 'village'), need)[0];
    expect((await stat('air_bersih' as Need))?.count).toBe(2);
    expect((await stat('gizi' as Need))?.count).toBe(1);
    // H4's flag is unknown: 2 of the 3 households with a known status.
    const disabilitas = await stat('disabilitas' as Need);
    expect(disabilitas?.count).toBe(2);
    expect(disabilitas?.rate).toBeCloseTo((2 / 3) * 100, 10);
    expect((await stat('any'))?.count).toBe(2);
    // Only disabilitas weighs: the score is its flag (per 100 households with any known need).
    const only = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((c) => [c, 0]));
    const score = await stat('score', { ...only, disabilitas: 1 } as unknown as typeof DEFAULT_WEIGHTS);
    expect(score?.count).toBeCloseTo(2, 10);
  });
});
