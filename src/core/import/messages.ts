/**
 * Sentences for issues and fatal errors, in Bahasa Indonesia and English. Pure (no i18next): the UI, the CSV
 * report and the headless validator all use them.
 */

import { AGENT_TYPES, CASE_STATUSES, NEED_CODES } from '../domain/schema';
import { toCsv } from '../export/table-export';
import { MAX_LINE_CHARS } from './csv-parse';
import { FLAG_FALSE, FLAG_TRUE } from './sql-expr';
import {
  FAR_MIN_KM,
  FAR_RADIUS_FACTOR,
  type ImportFatal,
  type ImportIssue,
  type ImportReport,
  type IssueCode,
  isRejecting,
} from './types';

export type Lang = 'id' | 'en';

/** Allowed values of enumerated columns by canonical or common source name (for the invalid_value message). */
const ENUM_HINTS: Record<string, readonly string[]> = {
  agent_type: AGENT_TYPES,
  jenis_pegawai: AGENT_TYPES,
  status_pegawai: AGENT_TYPES,
  status: CASE_STATUSES,
  status_kasus: CASE_STATUSES,
  need: NEED_CODES,
  kebutuhan: NEED_CODES,
  jenis_kebutuhan: NEED_CODES,
  village_type: ['desa', 'kelurahan'],
  jenis: ['desa', 'kelurahan'],
  tipe: ['desa', 'kelurahan'],
};

/**
 * A sentence from the value `v`, the words naming the column `c` (the file's header, or a plain label with it; see
 * ColumnNamer) and the issue's column as it is, `raw`.
 */
type Template = (v: string, c: string, raw: string) => string;

/**
 * How a message names an issue's column: from the column as the issue gives it (the file's header; for boundaries
 * a field name), the words to show, e.g. "Lintang (kolom lat)" with the label from the UI catalogue; null to show
 * the column as it is. The UI gives one; without it (headless validator) columns are named as in the file.
 */
export type ColumnNamer = (column: string) => string | null;

/** How a fatal error names a canonical field (the missing_columns detail lists canonical names). */
export type FieldNamer = (field: string) => string | null;

const ID: Record<IssueCode, Template> = {
  wrong_field_count: (v) => {
    const [got, want] = v.split('/');
    return `jumlah kolom salah (${got} isian, tajuk punya ${want})`;
  },
  unclosed_quote: (v) =>
    `tanda kutip dibuka tetapi tidak ditutup pada baris ini ("${v}…"); baris ini ditolak dan baris berikutnya dibaca seperti biasa`,
  line_too_long: () =>
    `baris terlalu panjang (lebih dari ${MAX_LINE_CHARS.toLocaleString('id-ID')} karakter); baris ini ditolak`,
  required_missing: (_v, c) => `${c} wajib diisi tetapi kosong`,
  not_a_number: (v, c) => `${c} bukan angka: "${v}"`,
  not_an_integer: (v, c) => `${c} harus bilangan bulat: "${v}"`,
  value_out_of_range: (v, c) => `${c} di luar rentang yang wajar: "${v}"`,
  decile_out_of_range: (v, c) => `desil kesejahteraan harus 1–10, tetapi ${c} berisi "${v}"`,
  coordinates_missing: (_v, c) => `koordinat kosong: ${c}`,
  coordinates_not_numeric: (v, c) => `koordinat ${c} bukan angka: "${v}"`,
  coordinates_swapped: (v, c) =>
    `bujur dan lintang tertukar (${c}: ${v}); baris ditolak, tidak diperbaiki otomatis — tukar kolomnya di berkas`,
  outside_regency: (v, c) => `koordinat di luar Kabupaten Bengkulu Selatan (${c}: ${v})`,
  far_from_village: (v, c) =>
    `koordinat (${c}) berjarak ${v} dari titik pusat desa yang dicantumkan (batas ${FAR_MIN_KM} km atau ${FAR_RADIUS_FACTOR}× jari-jari desa); baris tetap dimuat dan ditandai`,
  unknown_village: (v, c) => `${c} tidak ada di daftar desa: "${v}"`,
  invalid_village_code: (v, c) =>
    `${c} bukan kode desa yang sah (harus 17.01.DD.NNNN atau 1701DDNNNN): "${v}"`,
  duplicate_id: (v, c) =>
    `ID ganda di ${c}: "${v}" muncul lebih dari sekali; semua baris dengan ID ini ditolak`,
  unknown_household: (v, c) => `${c} "${v}" tidak ada di data keluarga yang dimuat`,
  unknown_agent: (v, c) => `${c} "${v}" tidak ada di data agen yang dimuat`,
  not_a_date: (v, c) => `${c} bukan tanggal (format TTTT-BB-HH): "${v}"`,
  invalid_value: (v, c, raw) => {
    const allowed = ENUM_HINTS[raw.toLowerCase()];
    return `nilai ${c} tidak sah: "${v}"${allowed ? ` (pilihan: ${allowed.join(', ')})` : ''}`;
  },
  invalid_flag: (v, c) => `${c} harus ${[...FLAG_TRUE, ...FLAG_FALSE].join('/')}: "${v}"`,
  resolved_before_reported: (v, c) => `${c} lebih awal dari tanggal lapor: ${v}`,
  resolved_missing: (_v, c) => `status selesai tetapi ${c} kosong`,
  resolved_but_open: (v, c) => `${c} terisi "${v}" padahal status belum selesai`,
  bad_geometry: () => `geometri bukan Polygon/MultiPolygon yang sah (cincin rusak atau kurang dari 4 titik)`,
  polygon_swapped_fixed: (v) =>
    `poligon ${v} memakai urutan lintang/bujur yang tertukar; sudah ditukar kembali (dilaporkan, tetap dipakai)`,
  duplicate_polygon_merged: (v) =>
    `kode ${v} muncul di lebih dari satu fitur; poligonnya digabung ke fitur pertama`,
  wrong_winding: () => `arah putaran cincin poligon terbalik (RFC 7946); poligon tetap dipakai apa adanya`,
  self_intersecting: (v) =>
    `cincin poligon memotong dirinya sendiri di ${v}; poligon tetap digambar, perbaiki berkasnya`,
  self_intersection_unchecked: () =>
    `poligon terlalu rumit untuk diperiksa apakah memotong dirinya sendiri; poligon tetap digambar, periksa di aplikasi SIG`,
};

