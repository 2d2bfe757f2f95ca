/**
 * The period's rows in one query are, month by month, exactly the rows the map asks for with that
 * month (the independent oracle: `areaMeasures` with the month), for every filter and level.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { periodInOneQuery, periodMeasures } from '../../src/data/planner-period';
import {
  type AreaQuery,
  areaMeasures,
  DEFAULT_WEIGHTS,
  NO_FILTERS,
  type PlannerFilters,
  preparePlannerTables,
} from '../../src/data/planner-queries';
import type { SqlClient } from '../../src/data/sql-client';
import { fixtureDb } from '../helpers/fixture-db';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,4.0,700
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`;
const HOUSEHOLDS = `id_keluarga_p3ke,kode_kemendagri,lon,lat,desil_kesejahteraan,id_agen,need_kesehatan,need_rtlh
H1,17.01.04.2001,102.90,-4.45,1,A1,1,1
H2,17.01.04.2001,102.90,-4.45,2,A1,0,0
H3,17.01.04.2001,102.90,-4.45,3,A2,1,0
H4,17.01.04.2001,102.90,-4.45,9,,0,1
H5,17.01.04.2002,102.95,-4.45,5,A3,,
H6,17.01.04.2002,102.95,-4.45,6,A2,0,1
`;
const AGENTS = `id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,Agen Satu,asn,17.01.04.2001,102.90,-4.45,1
A2,Agen Dua,pppk,17.01.04.2001,102.90,-4.45,1
A3,Agen Tiga,honorer,17.01.04.2002,102.95,-4.45,1
`;
const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen
C1,H1,kesehatan,selesai,2025-01-10,2025-02-15,JSPS,A1
C2,H1,rtlh,ditangani,2025-01-20,,JSPS,A1
C3,H3,kesehatan,dilaporkan,2025-03-05,,TRC,A2
C4,H6,rtlh,selesai,2025-02-01,2025-02-20,JSPS,A2
C5,H4,rtlh,selesai,2025-02-10,2025-04-01,TRC,
`;
// The cases span 2025-01 – 2025-04; 2025-06 lies past the last (the month's query reads the last month).
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-06'];

let db: SqlClient;
beforeAll(async () => {
  db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
  await db.queryTable(`CREATE OR REPLACE TABLE household_coverage AS
    SELECT h.rowid::INTEGER AS row_id, 0.0 AS agent_distance_m FROM households h`);
  await preparePlannerTables(db);
}, 60_000);

const q = (f: Partial<PlannerFilters> = {}, weights = DEFAULT_WEIGHTS): Omit<AreaQuery, 'month'> => ({
  weights,
  filters: { ...NO_FILTERS, ...f },
});

describe('periodMeasures', () => {
  it.each([
    ['no filter', q()],
    ['a kecamatan', q({ district: '17.01.04' })],
    ['deciles 1–3, ASN agents', q({ decileMin: 1, decileMax: 3, agent: 'asn' })],
    ['other weights', q({}, { ...DEFAULT_WEIGHTS, rtlh: 5, kesehatan: 0 })],
    ['a status filter (asked month by month)', q({ status: 'selesai' })],
  ])('%s: each month equals the month asked for alone, at both levels', async (_name, query) => {
    for (const level of ['village', 'district'] as const) {
      const period = await periodMeasures(db, query, MONTHS, level);
      expect(period).toHaveLength(MONTHS.length);
      for (const [i, month] of MONTHS.entries())
        expect(period[i]).toEqual(await areaMeasures(db, { ...query, month }, level));
    }
  });
  it('one grouped query unless a case filter needs the cases themselves', () => {
    expect(periodInOneQuery(q({ district: '17.01.04', agent: 'pppk' }))).toBe(true);
    expect(periodInOneQuery(q({ status: 'ditangani' }))).toBe(false);
    expect(periodInOneQuery(q({ from: '2025-01-01' }))).toBe(false);
  });
});
