/**
 * The data contract (../shared/docs/SCHEMA.md, documented in full in data/README.md):
 * canonical table and column names, the aliases accepted on import, and the need codes.
 * The demo generator, the loader, the SQL and the views all speak these names.
 */

import { NEED_CODES, needColumn } from './needs';

export { NEED_CODES, type NeedCode, needColumn } from './needs';

export const CASE_STATUSES = ['dilaporkan', 'ditangani', 'selesai'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const AGENT_TYPES = ['asn', 'pppk', 'honorer'] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

/** Referral channels known today; configurable, more will come. */
export const DEFAULT_CHANNELS = ['JSPS', 'SPADA', 'TRC', 'Bujang Dusun', 'Era Gro'] as const;

export type ColumnType = 'text' | 'double' | 'integer' | 'date' | 'flag';

export interface ColumnSpec {
  /** Canonical snake_case name. */
  name: string;
  type: ColumnType;
  required: boolean;
  /** Other header names accepted on import (P3KE/Regsosek exports and Indonesian spellings). */
  aliases: readonly string[];
  /** Personal data (UU 27/2022 PDP): never leaves the browser, shown masked where an identifier. */
  personal?: boolean;
}

export type TableName = 'villages' | 'households' | 'agents' | 'cases';

/** The DuckDB type each column type is stored as. */
export const SQL_TYPE: Readonly<Record<ColumnType, string>> = {
  text: 'VARCHAR',
  double: 'DOUBLE',
  integer: 'INTEGER',
  date: 'DATE',
  flag: 'INTEGER',
};

const col = (
  name: string,
  type: ColumnType,
  required: boolean,
  aliases: readonly string[] = [],
  personal = false,
): ColumnSpec => ({ name, type, required, aliases, personal });

const needColumns: ColumnSpec[] = NEED_CODES.map((code) =>
  col(needColumn(code), 'flag', false, [code, `butuh_${code}`]),
);

export const TABLES: Record<TableName, readonly ColumnSpec[]> = {
  villages: [
    col('village_code', 'text', true, ['kode_desa', 'kode_kemendagri', 'kode_wilayah', 'kode']),
    col('village_name', 'text', true, ['nama_desa', 'desa', 'desa_kelurahan', 'nama']),
    col('district_code', 'text', true, ['kode_kecamatan']),
    col('district_name', 'text', true, ['kecamatan', 'nama_kecamatan']),
    col('village_type', 'text', false, ['jenis', 'tipe', 'type']),
    col('label_lon', 'double', true),
    col('label_lat', 'double', true),
    col('area_km2', 'double', false, ['luas_km2']),
    col('population_2010', 'integer', false, ['penduduk_2010']),
    col('village_code_bps', 'text', false, ['kode_bps', 'bps_code', 'kode_desa_bps']),
  ],
  households: [
    col('household_id', 'text', true, ['id_keluarga_p3ke', 'id_keluarga', 'id_kk']),
    col('village_code', 'text', true, ['kode_desa', 'kode_kemendagri', 'kode_wilayah']),
    col('lon', 'double', true, ['longitude', 'bujur', 'lng', 'x']),
    col('lat', 'double', true, ['latitude', 'lintang', 'y']),
    col('members', 'integer', false, ['jumlah_anggota', 'jumlah_art']),
    col('head_name', 'text', false, ['nama_kepala_keluarga', 'nama_lengkap', 'nama_krt'], true),
    col('head_nik', 'text', false, ['nik', 'nik_kepala_keluarga'], true),
    col('welfare_decile', 'integer', false, ['desil_kesejahteraan', 'desil']),
    col('agent_id', 'text', false, ['id_agen', 'nip_agen']),
    ...needColumns,
    col('children_out_of_school', 'integer', false, ['anak_tidak_sekolah']),
    col('last_visit', 'date', false, ['kunjungan_terakhir', 'tanggal_kunjungan']),
  ],
  agents: [
    col('agent_id', 'text', true, ['id_agen']),
    col('agent_name', 'text', false, ['nama', 'nama_agen'], true),
    col('nip', 'text', false, ['ni_pppk'], true),
    col('agent_type', 'text', true, ['jenis_pegawai', 'status_pegawai']),
    col('employer', 'text', false, ['opd', 'unit_kerja', 'instansi']),
    col('home_village_code', 'text', true, ['kode_desa_domisili', 'kode_desa']),
    col('lon', 'double', true, ['longitude', 'bujur', 'lng', 'x']),
    col('lat', 'double', true, ['latitude', 'lintang', 'y']),
    col('active', 'flag', false, ['aktif']),
  ],
  cases: [
    col('case_id', 'text', true, ['id_kasus']),
    col('household_id', 'text', true, ['id_keluarga_p3ke', 'id_keluarga', 'id_kk']),
    col('need', 'text', true, ['kebutuhan', 'jenis_kebutuhan']),
    col('status', 'text', true, ['status_kasus']),
    col('reported_at', 'date', true, ['tanggal_lapor']),
    col('resolved_at', 'date', false, ['tanggal_selesai']),
    col('channel', 'text', false, ['kanal', 'program']),
    col('agent_id', 'text', false, ['id_agen']),
  ],
};

/** Header names are compared trimmed, lower-case, with spaces and dashes as underscores. */
export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Maps each canonical column of `table` to the header in `headers` that supplies it
 * (canonical name first, then aliases in order). Missing optional columns are absent.
 */
export function resolveColumns(table: TableName, headers: readonly string[]): Map<string, string> {
  const byNormal = new Map(headers.map((h) => [normaliseHeader(h), h] as const));
  const found = new Map<string, string>();
  for (const spec of TABLES[table]) {
    for (const candidate of [spec.name, ...spec.aliases]) {
      const header = byNormal.get(candidate);
      if (header !== undefined) {
        found.set(spec.name, header);
        break;
      }
    }
  }
  return found;
}

/** Canonical required columns of `table` that `headers` cannot supply. */
export function missingRequired(table: TableName, headers: readonly string[]): string[] {
  const found = resolveColumns(table, headers);
  return TABLES[table].filter((c) => c.required && !found.has(c.name)).map((c) => c.name);
}

/** A village code of this regency in canonical form, `17.01.DD.NNNN`. */
export const VILLAGE_CODE = /^17\.01\.\d{2}\.\d{4}$/;
/** A kecamatan code of this regency, `17.01.DD`. */
export const DISTRICT_CODE = /^17\.01\.\d{2}$/;
const PLAIN = /^1701(\d{2})(\d{4})$/;

/** Canonical Kemendagri village code `17.01.DD.NNNN` from the dotted or 10-digit form; null if neither. */
export function normaliseVillageCode(raw: string): string | null {
  const code = raw.trim();
  if (VILLAGE_CODE.test(code)) return code;
  const m = PLAIN.exec(code);
  return m ? `17.01.${m[1]}.${m[2]}` : null;
}

/** Regency extent with a small margin (SOURCES.md: 102.796–103.289 E, 4.160–4.559 S). */
export const REGENCY_BBOX = { west: 102.77, south: -4.6, east: 103.32, north: -4.13 } as const;

/** Coverage rule of the programme: a household is covered when its agent lives within this distance. */
export const DEFAULT_COVERAGE_THRESHOLD_M = 1000;
/** The programme's rule: each agent looks after at least this many families. */
export const MIN_FAMILIES_PER_AGENT = 10;
