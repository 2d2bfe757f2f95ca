/**
 * Read-only guard of the analysts' SQL panel. DuckDB-WASM holds only the user's own data in
 * their browser, but a stray `DROP TABLE households` would still break the screen: the panel
 * runs one statement that starts with SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN,
 * VALUES or TABLE and contains no statement keyword that changes anything.
 */

export type SqlCheck =
  | { ok: true; sql: string; wrap: boolean }
  | { ok: false; reason: 'empty' | 'multiple' | 'notReadOnly'; keyword?: string };

const READ_STARTS = ['select', 'with', 'from', 'describe', 'show', 'summarize', 'explain', 'values', 'table'];
const WRAPPABLE = new Set(['select', 'with', 'from', 'values', 'table']);
/** Words that start or smuggle a writing statement (also inside WITH … or EXPLAIN …). */
const FORBIDDEN = [
  'insert',
  'update',
  'delete',
  'create',
  'drop',
  'alter',
  'attach',
  'detach',
  'copy',
  'install',
  'load',
  'set',
  'reset',
  'pragma',
  'export',
  'import',
  'call',
  'checkpoint',
  'vacuum',
  'truncate',
  'grant',
  'use',
  'begin',
  'commit',
  'rollback',
  'merge',
  'analyze',
];

/** The SQL with comments removed and string literals / quoted identifiers blanked out (one pass, left to right). */
export function stripLiterals(sql: string): string {
  return sql.replace(
    /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|\$\$[\s\S]*?(?:\$\$|$)/g,
    (m) => (m.startsWith("'") ? "''" : m.startsWith('"') ? '""' : m.startsWith('$') ? "''" : ' '),
  );
}

/**
 * Checks a query typed in the SQL panel. On success `sql` is the statement without its final
 * semicolon; `wrap` says it may be wrapped as a subquery (to cap the rows returned).
 */
export function checkReadOnly(input: string): SqlCheck {
  const sql = input.trim().replace(/;\s*$/, '').trim();
  const bare = stripLiterals(sql).trim();
  if (bare === '') return { ok: false, reason: 'empty' };
  if (bare.includes(';')) return { ok: false, reason: 'multiple' };
  const words = bare.toLowerCase().match(/[a-z_]+/g) ?? [];
  const first = words[0] ?? '';
  if (!READ_STARTS.includes(first)) return { ok: false, reason: 'notReadOnly', keyword: first.toUpperCase() };
  const bad = words.find((w) => FORBIDDEN.includes(w));
  if (bad) return { ok: false, reason: 'notReadOnly', keyword: bad.toUpperCase() };
  return { ok: true, sql, wrap: WRAPPABLE.has(first) };
}

/** Caps a wrappable query at `limit` rows (one more is fetched to tell the user it was cut). */
export function limitedSql(check: { sql: string; wrap: boolean }, limit: number): string {
  return check.wrap ? `SELECT * FROM (${check.sql}\n) AS q LIMIT ${Math.round(limit) + 1}` : check.sql;
}