const EN: Record<IssueCode, Template> = {
  wrong_field_count: (v) => {
    const [got, want] = v.split('/');
    return `wrong number of fields (${got}, the header has ${want})`;
  },
  unclosed_quote: (v) =>
    `a quote opens on this line and is never closed ("${v}…"); the line is rejected and the next lines are read as usual`,
  line_too_long: () =>
    `line too long (over ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters); the line is rejected`,
  required_missing: (_v, c) => `${c} is required but empty`,
  not_a_number: (v, c) => `${c} is not a number: "${v}"`,
  not_an_integer: (v, c) => `${c} must be a whole number: "${v}"`,
  value_out_of_range: (v, c) => `${c} is out of range: "${v}"`,
  decile_out_of_range: (v, c) => `welfare decile must be 1–10, but ${c} holds "${v}"`,
  coordinates_missing: (_v, c) => `coordinate missing: ${c}`,
  coordinates_not_numeric: (v, c) => `coordinate ${c} is not a number: "${v}"`,
  coordinates_swapped: (v, c) =>
    `longitude and latitude are swapped (${c}: ${v}); the row is rejected, not fixed — swap the columns in the file`,
  outside_regency: (v, c) => `coordinates outside Bengkulu Selatan regency (${c}: ${v})`,
  far_from_village: (v, c) =>
    `coordinates (${c}) lie ${v} from the declared village's centre point (limit ${FAR_MIN_KM} km or ${FAR_RADIUS_FACTOR}× the village radius); the row is loaded and flagged`,
  unknown_village: (v, c) => `${c} is not in the list of villages: "${v}"`,
  invalid_village_code: (v, c) =>
    `${c} is not a valid village code (expected 17.01.DD.NNNN or 1701DDNNNN): "${v}"`,
  duplicate_id: (v, c) =>
    `duplicate id in ${c}: "${v}" appears more than once; every row with this id is rejected`,
  unknown_household: (v, c) => `${c} "${v}" is not in the loaded households`,
  unknown_agent: (v, c) => `${c} "${v}" is not in the loaded agents`,
  not_a_date: (v, c) => `${c} is not a date (YYYY-MM-DD): "${v}"`,
  invalid_value: (v, c, raw) => {
    const allowed = ENUM_HINTS[raw.toLowerCase()];
    return `invalid value in ${c}: "${v}"${allowed ? ` (allowed: ${allowed.join(', ')})` : ''}`;
  },
  invalid_flag: (v, c) => `${c} must be one of ${[...FLAG_TRUE, ...FLAG_FALSE].join('/')}: "${v}"`,
  resolved_before_reported: (v, c) => `${c} is before the report date: ${v}`,
  resolved_missing: (_v, c) => `status is selesai (resolved) but ${c} is empty`,
  resolved_but_open: (v, c) => `${c} is "${v}" but the status is not selesai (resolved)`,
  bad_geometry: () => `geometry is not a valid Polygon/MultiPolygon (broken ring or fewer than 4 positions)`,
  polygon_swapped_fixed: (v) =>
    `polygon ${v} has latitude/longitude swapped; it was swapped back (reported, still used)`,
  duplicate_polygon_merged: (v) =>
    `code ${v} appears in more than one feature; the polygons were merged into the first`,
  wrong_winding: () => `polygon rings wind the wrong way (RFC 7946); the polygon is used as it is`,
  self_intersecting: (v) => `a polygon ring crosses itself at ${v}; the polygon is drawn, fix the file`,
  self_intersection_unchecked: () =>
    `the polygon is too complex to check for self-intersections here; it is drawn, check it in a GIS`,
};

