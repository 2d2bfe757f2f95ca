import { type ColumnSpec, resolveColumns, SQL_TYPE, TABLES, type TableName } from '../domain/schema';
import { ident, literal, queryRows, type SqlClient } from './sql-client';

const CODE_COLUMNS = new Set(['village_code', 'home_village_code']);

/** SQL expression turning the raw text column `src` into the canonical typed value. */
function castExpression(spec: ColumnSpec, src: string): string {
  const raw = `NULLIF(trim(${src}), '')`;
  if (CODE_COLUMNS.has(spec.name)) {
    // Accept the 10-digit form 1701DDNNNN and store the dotted Kemendagri form.
    return `CASE WHEN regexp_full_match(${raw}, '1701\\d{6}')
      THEN concat_ws('.', substr(${raw}, 1, 2), substr(${raw}, 3, 2), substr(${raw}, 5, 2), substr(${raw}, 7, 4))
      ELSE ${raw} END`;
  }
  switch (spec.type) {
    case 'text':
      return raw;
    case 'double':
      // Decimal comma (Indonesian spreadsheets) is read as a decimal point.
      return `TRY_CAST(replace(${raw}, ',', '.') AS DOUBLE)`;
    case 'integer':
      return `TRY_CAST(${raw} AS INTEGER)`;
    case 'date':
      return `TRY_CAST(${raw} AS DATE)`;
    case 'flag':
      return `CASE WHEN lower(${raw}) IN ('1', 'ya', 'y', 'true') THEN 1
        WHEN lower(${raw}) IN ('0', 'tidak', 'n', 'false') THEN 0 END`;
  }
}

const DEFAULTS: Partial<Record<string, string>> = { active: '1' };

/**
 * The SELECT that reads `source` (any relation with text columns) into the canonical
 * columns of `table`: aliases resolved, values typed, absent optional columns NULL.
 */
export function canonicalSelectSql(table: TableName, source: string, headers: readonly string[]): string {
  const mapping = resolveColumns(table, headers);
  const columns = TABLES[table].map((spec) => {
    const header = mapping.get(spec.name);
    let expr = header === undefined ? `NULL::${SQL_TYPE[spec.type]}` : castExpression(spec, ident(header));
    const fallback = DEFAULTS[spec.name];
    if (fallback !== undefined) expr = `COALESCE(${expr}, ${fallback})`;
    return `${expr} AS ${ident(spec.name)}`;
  });
  return `SELECT ${columns.join(',\n  ')}\nFROM ${source}`;
}

export interface TableLoad {
  table: TableName;
  rows: number;
  /** Rows dropped because a required value was missing or unreadable. */
  rejected: number;
  /** Required canonical columns the file cannot supply (the table is then left empty). */
  missingColumns: string[];
}

/**
 * Loads the CSV file registered as `fileName` into the canonical table `table`.
 * Rows whose required values are missing or unreadable are dropped and counted.
 */
export async function loadCsvTable(
  client: SqlClient,
  table: TableName,
  fileName: string,
): Promise<TableLoad> {
  // The file is parsed once, as text, into a table of its own: typing, counting and the required-value filter
  // then read that instead of parsing the CSV again (a third of the load for the demo's households).
  const text = ident(`${table}_csv_text`);
  await client.queryTable(
    `CREATE OR REPLACE TABLE ${text} AS SELECT * FROM read_csv(${literal(fileName)}, header = true, all_varchar = true)`,
  );
  try {
    const described = await queryRows<{ column_name: string }>(client, `DESCRIBE ${text}`);
    const headers = described.map((c) => c.column_name);
    const found = resolveColumns(table, headers);
    const missingColumns = TABLES[table].filter((c) => c.required && !found.has(c.name)).map((c) => c.name);
    const required = TABLES[table].filter((c) => c.required).map((c) => `${ident(c.name)} IS NOT NULL`);
    const where = missingColumns.length > 0 ? 'false' : required.join(' AND ');
    await client.queryTable(
      `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM (${canonicalSelectSql(table, text, headers)}) WHERE ${where}`,
    );
    const [counts] = await queryRows<{ total: number; kept: number }>(
      client,
      `SELECT (SELECT count(*) FROM ${text})::INTEGER AS total, (SELECT count(*) FROM ${ident(table)})::INTEGER AS kept`,
    );
    return {
      table,
      rows: counts?.kept ?? 0,
      rejected: (counts?.total ?? 0) - (counts?.kept ?? 0),
      missingColumns,
    };
  } finally {
    await client.queryTable(`DROP TABLE IF EXISTS ${text}`);
  }
}

/** The canonical columns of `table` as DuckDB describes them ("name TYPE", in order). */
function canonicalColumns(table: TableName): string[] {
  return TABLES[table].map((c) => `${c.name} ${SQL_TYPE[c.type]}`);
}

export interface ColumnType {
  name: string;
  type: string;
}

/**
 * Inserts Arrow IPC stream bytes as the table `name`, and its columns in order; null when DuckDB found no table
 * in the bytes (it then creates none and says nothing: a damaged or truncated stream, or not a stream at all).
 */
export async function insertArrowColumns(
  client: SqlClient,
  name: string,
  bytes: Uint8Array,
): Promise<ColumnType[] | null> {
  await client.insertArrowStream(name, bytes);
  return tableColumns(client, name);
}

/** The columns of the table `name`, in order; null when there is none. */
async function tableColumns(client: SqlClient, name: string): Promise<ColumnType[] | null> {
  try {
    // The table's own catalog entry. The catalog-wide duckdb_columns() binds every system view on its first
    // use: about 140 ms on the way to the first map.
    return await queryRows<ColumnType>(
      client,
      `SELECT name, type FROM pragma_table_info(${literal(ident(name))})`,
    );
  } catch {
    // No such table (DuckDB made none from the bytes), or a name the pragma cannot read: the whole catalog says.
    const columns = await queryRows<ColumnType>(
      client,
      `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
       WHERE schema_name = current_schema() AND table_name = ${literal(name)} ORDER BY column_index`,
    );
    return columns.length > 0 ? columns : null;
  }
}

/**
 * Loads Arrow IPC stream bytes holding the canonical table `table` (written by the demo generator from its
 * CSV files through loadCsvTable, scripts/demo/columnar.ts): DuckDB reads them as they are, without parsing
 * text. Null, with nothing changed, when the columns are not exactly the canonical ones (a file from another
 * version of the data contract) or the bytes hold no table: the caller then loads the CSV.
 */
export async function loadArrowTable(
  client: SqlClient,
  table: TableName,
  bytes: Uint8Array,
): Promise<TableLoad | null> {
  const staged = ident(`${table}_arrow`);
  try {
    const found = (await insertArrowColumns(client, `${table}_arrow`, bytes))?.map(
      (c) => `${c.name} ${c.type}`,
    );
    const wanted = canonicalColumns(table);
    if (found?.length !== wanted.length || found.some((c, i) => c !== wanted[i])) return null;
    // Renamed, not copied: a million rows stay where DuckDB put them, in the file's order.
    await client.queryTable(`DROP TABLE IF EXISTS ${ident(table)}`);
    await client.queryTable(`ALTER TABLE ${staged} RENAME TO ${ident(table)}`);
    const [counts] = await queryRows<{ rows: number }>(
      client,
      `SELECT count(*)::INTEGER AS rows FROM ${ident(table)}`,
    );
    return { table, rows: counts?.rows ?? 0, rejected: 0, missingColumns: [] };
  } finally {
    await client.queryTable(`DROP TABLE IF EXISTS ${staged}`);
  }
}
