import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePlannerTables } from '../../../src/core/cube/tables';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import { NEED_CODES } from '../../../src/core/domain/schema';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { fixtureDb } from '../../helpers/fixture-db';
import { plannerFixtureDb } from '../../helpers/planner-fixture';

let db: SqlClient;
/** Households of villages the gazetteer does not have (X1, X2, X3: one code, two deciles), beside known ones. */
let unknownVillages: SqlClient;
beforeAll(async () => {
  db = await plannerFixtureDb();
  unknownVillages = await fixtureDb({
    villages: `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`,
    households: `id_keluarga_p3ke,kode_kemendagri,lon,lat,desil_kesejahteraan,id_agen,need_kesehatan,need_rtlh,kunjungan_terakhir
H1,17.01.04.2001,102.90,-4.45,1,A1,1,0,2025-01-20
H2,17.01.04.2001,102.90,-4.45,1,,0,1,
X1,17.01.99.2099,102.91,-4.46,2,A1,1,1,2024-06-01
X2,17.01.99.2099,102.91,-4.46,2,,,0,
X3,17.01.99.2099,102.91,-4.46,3,A1,0,,2025-01-30
`,
    agents: `id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,Agen Satu,asn,17.01.04.2001,102.90,-4.45,1
`,
    cases: 'id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen\n',
  });
  await computeHouseholdCoverage(unknownVillages, '2025-01-31');
  await preparePlannerTables(unknownVillages);
});
afterAll(async () => {
  await db.close?.();
  await unknownVillages.close?.();
});

/** Per cube group, the sums read from the stored household rows (written here, not by tables.ts). */
const FROM_ROWS = `SELECT vid, village_code, district_code, decile, agent_kind, count(*)::INTEGER AS n,
    sum(covered)::INTEGER AS cov, sum(reached)::INTEGER AS reached, sum(with_agent)::INTEGER AS with_agent,
    ${NEED_CODES.map((c) => `coalesce(sum(n_${c}), 0)::INTEGER AS s_${c}, count(n_${c})::INTEGER AS k_${c}`).join(', ')},
    count(*) FILTER (WHERE m > 0)::INTEGER AS s_any, count(*) FILTER (WHERE u <> ${(1 << NEED_CODES.length) - 1})::INTEGER AS k_any
  FROM planner_households GROUP BY ALL`;
const CUBE = `SELECT vid, village_code, district_code, decile, agent_kind, n, cov, reached, with_agent,
    ${NEED_CODES.map((c) => `s_${c}, k_${c}`).join(', ')}, s_any, k_any FROM planner_cube`;

describe('the planner cube', () => {
  it.each([
    ['the planner fixture', () => db],
    ['households of villages the gazetteer does not have', () => unknownVillages],
  ])(
    'holds the same groups and sums as the stored household rows (it is made before them, from the same rows): %s',
    async (_, client) => {
      const onlyInCube = await queryRows(client(), `${CUBE} EXCEPT ALL ${FROM_ROWS}`);
      const onlyInRows = await queryRows(client(), `${FROM_ROWS} EXCEPT ALL ${CUBE}`);
      expect([onlyInCube, onlyInRows]).toEqual([[], []]);
      const [count] = await queryRows<{ n: number }>(
        client(),
        'SELECT count(*)::INTEGER AS n FROM planner_cube',
      );
      expect(count?.n).toBeGreaterThan(1);
    },
  );

  it('keeps the code of a village the gazetteer does not have, with no kecamatan, and its households apart', async () => {
    const rows = await queryRows<{ village_code: string; district_code: string | null; n: number }>(
      unknownVillages,
      `SELECT village_code, district_code, sum(n)::INTEGER AS n FROM planner_cube WHERE vid IS NULL GROUP BY ALL`,
    );
    expect(rows).toEqual([{ village_code: '17.01.99.2099', district_code: null, n: 3 }]);
  });
});
