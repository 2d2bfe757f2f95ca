import { readFileSync } from 'node:fs';
import type { FixtureTables } from './fixture-db';

/**
 * A small synthetic dataset shaped like the demo (P3KE headers, 16-digit NIKs, 18-digit NIPs, full names)
 * together with every personal value in it, so tests can assert that none of them ever comes out.
 */
export interface PersonalFixture {
  tables: FixtureTables;
  /** Raw NIKs, NIPs, names and ids (household, agent, case) that must never appear in a sandbox result. */
  secrets: {
    niks: string[];
    nips: string[];
    names: string[];
    householdIds: string[];
    agentIds: string[];
    caseIds: string[];
  };
}

export const FIRST = [
  'Lukman',
  'Arman',
  'Siti',
  'Nur',
  'Edi',
  'Rahmawati',
  'Yusuf',
  'Dewi',
  'Bambang',
  'Intan',
];
export const LAST = ['Syahputra', 'Sulaiman', 'Aminah', 'Hakim', 'Sanusi', 'Lestari', 'Pratama', 'Wahyuni'];

/** Deterministic generator (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Matches any generated full name (first name, last name, two-letter tag). */
export const NAME_PATTERN = new RegExp(`(${FIRST.join('|')}) (${LAST.join('|')}) [A-Z][a-z]`);

export function personalFixture(households = 3000, agents = 120, cases = 1500, seed = 11): PersonalFixture {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const villageLines = readFileSync('data/villages.csv', 'utf8').trim().split('\n');
  const villages = villageLines.slice(1).map((line) => {
    const [code, , , , , lon, lat] = line.split(',');
    return { code: code ?? '', lon: Number(lon), lat: Number(lat) };
  });
  const name = () =>
    `${FIRST[int(FIRST.length)]} ${LAST[int(LAST.length)]} ${String.fromCharCode(65 + int(26))}${'bcdfghjk'[int(8)]}`;
  const secrets: PersonalFixture['secrets'] = {
    niks: [],
    nips: [],
    names: [],
    householdIds: [],
    agentIds: [],
    caseIds: [],
  };
  const agentLines = ['id_agen,nama_agen,nip,jenis_pegawai,unit_kerja,kode_desa_domisili,lon,lat,aktif'];
  for (let i = 1; i <= agents; i++) {
    const v = villages[int(villages.length)] ?? villages[0];
    const id = `AG${String(i).padStart(5, '0')}`;
    const nip = `19${digits(16)}`;
    const full = `${name()}, S.Pd.`;
    secrets.agentIds.push(id);
    secrets.nips.push(nip);
    secrets.names.push(full);
    const lon = (v?.lon ?? 103) + (random() - 0.5) * 0.01;
    const lat = (v?.lat ?? -4.4) + (random() - 0.5) * 0.01;
    agentLines.push(
      `${id},"${full}",${nip},${['asn', 'pppk', 'honorer'][int(3)]},SD Negeri ${i},${v?.code},${lon.toFixed(6)},${lat.toFixed(6)},${int(10) > 0 ? 1 : 0}`,
    );
  }
  const householdLines = [
    'id_keluarga_p3ke,kode_kemendagri,lon,lat,jumlah_anggota,nama_kepala_keluarga,nik,desil_kesejahteraan,id_agen,need_kesehatan,need_bencana,need_rtlh,need_adminduk,need_putus_sekolah,need_lingkungan,anak_tidak_sekolah,kunjungan_terakhir',
  ];
  for (let i = 1; i <= households; i++) {
    const v = villages[int(villages.length)] ?? villages[0];
    const id = `P${v?.code.replaceAll('.', '')}${String(i).padStart(6, '0')}`;
    const nik = `1701${digits(12)}`;
    const head = name();
    secrets.householdIds.push(id);
    secrets.niks.push(nik);
    secrets.names.push(head);
    const agent = int(8) > 0 ? `AG${String(1 + int(agents)).padStart(5, '0')}` : '';
    const flags = Array.from({ length: 6 }, () => (int(4) === 0 ? 1 : 0)).join(',');
    const lon = (v?.lon ?? 103) + (random() - 0.5) * 0.02;
    const lat = (v?.lat ?? -4.4) + (random() - 0.5) * 0.02;
    householdLines.push(
      `${id},${v?.code},${lon.toFixed(6)},${lat.toFixed(6)},${1 + int(7)},${head},${nik},${1 + int(10)},${agent},${flags},${int(2)},2026-0${1 + int(9)}-1${int(10)}`,
    );
  }
  const caseLines = [
    'id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen',
  ];
  for (let i = 1; i <= cases; i++) {
    const id = `KS${String(i).padStart(7, '0')}`;
    secrets.caseIds.push(id);
    const household = secrets.householdIds[int(households)];
    const status = ['dilaporkan', 'ditangani', 'selesai'][int(3)];
    const resolved = status === 'selesai' ? '2025-06-01' : '';
    caseLines.push(
      `${id},${household},${['kesehatan', 'rtlh', 'adminduk'][int(3)]},${status},2025-0${1 + int(5)}-0${1 + int(9)},${resolved},JSPS,AG${String(1 + int(agents)).padStart(5, '0')}`,
    );
  }
  return {
    tables: {
      villages: `${villageLines.join('\n')}\n`,
      households: `${householdLines.join('\n')}\n`,
      agents: `${agentLines.join('\n')}\n`,
      cases: `${caseLines.join('\n')}\n`,
    },
    secrets,
  };
}
