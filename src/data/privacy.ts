/**
 * Masking of personal data (UU 27/2022 PDP) for display and export.
 *
 * Identifiers (NIK, KK number, household id, NIP) and names are shown and exported
 * masked unless the user explicitly asks for the full values. All functions are pure.
 */
import { TABLES, type TableName } from './schema';

/** Character that replaces hidden characters. ASCII, so it survives any CSV encoding. */
export const MASK_CHAR = '*';

/**
 * Masks an identifier, keeping its length (so columns stay aligned) and at most its last
 * four characters — the rule for NIK and KK numbers ("last four digits at most"):
 *
 * | trimmed length | kept           | example                                   |
 * |----------------|----------------|-------------------------------------------|
 * | 0              | nothing        | `''` → `''`                               |
 * | 1–5            | nothing        | `AG001` → `*****`                         |
 * | 6–9            | last 2         | `AG00001` → `*****01`                     |
 * | ≥ 10           | last 4         | `1701011110776526` → `************6526`   |
 *
 * Masking is idempotent: masking a masked value changes nothing.
 */
export function maskIdentifier(value: string | null | undefined): string {
  const chars = Array.from((value ?? '').trim());
  const n = chars.length;
  const tail = n >= 10 ? 4 : n >= 6 ? 2 : 0;
  return chars.map((c, i) => (i >= n - tail ? c : MASK_CHAR)).join('');
}

/**
 * Reduces a name to its initials: `Lukman Syahputra` → `L. S.`. Words are split on
 * whitespace and commas (so academic titles such as `, S.Pd.` give an initial too);
 * the initial is the first letter of each word, upper-cased; words without letters
 * are dropped. Empty or missing names give `''`.
 */
export function maskName(name: string | null | undefined): string {
  const initials: string[] = [];
  for (const word of (name ?? '').split(/[\s,]+/u)) {
    const letter = /\p{L}/u.exec(word)?.[0];
    if (letter !== undefined) initials.push(`${letter.toLocaleUpperCase('id-ID')}.`);
  }
  return initials.join(' ');
}

/** How a personal column is masked. */
export type MaskKind = 'identifier' | 'name';

/**
 * Identifier columns masked by default even where the schema does not flag them as
 * personal (household_id is a key, but it is the P3KE family id of a real household).
 */
export const IDENTIFIER_COLUMNS: readonly string[] = ['household_id', 'head_nik', 'nip'];

/**
 * Mask kind of a personal column: identifier columns are identifiers, other personal
 * columns named `*_name` are names, any other personal column is masked like an
 * identifier (the stricter choice for a column nobody has classified yet).
 */
const maskKindOf = (column: string): MaskKind =>
  !IDENTIFIER_COLUMNS.includes(column) && /(^|_)name$/.test(column) ? 'name' : 'identifier';

const personalColumnsOf = (table: TableName): ReadonlyMap<string, MaskKind> =>
  new Map(
    TABLES[table]
      .filter((spec) => spec.personal === true || IDENTIFIER_COLUMNS.includes(spec.name))
      .map((spec) => [spec.name, maskKindOf(spec.name)] as const),
  );

/**
 * Per table, the columns that are masked in displays and exports by default, with how:
 * every column with `personal: true` in TABLES plus the IDENTIFIER_COLUMNS it has.
 */
export const PERSONAL_COLUMNS: Readonly<Record<TableName, ReadonlyMap<string, MaskKind>>> = {
  villages: personalColumnsOf('villages'),
  households: personalColumnsOf('households'),
  agents: personalColumnsOf('agents'),
  cases: personalColumnsOf('cases'),
};

/** All personal columns of all tables by canonical name, for query results that keep those names. */
export const ALL_PERSONAL_COLUMNS: ReadonlyMap<string, MaskKind> = new Map(
  Object.values(PERSONAL_COLUMNS).flatMap((columns) => [...columns]),
);

/** Masks one value: null/undefined stay as they are, anything else is masked as text. */
export function maskValue(kind: MaskKind, value: unknown): string | null | undefined {
  if (value === null || value === undefined) return value;
  const text = typeof value === 'string' ? value : String(value);
  return kind === 'name' ? maskName(text) : maskIdentifier(text);
}

/**
 * Copies `rows` with every column listed in `columns` masked (default: the personal
 * columns of all tables). Other columns are copied unchanged; the input is not modified.
 */
export function maskRows(
  rows: readonly Record<string, unknown>[],
  columns: ReadonlyMap<string, MaskKind> = ALL_PERSONAL_COLUMNS,
): Record<string, unknown>[] {
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const [column, kind] of columns) {
      if (Object.hasOwn(copy, column)) copy[column] = maskValue(kind, copy[column]);
    }
    return copy;
  });
}
