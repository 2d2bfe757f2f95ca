/**
 * Types and constants of the import + validation core (src/core/import). Pure: no I/O, no UI strings
 * (issueMessage in ./messages gives the sentences).
 */
import type { TableName } from '../domain/schema';

/** What a file holds: one of the canonical tables, or village boundary polygons (GeoJSON). */
export type ImportKind = TableName | 'boundaries';
export const IMPORT_KINDS: readonly ImportKind[] = [
  'villages',
  'households',
  'agents',
  'cases',
  'boundaries',
];

export type ImportFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'geojson';

/** The formats a file is read from, in the order they are named to users. */
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'parquet', 'arrow', 'geojson'];

/** The formats' own names (the same in every language). */
export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  csv: 'CSV',
  xlsx: 'XLSX',
  parquet: 'Parquet',
  arrow: 'Arrow',
  geojson: 'GeoJSON',
};

/**
 * File name endings read as each format (formatFromName). The bytes decide in the end (detectFormat: ZIP → XLSX,
 * PAR1 → Parquet, an Arrow IPC stream or file → Arrow, text starting with '{' → GeoJSON, other text → CSV); the
 * endings are what a file picker offers.
 */
export const FORMAT_EXTENSIONS: Readonly<Record<ImportFormat, readonly string[]>> = {
  csv: ['csv', 'tsv', 'txt'],
  xlsx: ['xlsx', 'xlsm'],
  parquet: ['parquet', 'pq'],
  arrow: ['arrow', 'arrows', 'ipc', 'feather'],
  geojson: ['geojson', 'json'],
};

/**
 * The formats each kind of file is accepted in. Tables are read from any format (importTable has a reader for
 * each); village boundaries only from GeoJSON (validateBoundaries parses a FeatureCollection, and importTable
 * refuses any other format as 'unsupported_format'). The import dialog's help text and file picker derive from it.
 */
export const ACCEPTED_FORMATS: Readonly<Record<ImportKind, readonly ImportFormat[]>> = {
  villages: IMPORT_FORMATS,
  households: IMPORT_FORMATS,
  agents: IMPORT_FORMATS,
  cases: IMPORT_FORMATS,
  boundaries: ['geojson'],
};

/**
 * Row-level problems. Every code except those in WARNING_CODES rejects its row (the row is not loaded).
 * Column-level and file-level problems are `fatal` (see FatalCode), not issues.
 */