/** One clear sentence naming the row, the column (in the words `name` gives, if any) and the problem. */
export function issueMessage(issue: ImportIssue, lang: Lang, name?: ColumnNamer): string {
  const templates = lang === 'id' ? ID : EN;
  const raw = issue.column ?? (lang === 'id' ? '(kolom)' : '(column)');
  const named = issue.column === null ? null : (name?.(issue.column) ?? null);
  const text = templates[issue.code](issue.value ?? '', named ?? raw, raw);
  const where = lang === 'id' ? `Baris ${issue.row}` : `Row ${issue.row}`;
  return `${where}: ${text}.`;
}

/** Short name of an issue code, for tables and legends. */
export function issueLabel(code: IssueCode, lang: Lang): string {
  const id: Record<IssueCode, string> = {
    wrong_field_count: 'Jumlah kolom salah',
    unclosed_quote: 'Tanda kutip tidak ditutup',
    line_too_long: 'Baris terlalu panjang',
    required_missing: 'Isian wajib kosong',
    not_a_number: 'Bukan angka',
    not_an_integer: 'Bukan bilangan bulat',
    value_out_of_range: 'Di luar rentang',
    decile_out_of_range: 'Desil di luar 1–10',
    coordinates_missing: 'Tanpa koordinat',
    coordinates_not_numeric: 'Koordinat bukan angka',
    coordinates_swapped: 'Bujur/lintang tertukar',
    outside_regency: 'Di luar kabupaten',
    far_from_village: 'Jauh dari desa',
    unknown_village: 'Desa tidak dikenal',
    invalid_village_code: 'Kode desa tidak sah',
    duplicate_id: 'ID ganda',
    unknown_household: 'Keluarga tidak dikenal',
    unknown_agent: 'Agen tidak dikenal',
    not_a_date: 'Bukan tanggal',
    invalid_value: 'Nilai tidak sah',
    invalid_flag: 'Isian ya/tidak tidak sah',
    resolved_before_reported: 'Selesai sebelum dilapor',
    resolved_missing: 'Tanggal selesai kosong',
    resolved_but_open: 'Tanggal selesai pada kasus terbuka',
    bad_geometry: 'Geometri rusak',
    polygon_swapped_fixed: 'Poligon tertukar (diperbaiki)',
    duplicate_polygon_merged: 'Poligon ganda (digabung)',
    wrong_winding: 'Arah putaran terbalik',
    self_intersecting: 'Poligon memotong diri',
    self_intersection_unchecked: 'Poligon tidak diperiksa',
  };
  const en: Record<IssueCode, string> = {
    wrong_field_count: 'Wrong number of fields',
    unclosed_quote: 'Unclosed quote',
    line_too_long: 'Line too long',
    required_missing: 'Required value empty',
    not_a_number: 'Not a number',
    not_an_integer: 'Not a whole number',
    value_out_of_range: 'Out of range',
    decile_out_of_range: 'Decile not 1–10',
    coordinates_missing: 'No coordinates',
    coordinates_not_numeric: 'Coordinates not numeric',
    coordinates_swapped: 'Lon/lat swapped',
    outside_regency: 'Outside the regency',
    far_from_village: 'Far from village',
    unknown_village: 'Unknown village',
    invalid_village_code: 'Invalid village code',
    duplicate_id: 'Duplicate id',
    unknown_household: 'Unknown household',
    unknown_agent: 'Unknown agent',
    not_a_date: 'Not a date',
    invalid_value: 'Invalid value',
    invalid_flag: 'Invalid yes/no value',
    resolved_before_reported: 'Resolved before reported',
    resolved_missing: 'Resolution date missing',
    resolved_but_open: 'Resolution date on open case',
    bad_geometry: 'Broken geometry',
    polygon_swapped_fixed: 'Swapped polygon (fixed)',
    duplicate_polygon_merged: 'Duplicate polygon (merged)',
    wrong_winding: 'Wrong ring winding',
    self_intersecting: 'Self-intersecting polygon',
    self_intersection_unchecked: 'Polygon not checked',
  };
  return (lang === 'id' ? id : en)[code];
}

