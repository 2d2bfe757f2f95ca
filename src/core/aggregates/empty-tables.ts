/**
 * The household-level tables of a dataset that has none (an aggregate-only dataset) or lacks one (a publish
 * without agents or cases): created empty with every column of the data contract, so every query that reads
 * them runs (and finds no rows).
 */

import type { DataTable } from '../dataset/table-status';
import { SQL_TYPE, TABLES } from '../domain/schema';
import { ident, type SqlClient } from '../sql/sql-client';

export const emptyTableSql = (table: DataTable): string =>
  `CREATE OR REPLACE TABLE ${ident(table)} (${TABLES[table]
    .map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`)
    .join(', ')})`;

export async function createEmptyTable(client: SqlClient, table: DataTable): Promise<void> {
  await client.queryTable(emptyTableSql(table));
}
