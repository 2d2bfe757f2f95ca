/**
 * The one masking policy for personal data (UU 27/2022 PDP), used by every view, table, tooltip, export,
 * report and the SQL sandbox. Pure apart from `sessionPolicy()`, which draws the page's random salt once.
 *
 * - Identifiers (household/KK id, NIK, agent id, NIP, case id) are shown as **pseudonyms**: a short keyed
 *   hash (HMAC-SHA-256 under a random per-page-load salt) written in 11 letters without digits, behind a
 *   prefix naming the kind, e.g. `KL-QWRTZXMNPKA`. The same id gives the same pseudonym for the whole page
 *   session (so tables, tooltips, exports and SQL results can be compared), distinct ids give distinct ones
 *   (≈ 2⁵⁰ values: no collision expected among millions), and no digit of the id can appear in it. After a
 *   reload the salt is new: pseudonyms from an earlier session cannot be linked to this one.
 * - Names (head of household, agent) are never shown, exported or copied into the SQL sandbox.
 * - Full ids appear only in the "internal" mode of an export, chosen per export and labelled in the file.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { NEED_CODES, needColumn, type TableName } from '../domain/schema';

/** Kinds of identifier; each has its own prefix and hash domain. */
export type IdKind = 'household' | 'kk' | 'nik' | 'agent' | 'nip' | 'case';

/** Prefix of each kind's pseudonym: letters only, Indonesian abbreviations. */
export const PSEUDONYM_PREFIX: Readonly<Record<IdKind, string>> = {
  household: 'KL', // keluarga
  kk: 'KK', // kartu keluarga
  nik: 'NK',
  agent: 'AG', // agen
  nip: 'NP',
  case: 'KS', // kasus
};

/** 24 upper-case letters without I and O (read as 1 and 0): a pseudonym holds no digit at all. */
export const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Letters after the prefix: 24¹¹ ≈ 1.5 × 10¹⁵ values (≈ 2⁵⁰). */
export const PSEUDONYM_LENGTH = 11;
/** Bytes of the random salt drawn per page load. */
export const SALT_BYTES = 16;

/** Masked (pseudonyms, the default everywhere) or internal (full ids: only per export, labelled). */
export type IdMode = 'masked' | 'internal';

export interface MaskingPolicy {
  /** Pseudonym of `raw`; '' for null, undefined or ''. Deterministic for the policy's salt. */
  pseudonym(kind: IdKind, raw: string | null | undefined): string;
  /** What a screen or export shows for an id in `mode`: the pseudonym, or the id itself when internal. */
  id(kind: IdKind, raw: string | null | undefined, mode?: IdMode): string;
}

const encoder = new TextEncoder();
const TWO_POW_32 = 2 ** 32;

/** Letters of the first 52 bits of `digest` in base 24 (52 bits hold an exact integer in a double). */
function letters(digest: Uint8Array): string {
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  let n = (view.getUint32(0) >>> 12) * TWO_POW_32 + view.getUint32(4);
  let out = '';
  for (let i = 0; i < PSEUDONYM_LENGTH; i++) {
    out += PSEUDONYM_ALPHABET[n % 24];
    n = Math.floor(n / 24);
  }
  return out;
}

/** The policy for `salt` (tests pass a fixed salt; the app uses `sessionPolicy()`). */
export function createMaskingPolicy(salt: Uint8Array): MaskingPolicy {
  if (salt.length < 8) throw new Error('masking salt must have at least 8 bytes');
  const keyed = hmac.create(sha256, salt);
  const pseudonym = (kind: IdKind, raw: string | null | undefined): string => {
    if (raw === null || raw === undefined || raw === '') return '';
    const mac = keyed
      .clone()
      .update(encoder.encode(`${kind}\u0000${raw}`))
      .digest();
    return `${PSEUDONYM_PREFIX[kind]}-${letters(mac)}`;
  };
  return {
    pseudonym,
    id: (kind, raw, mode = 'masked') => (mode === 'internal' ? (raw ?? '') : pseudonym(kind, raw)),
  };
}

/** A fresh random salt (crypto.getRandomValues: browsers, workers and Node alike). */
export function randomSalt(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

let session: MaskingPolicy | null = null;

/** The page's policy: one random salt per page load, never stored or shown. */
export function sessionPolicy(): MaskingPolicy {
  session ??= createMaskingPolicy(randomSalt());
  return session;
}

/**
 * What each column becomes wherever rows leave the app's own tables (the SQL sandbox):
 * kept as is, replaced by its pseudonym, rounded (coordinates), or dropped.
 */
export type ColumnTreatment =
  | { kind: 'keep' }
  | { kind: 'drop' }
  | { kind: 'pseudonym'; id: IdKind }
  | { kind: 'round'; decimals: number };

/**
 * Coordinates of homes are rounded to 3 decimals (≈ 110 m at the regency's latitude): enough for
 * village-level and hexagon analysis and for plotting, not enough to point at one house.
 */
export const COORDINATE_DECIMALS = 3;

const keep = { kind: 'keep' } as const;
const drop = { kind: 'drop' } as const;
const pseudo = (id: IdKind): ColumnTreatment => ({ kind: 'pseudonym', id });
const coordinate: ColumnTreatment = { kind: 'round', decimals: COORDINATE_DECIMALS };

/**
 * The treatment of every column of every canonical table. A column missing here is dropped (the SQL
 * sandbox copies only what is listed); a test checks that every schema column is listed, so a new
 * column is classified on purpose.
 */
export const COLUMN_POLICY: Readonly<Record<TableName, Readonly<Record<string, ColumnTreatment>>>> = {
  villages: {
    village_code: keep,
    village_name: keep,
    district_code: keep,
    district_name: keep,
    village_type: keep,
    label_lon: keep,
    label_lat: keep,
    area_km2: keep,
    population_2010: keep,
    village_code_bps: keep,
  },
  households: {
    household_id: pseudo('household'),
    village_code: keep,
    lon: coordinate,
    lat: coordinate,
    members: keep,
    head_name: drop,
    head_nik: drop,
    welfare_decile: keep,
    agent_id: pseudo('agent'),
    ...Object.fromEntries(NEED_CODES.map((c) => [needColumn(c), keep])),
    children_out_of_school: keep,
    last_visit: keep,
  },
  agents: {
    agent_id: pseudo('agent'),
    agent_name: drop,
    nip: drop,
    agent_type: keep,
    employer: keep,
    home_village_code: keep,
    lon: coordinate,
    lat: coordinate,
    active: keep,
  },
  cases: {
    case_id: pseudo('case'),
    household_id: pseudo('household'),
    need: keep,
    status: keep,
    reported_at: keep,
    resolved_at: keep,
    channel: keep,
    agent_id: pseudo('agent'),
  },
};

/** The columns of `table` that leave it, in schema order of COLUMN_POLICY, with their treatment. */
export const releasedColumns = (table: TableName): [string, Exclude<ColumnTreatment, { kind: 'drop' }>][] =>
  Object.entries(COLUMN_POLICY[table]).filter(
    (entry): entry is [string, Exclude<ColumnTreatment, { kind: 'drop' }>] => entry[1].kind !== 'drop',
  );
