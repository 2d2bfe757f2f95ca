/**
 * The de-identified copies of the canonical tables that the SQL sandbox holds (pure: SQL text and Arrow in,
 * Arrow out). Only the columns COLUMN_POLICY releases are read at all; names, NIK and NIP never leave the
 * app's own tables; ids become the session's pseudonyms (the same raw id gives the same pseudonym in every
 * table, so joins still work); home coordinates are rounded.
 *
 * Every column is rebuilt from its values with the canonical Arrow type (cast in SQL first), so the copy
 * never shares buffers with the source and does not depend on which Arrow build produced the result.
 */
import { Table, type Vector } from 'apache-arrow';
import { type ColumnSpec, SQL_TYPE, TABLES, type TableName } from '../../../core/domain/schema';
import {
  COLUMN_POLICY,
  type IdKind,
  type MaskingPolicy,
  releasedColumns,
} from '../../../core/privacy/privacy';
import { canonicalVector } from '../../../core/sql/arrow-vectors';
import { ident } from '../../../core/sql/sql-client';

/** The tables copied into the sandbox. */
export const SANDBOX_TABLES = Object.keys(COLUMN_POLICY) as TableName[];

const specOf = (table: TableName, column: string): ColumnSpec | undefined =>
  TABLES[table].find((spec) => spec.name === column);

/**
 * The SELECT that reads `table`'s released columns from the app's database (`present`: its actual columns,
 * so a table without an optional column still copies), each cast to its canonical type; coordinates are
 * rounded there.
 */
export function releasedSelectSql(table: TableName, present: readonly string[]): string {
  const columns = releasedColumns(table)
    .filter(([name]) => present.includes(name) && specOf(table, name))
    .map(([name, treatment]) => {
      const column = ident(name);
      const type = SQL_TYPE[specOf(table, name)?.type ?? 'text'];
      const value = treatment.kind === 'round' ? `round(${column}, ${treatment.decimals})` : column;
      return `(${value})::${type} AS ${column}`;
    });
  return `SELECT ${columns.join(', ')} FROM ${ident(table)}`;
}

/** What the source database returns: any Arrow-shaped table (read by name, value by value). */
export interface ReleasedRows {
  schema: { fields: { name: string }[] };
  getChild(name: string): Iterable<unknown> | null;
}

/**
 * The sandbox copy of `table` from `released` (a result of releasedSelectSql): released columns only,
 * ids replaced by their pseudonyms.
 */
export function deidentifiedTable(table: TableName, released: ReleasedRows, policy: MaskingPolicy): Table {
  const memo = new Map<string, string>();
  const pseudonymOf = (kind: IdKind, raw: unknown): string | null => {
    if (raw === null || raw === undefined) return null;
    const key = `${kind}\u0000${String(raw)}`;
    let p = memo.get(key);
    if (p === undefined) {
      p = policy.pseudonym(kind, String(raw));
      memo.set(key, p);
    }
    return p;
  };
  const columns: Record<string, Vector> = {};
  for (const field of released.schema.fields) {
    const treatment = COLUMN_POLICY[table][field.name];
    const spec = specOf(table, field.name);
    const source = released.getChild(field.name);
    if (!treatment || treatment.kind === 'drop' || !spec || !source) continue;
    const values = Array.from(source, (raw) =>
      treatment.kind === 'pseudonym' ? pseudonymOf(treatment.id, raw) : (raw ?? null),
    );
    columns[field.name] = canonicalVector(spec.type, values);
  }
  return new Table(columns);
}
