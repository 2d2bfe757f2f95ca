/**
 * The planner's small DuckDB fixture, shared by the planner's SQL tests: the canonical tables loaded as
 * the app loads CSV files, each household's distance to its own agent as the loader stores it, and the
 * planner's tables prepared.
 */
import { preparePlannerTables } from '../../src/core/cube/tables';
import type { SqlClient } from '../../src/core/sql/sql-client';
import { fixtureDb } from './fixture-db';

// Three villages in two kecamatan; Gamma has no households. Areas 2, 4 and 1 km².
const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,4.0,700
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`;

// Only two need columns: the other four are unknown (NULL) for everyone. H5 knows no need at all.
// A1 and A2 live at Alpha's point, A3 at Beta's (0.05° ≈ 5.5 km east): H6 (Beta, agent A2) is far.
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

// The cases span 2025-01 – 2025-04.
const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen
C1,H1,kesehatan,selesai,2025-01-10,2025-02-15,JSPS,A1
C2,H1,rtlh,ditangani,2025-01-20,,JSPS,A1
C3,H3,kesehatan,dilaporkan,2025-03-05,,TRC,A2
C4,H6,rtlh,selesai,2025-02-01,2025-02-20,JSPS,A2
C5,H4,rtlh,selesai,2025-02-10,2025-04-01,TRC,
`;

/** A DuckDB with the planner's fixture loaded and the planner's tables prepared. */
export async function plannerFixtureDb(): Promise<SqlClient> {
  const db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
  // Distances to each household's own agent, as the loader stores them (H4 has no agent; H6's lives ≈ 5.5 km
  // away, all others at their agent's home); the planner counts only distance (near), not visits.
  await db.queryTable(`CREATE OR REPLACE TABLE household_coverage AS
    SELECT h.rowid::INTEGER AS row_id, CASE WHEN h.agent_id IS NULL THEN 0 ELSE 3 END::UTINYINT AS agent_state,
      CASE h.household_id WHEN 'H4' THEN NULL WHEN 'H6' THEN 5550.0 ELSE 0.0 END AS agent_distance_m,
      NULL::INTEGER AS visit_age_days, false AS visits_recorded
    FROM households h`);
  await preparePlannerTables(db);
  return db;
}