const FATAL: Record<ImportFatal['code'], { id: string; en: string }> = {
  file_too_large: {
    id: 'Berkas terlalu besar untuk dibuka di peramban',
    en: 'The file is too large to open in the browser',
  },
  empty_file: { id: 'Berkas kosong', en: 'The file is empty' },
  not_text: {
    id: 'Berkas bukan CSV, XLSX, Parquet, Arrow atau GeoJSON',
    en: 'The file is not CSV, XLSX, Parquet, Arrow or GeoJSON',
  },
  unreadable: { id: 'Berkas tidak dapat dibaca', en: 'The file cannot be read' },
  unsupported_format: {
    id: 'Format berkas tidak didukung di sini',
    en: 'This file format is not supported here',
  },
  no_header: { id: 'Berkas tidak punya baris tajuk (nama kolom)', en: 'The file has no header row' },
  no_data_rows: {
    id: 'Berkas hanya berisi tajuk, tanpa baris data; tabel yang ada tidak diganti',
    en: 'The file has a header but no data rows; the current table was not replaced',
  },
  missing_columns: {
    id: 'Kolom wajib tidak ditemukan; atur pemetaan kolom atau perbaiki tajuk',
    en: 'Required columns not found; adjust the column mapping or the headers',
  },
  bad_mapping: { id: 'Pemetaan kolom tidak sah', en: 'Invalid column mapping' },
  too_many_columns: { id: 'Terlalu banyak kolom', en: 'Too many columns' },
  not_feature_collection: {
    id: 'Berkas bukan GeoJSON FeatureCollection',
    en: 'The file is not a GeoJSON FeatureCollection',
  },
  too_complex: {
    id: 'Berkas terlalu rumit untuk diperiksa di peramban',
    en: 'The file is too complex to check in the browser',
  },
  cancelled: { id: 'Impor dibatalkan; tidak ada yang dimuat', en: 'Import cancelled; nothing was loaded' },
  internal_error: {
    id: 'Galat internal saat mengimpor (bukan kesalahan berkas)',
    en: 'Internal error during the import (not a problem of the file)',
  },
};

/**
 * One sentence for a fatal error, with its detail. The missing_columns detail is the canonical names joined by
 * ', ' (resolveMapping); `field`, when given, names them in plain words.
 */
export function fatalMessage(fatal: ImportFatal, lang: Lang, field?: FieldNamer): string {
  const detail =
    fatal.code === 'missing_columns' && field
      ? fatal.detail
          .split(', ')
          .map((name) => field(name) ?? name)
          .join(', ')
      : fatal.detail;
  return `${FATAL[fatal.code][lang]}: ${detail}.`;
}

/**
 * The full issue list as CSV (UTF-8 with BOM, injection-safe via table-export's toCsv): row, column, code,
 * severity, value, message. Values come from the user's file: a cell starting with = + - @ is neutralised.
 */
export function reportToCsv(report: ImportReport, lang: Lang = 'id', name?: ColumnNamer): string {
  const rows = report.issues.map((issue) => ({
    row: issue.row,
    column: issue.column ?? '',
    code: issue.code,
    severity: isRejecting(issue.code) ? 'rejected' : 'warning',
    value: issue.value ?? '',
    message: issueMessage(issue, lang, name),
  }));
  const headers =
    lang === 'id'
      ? ['baris', 'kolom', 'kode', 'tingkat', 'nilai', 'keterangan']
      : ['row', 'column', 'code', 'severity', 'value', 'message'];
  const keys = ['row', 'column', 'code', 'severity', 'value', 'message'];
  return toCsv(
    keys.map((key, i) => ({ key, header: headers[i] ?? key, kind: key === 'row' ? 'number' : 'text' })),
    rows,
  );
}