export const ISSUE_CODES = [
  // structure
  'wrong_field_count',
  'unclosed_quote',
  'line_too_long',
  'required_missing',
  // numbers
  'not_a_number',
  'not_an_integer',
  'value_out_of_range',
  'decile_out_of_range',
  // coordinates
  'coordinates_missing',
  'coordinates_not_numeric',
  'coordinates_swapped',
  'outside_regency',
  'far_from_village',
  // codes and references
  'unknown_village',
  'invalid_village_code',
  'duplicate_id',
  'unknown_household',
  'unknown_agent',
  // values
  'not_a_date',
  'invalid_value',
  'invalid_flag',
  'resolved_before_reported',
  'resolved_missing',
  'resolved_but_open',
  // boundaries (GeoJSON polygons, via analysis/boundary-match)
  'bad_geometry',
  'polygon_swapped_fixed',
  'duplicate_polygon_merged',
  'wrong_winding',
  'self_intersecting',
  'self_intersection_unchecked',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * Codes that flag a row but keep it: it is loaded, counted in the report and in dataQuality.
 * - far_from_village: coordinates inside the regency but far from the declared village (imprecise field geotag or
 *   a wrong village code — we cannot tell which, and dropping a poor family from the map is worse).
 * - polygon_swapped_fixed, duplicate_polygon_merged, wrong_winding: boundary features that analysis/boundary-match
 *   repairs explicitly (documented in data/README.md); reported, never silent.
 * - self_intersecting: a ring crosses itself (self-intersections.ts); drawn as it is, but areas and
 *   point-in-polygon tests on it are unreliable, so the official file should be fixed.
 * - self_intersection_unchecked: the file's budget of edge tests ran out before this polygon was checked.
 */
export const WARNING_CODES: ReadonlySet<IssueCode> = new Set([
  'far_from_village',
  'polygon_swapped_fixed',
  'duplicate_polygon_merged',
  'wrong_winding',
  'self_intersecting',
  'self_intersection_unchecked',
]);

export const isRejecting = (code: IssueCode): boolean => !WARNING_CODES.has(code);

export interface ImportIssue {
  /**
   * Where the problem is, 1-based, counted so a person can find it in the file:
   * CSV: the physical line on which the record starts (header = line 1; a quoted field with line breaks makes the
   * next record start further down); XLSX: the sheet row number (header row as found in the sheet);
   * Parquet and Arrow: record index + 1 (the first record is row 1; they have no header line);
   * GeoJSON: feature index + 1.
   */
  row: number;
  /** The SOURCE header (column name as written in the file), or null for a row-level problem. */
  column: string | null;
  code: IssueCode;
  /** The offending value as read (text), or null when missing / not applicable. */
  value: string | null;
}

export type FatalCode =
  | 'file_too_large'
  | 'empty_file'
  | 'not_text'
  | 'unreadable'
  | 'unsupported_format'
  | 'no_header'
  | 'no_data_rows'
  | 'missing_columns'
  | 'bad_mapping'
  | 'too_many_columns'
  | 'not_feature_collection'
  /** Beyond a bound that keeps the check's time and memory in hand: polygon vertices, XLSX expansion. */
  | 'too_complex'
  | 'cancelled'
  /** A bug or a broken database connection, not a problem of the file: the detail has the error. */
  | 'internal_error';

export interface ImportFatal {
  code: FatalCode;
  /** Details for people and logs (English, technical): the missing columns, the parser's message, sizes. */
  detail: string;
}

export interface DataQuality {
  /** Rows whose lon or lat is empty (rejected). */
  noCoordinates: number;
  /** Rows with coordinates outside REGENCY_BBOX, swapped ones included (rejected). */
  outsideRegency: number;
  /** Rows whose village code is not in the gazetteer (rejected). */
  unknownVillage: number;
  /** Rows farther than farFromVillageKm(village) from their village's label point (kept, flagged). */
  farFromVillage: number;
}

/**
 * How every physical line of a CSV file was used: valid + rejected rows + header + title + blank + continuation
 * lines = physical lines (a row is counted on the line it starts; the further lines of a row whose quoted value
 * holds line breaks are `continuation`).
 */
export interface LineAccount {
  physical: number;
  header: number;
  /** Title or date lines above the header. */
  title: number;
  /** Lines with no text (empty, spaces or delimiters only). */
  blank: number;
  continuation: number;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  /** null when the format could not be recognised. */
  format: ImportFormat | null;
  /** Data rows (or features) read, header excluded. */
  totalRows: number;
  /** Rows loaded into the canonical table (rows with only warnings included). */
  validRows: number;
  /** Rows with at least one rejecting issue; not loaded. */
  rejectedRows: number;
  /** Set when the file could not be used at all; then nothing was loaded and the table is unchanged. */
  fatal: ImportFatal | null;
  /**
   * Row (line) of the header in a CSV or XLSX file; above 1 when title rows above it were skipped. null for
   * formats without a header row (Parquet, GeoJSON) or when no header was read.
   */
  headerRow: number | null;
  /** CSV only: how every physical line was used (null for other formats or when the file was not read). */
  lines: LineAccount | null;
  /** canonical column → source header used for it. */
  mapping: Record<string, string>;
  /** Source headers not used by any canonical column (kept nowhere). */
  unmappedHeaders: string[];
  /** Number of issues per code (all issues, also beyond the `issues` cap). Codes with none are absent. */
  issueCounts: Partial<Record<IssueCode, number>>;
  /** The first EXAMPLES_PER_CODE issues of each code, in row order. */
  examples: Partial<Record<IssueCode, ImportIssue[]>>;
  /** All issues in row order, at most MAX_REPORTED_ISSUES; `issuesTruncated` says when there were more. */
  issues: ImportIssue[];
  issuesTruncated: boolean;
  dataQuality: DataQuality;
  /**
   * How 10-digit village codes were read: 'kemendagri' (1701DDNNNN) or 'bps' (BPS 2010 census code). A code that
   * is valid in only one system is read in that system; a code valid in both (25 of the 158 villages) is read in
   * this, the file's dominant system. null when the file has no village code column.
   */
  villageCodeSystem: 'kemendagri' | 'bps' | null;
  /** Reference checks not run because the reference table is absent or empty (e.g. 'unknown_agent'). */
  skippedChecks: IssueCode[];
  /** The canonical table that was replaced, or null when nothing was loaded. */
  loadedTable: ImportKind | null;
}

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
}

