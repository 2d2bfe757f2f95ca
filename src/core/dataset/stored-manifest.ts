/**
 * The shape of an imported dataset as kept in this browser, and the checks that refuse anything else.
 *
 * Layout (format 2): one `manifest` value describing each file — its kind, name, mapping, original byte length,
 * SHA-256 and the stored (gzip) chunks — and the chunks themselves under their own keys, each small enough for
 * IndexedDB. Format 1 (before chunking) kept the whole dataset, raw bytes included, in one value; it is still
 * read (and rewritten as format 2).
 *
 * Hand-written checks rather than a JSON-schema library: the built page's Content Security Policy forbids
 * the code generation such validators rely on, and the shape is small.
 */

/** The three files of a published aggregate-only dataset (aggregates/format.ts), imported instead of households. */
export const AGGREGATE_KINDS = ['aggregate_manifest', 'aggregate_figures', 'aggregate_months'] as const;
export type AggregateKind = (typeof AGGREGATE_KINDS)[number];
export const STORED_KINDS = ['households', 'agents', 'cases', 'boundaries', ...AGGREGATE_KINDS] as const;
export type StoredKind = (typeof STORED_KINDS)[number];
export const MANIFEST_FORMAT = 2;

export interface StoredFileEntry {
  kind: StoredKind;
  fileName: string;
  mapping?: Record<string, string>;
  /** Length of the file as the user gave it. */
  byteLength: number;
  /** SHA-256 (hex) of the file as the user gave it. */
  sha256: string;
  /** 'gzip': the chunks are the gzip stream of the file, cut at fixed sizes. */
  encoding: 'gzip';
  /** Byte length of each stored chunk, in order. */
  chunks: number[];
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  /** Names this save's chunk keys, so a new save never overwrites the chunks of the one still in use. */
  generation: string;
  name: string;
  savedAt: string;
  files: StoredFileEntry[];
}

/** Format 1: the whole dataset in one value. */
export interface LegacyDataset {
  name: string;
  savedAt: string;
  files: { kind: StoredKind; fileName: string; bytes: Uint8Array; mapping?: Record<string, string> }[];
}

/** The stored dataset cannot be used as it is: damaged, truncated, or not written by this app. */
export class DamagedDatasetError extends Error {
  override readonly name = 'DamagedDatasetError';
  constructor(
    /** The dataset's name when the manifest still gives it. */
    readonly datasetName: string | null,
    /** What is wrong, for the console (never shown to users). */
    readonly detail: string,
  ) {
    super(`stored dataset${datasetName ? ` "${datasetName}"` : ''} is damaged: ${detail}`);
  }
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isKind = (v: unknown): v is StoredKind => STORED_KINDS.includes(v as StoredKind);

function isMapping(v: unknown): v is Record<string, string> | undefined {
  return v === undefined || (isDict(v) && Object.values(v).every((x) => typeof x === 'string'));
}

/** The dataset's name if `raw` is shaped enough to have one. */
function nameOf(raw: unknown): string | null {
  return isDict(raw) && typeof raw.name === 'string' ? raw.name : null;
}

/**
 * Problems with the common part of both formats (name, date, one file per kind, and either households or the
 * three aggregate files — never both).
 */
function commonProblems(raw: Dict): string | null {
  if (typeof raw.name !== 'string') return 'name is not text';
  if (typeof raw.savedAt !== 'string') return 'savedAt is not text';
  if (!Array.isArray(raw.files)) return 'files is not a list';
  const kinds = new Set<unknown>();
  for (const [i, file] of raw.files.entries()) {
    if (!isDict(file)) return `file ${i} is not an object`;
    if (!isKind(file.kind)) return `file ${i} has an unknown kind`;
    if (kinds.has(file.kind)) return `two files of kind ${file.kind}`;
    kinds.add(file.kind);
    if (typeof file.fileName !== 'string') return `file ${i} has no name`;
    if (!isMapping(file.mapping)) return `file ${i} has a malformed column mapping`;
  }
  const aggregates = AGGREGATE_KINDS.filter((kind) => kinds.has(kind)).length;
  if (aggregates > 0 && aggregates < AGGREGATE_KINDS.length) return 'an aggregate file is missing';
  if (aggregates > 0 && kinds.has('households')) return 'both households and aggregates';
  if (aggregates === 0 && !kinds.has('households')) return 'no households file';
  return null;
}

function fileProblems(file: Dict, i: number): string | null {
  if (!isCount(file.byteLength)) return `file ${i} has no byte length`;
  if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256))
    return `file ${i} has no SHA-256`;
  if (file.encoding !== 'gzip') return `file ${i} has an unknown encoding`;
  if (!Array.isArray(file.chunks) || file.chunks.length === 0 || !file.chunks.every(isCount))
    return `file ${i} has no chunk list`;
  return null;
}

/** `raw` as a format-2 manifest, or a DamagedDatasetError saying what is wrong. */
export function parseManifest(raw: unknown): DatasetManifest {
  const fail = (detail: string) => new DamagedDatasetError(nameOf(raw), detail);
  if (!isDict(raw)) throw fail('manifest is not an object');
  if (raw.format !== MANIFEST_FORMAT) throw fail(`unknown format ${String(raw.format)}`);
  if (typeof raw.generation !== 'string' || raw.generation === '') throw fail('no generation');
  const problem =
    commonProblems(raw) ?? (raw.files as Dict[]).map(fileProblems).find((p) => p !== null) ?? null;
  if (problem) throw fail(problem);
  return raw as unknown as DatasetManifest;
}

/** `raw` as a format-1 dataset, or a DamagedDatasetError saying what is wrong. */
export function parseLegacy(raw: unknown): LegacyDataset {
  const fail = (detail: string) => new DamagedDatasetError(nameOf(raw), `(format 1) ${detail}`);
  if (!isDict(raw)) throw fail('not an object');
  const noBytes = () => {
    const i = (raw.files as Dict[]).findIndex((f) => !(f.bytes instanceof Uint8Array));
    return i >= 0 ? `file ${i} has no bytes` : null;
  };
  const problem = commonProblems(raw) ?? noBytes();
  if (problem) throw fail(problem);
  return raw as unknown as LegacyDataset;
}
