/**
 * A friendly first look at a query typed in the SQL panel, so a plain mistake gets a plain sentence before
 * anything runs. It is NOT the safety boundary: whatever passes or fails here, the query runs in the SQL
 * sandbox (src/features/planner/sql/sql-sandbox.ts), which can neither write the app's data, nor read files or URLs, nor
 * see personal columns.
 */

export type SqlHint = { kind: 'empty' } | { kind: 'notReadOnly'; keyword: string } | null;

/** What a query may start with (all run as a subquery in the sandbox). */
const READ_STARTS = new Set([
  'select',
  'with',
  'from',
  'describe',
  'show',
  'summarize',
  'values',
  'table',
  '(',
]);

/** The SQL with comments removed and string literals / quoted identifiers blanked out (one pass). */
export function stripLiterals(sql: string): string {
  return sql.replace(
    /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[eE]?'(?:[^'\\]|''|\\.)*'?|"(?:[^"]|"")*"?|\$\$[\s\S]*?(?:\$\$|$)/g,
    (m) => (m.startsWith('"') ? '""' : /^[/-]/.test(m) ? ' ' : "''"),
  );
}

/** A sentence-worthy problem with `input` (empty, or it starts like a statement that changes something). */
export function sqlHint(input: string): SqlHint {
  const bare = stripLiterals(input).trim();
  if (bare === '' || bare === ';') return { kind: 'empty' };
  const first = /^(\(|[A-Za-z_]+)/.exec(bare)?.[1]?.toLowerCase() ?? '';
  return READ_STARTS.has(first) ? null : { kind: 'notReadOnly', keyword: first.toUpperCase() };
}