export type ImportStage = 'read' | 'stage' | 'check' | 'load' | 'report';

export interface ImportOptions {
  /**
   * canonical column → source header, overriding the automatic mapping for the columns given. A null or empty
   * value removes the column from the mapping. An unknown canonical name or a header not in the file is fatal
   * ('bad_mapping').
   */
  mapping?: Record<string, string | null>;
  signal?: AbortSignal;
  /** 0–1 overall, with the current stage. */
  onProgress?: (fraction: number, stage: ImportStage) => void;
}

/**
 * Largest file accepted, per format, checked before parsing (fatal 'file_too_large').
 * - CSV / Parquet 256 MB: the P3KE-shaped household CSV is ≈ 119 bytes a row, so ≈ 2.2 M rows — twice the 1 M
 *   target. DuckDB-WASM holds the staging text, the typed copy and the canonical table at once (≈ 3× the file),
 *   and a 32-bit WASM heap cannot grow beyond 4 GB (browsers often stop near 2 GB): 256 MB stays well inside.
 * - Arrow 256 MB: already columnar, read by DuckDB as it is (≈ 1.8 M households as `npm run data:convert` writes
 *   them); its columns are read as text for the checks like any other format's.
 * - XLSX 32 MB: exceljs expands the whole workbook into JS objects (≈ 20–40× the zipped size); 32 MB of XLSX is
 *   ≈ 300 k rows. Larger sheets: save as CSV.
 * - GeoJSON 128 MB: parsed with JSON.parse as a whole (≈ 3–5× in memory); official village polygons are < 20 MB.
 */
export const MAX_IMPORT_BYTES_BY_FORMAT: Readonly<Record<ImportFormat, number>> = {
  csv: 256 * 1024 * 1024,
  parquet: 256 * 1024 * 1024,
  arrow: 256 * 1024 * 1024,
  xlsx: 32 * 1024 * 1024,
  geojson: 128 * 1024 * 1024,
};

/** The largest file of any format (the CSV/Parquet limit): check File.size against it before reading a file. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/**
 * More rows than this in a columnar file (Parquet, Arrow) cannot be checked: measured with the validator (the
 * same DuckDB-WASM check), households in Parquet passed at 2.9 M rows and ran out of DuckDB's memory at 3.5 M
 * (3.1 GiB). A CSV at the byte limit holds ≈ 2.26 M household rows, an Arrow file ≈ 1.9 M.
 */
export const COLUMNAR_MAX_ROWS = 2_500_000;

/** Polygon vertices one boundary file may hold (the official 158 villages have ≈ 0.1 M). */
export const MAX_BOUNDARY_VERTICES = 2_000_000;

/** At most this many issues are kept in `issues` (counts stay exact). */
export const MAX_REPORTED_ISSUES = 100_000;
/** Examples kept per issue code. */
export const EXAMPLES_PER_CODE = 5;
/** Files with more columns than this are refused ('too_many_columns'): no real export comes near it. */
export const MAX_COLUMNS = 1000;

/**
 * Far from the declared village: the point is farther from the village's label point than
 * max(FAR_MIN_KM, FAR_RADIUS_FACTOR × √(area_km2 / π)) — five "equivalent radii", at least 10 km.
 * Checked against the shared village polygons: every vertex of every one of the 158 polygons lies within its
 * village's threshold (the worst, Batu Ampar 143 km², has vertices 17 km out and a threshold of 33.7 km; with a
 * flat 15 km, 2 real villages would be flagged). Villages without an area use FAR_MIN_KM.
 */
export const FAR_MIN_KM = 10;
export const FAR_RADIUS_FACTOR = 5;
