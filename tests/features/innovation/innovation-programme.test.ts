import { beforeAll, describe, expect, it } from 'vitest';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import {
  familiesReached,
  programmeResults,
} from '../../../src/features/innovation/data/innovation-programme';
import { fixtureDb } from '../../helpers/fixture-db';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,3.0,700
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`;
// H1 visited; H2 assigned, never visited, no case; H3 not visited but has a case; H4 no agent;
// H5 assigned to A2, 5.5 km away; H6 assigned to the inactive A3 and visited.
const HOUSEHOLDS = `id_keluarga_p3ke,kode_kemendagri,lon,lat,id_agen,kunjungan_terakhir
H1,17.01.04.2001,102.90,-4.45,A1,2026-01-05
H2,17.01.04.2001,102.90,-4.455,A1,
H3,17.01.04.2001,102.90,-4.46,A1,
H4,17.01.04.2002,102.95,-4.45,,
H5,17.01.04.2002,102.95,-4.45,A2,
H6,17.01.04.2002,102.95,-4.45,A3,2026-02-01
`;
const AGENTS = `id_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,asn,17.01.04.2001,102.90,-4.45,1
A2,pppk,1701042001,102.90,-4.45,
A3,honorer,17.01.04.2002,102.95,-4.45,0
`;
const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai
C1,H1,rtlh,selesai,2025-01-01,2025-02-01
C2,H3,kesehatan,dilaporkan,2025-03-01,
C3,H1,rtlh,selesai,2025-01-10,2025-01-21
`;

let db: SqlClient;

beforeAll(async () => {
  db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
  await computeHouseholdCoverage(db, '2026-02-28');
});

describe('programme results SQL', () => {
  it('counts families reached: active agent and a visit or a case (H1, H3)', async () => {
    await expect(familiesReached(db)).resolves.toBe(2);
  });

  it('summarises the regency', async () => {
    const { summary } = await programmeResults(db, 1000);
    expect(summary).toEqual({
      agents_active: 2,
      households: 6,
      families_reached: 2,
      // household_coverage as the loader defines it (own active agent), distance only (near): H1 (0 m)
      // and H2 (≈ 556 m, never visited) within 1 km; H3 ≈ 1,112 m, H5 ≈ 5.5 km, H4 none, H6's agent is
      // inactive.
      coverage_pct: (100 * 2) / 6,
      cases_reported: 3,
      cases_resolved: 2,
      households_with_cases: 2,
      median_days: 21, // median of 31 and 11 days
      first_report: '2025-01-01',
      last_report: '2025-03-01',
    });
  });

  it('gives needs, months and kecamatan', async () => {
    const { needs, months, districts } = await programmeResults(db, 1000);
    expect(needs).toEqual([
      { need: 'rtlh', reported: 2, resolved: 2, households: 1, median_days: 21 },
      { need: 'kesehatan', reported: 1, resolved: 0, households: 1, median_days: null },
    ]);
    expect(months).toEqual([
      { month: '2025-01', reported: 2, resolved: 1, households: 1 },
      { month: '2025-02', reported: 0, resolved: 1, households: 1 },
      { month: '2025-03', reported: 1, resolved: 0, households: 1 },
    ]);
    expect(
      districts.map((d) => [d.district_name, d.households, d.families_reached, d.agents_active, d.reported]),
    ).toEqual([
      ['Kota Manna', 0, 0, 0, 0],
      ['Manna', 6, 2, 2, 3],
    ]);
    expect(districts[0]?.coverage_pct).toBeNull();
  });
});
