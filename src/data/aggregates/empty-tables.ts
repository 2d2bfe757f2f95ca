/**
 * The household-level tables of a dataset that has none (an aggregate-only dataset) or lacks one (a publish
 * without agents or cases): created empty with every column of the data contract, so every query that reads
 * them runs (and finds no rows).
 */
import { SQL_TYPE, TABLES } from '../schema';
import { ident, type SqlClient } from '../sql-client';
import type { DataTable } from '../table-status';

export const emptyTableSql = (table: DataTable): string =>
  `CREATE OR REPLACE TABLE ${ident(table)} (${TABLES[table]
    .map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`)
    .join(', ')})`;

export async function createEmptyTable(client: SqlClient, table: DataTable): Promise<void> {
  await client.queryTable(emptyTableSql(table));
}
