/**
 * Arrow IPC (as `npm run data:convert` and other columnar tools write it) → staging rows, inside DuckDB: the
 * bytes are inserted as they are, no row passes through JavaScript, and each column is read as text like any
 * other format's cells, so exactly the same checks run. Row numbers are record index + 1 (no header line).
 * DuckDB reads the stream format; a file (`ARROW1`, e.g. Feather v2) is rewritten as a stream first.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { insertArrowColumns } from '../sql/load-table';
import { ident, queryRows, type SqlClient } from '../sql/sql-client';
import { isArrowFile } from './detect';
import { fail, type ReadContext, uniqueHeaders } from './read-context';
import { stageColumn } from './staging';
import { COLUMNAR_MAX_ROWS, MAX_COLUMNS } from './types';

/** The bytes as an IPC stream; a fatal 'unreadable' when they are not Arrow IPC at all. */
function asStream(bytes: Uint8Array): Uint8Array {
  if (!isArrowFile(bytes)) return bytes;
  try {
    return tableToIPC(tableFromIPC(bytes), 'stream');
  } catch (err) {
    return fail('unreadable', `not a readable Arrow file: ${err instanceof Error ? err.message : err}`);
  }
}

export async function readArrow(
  client: SqlClient,
  bytes: Uint8Array,
  ctx: ReadContext,
  table: string,
): Promise<void> {
  ctx.progress(0);
  const columns = await insertArrowColumns(client, table, asStream(bytes));
  if (!columns) return fail('unreadable', 'not a readable Arrow IPC stream (damaged or truncated)');
  if (columns.length > MAX_COLUMNS)
    fail('too_many_columns', `${columns.length} columns (at most ${MAX_COLUMNS})`);
  const [counted] = await queryRows<{ rows: number }>(
    client,
    `SELECT count(*)::BIGINT AS rows FROM ${ident(table)}`,
  );
  const rows = Number(counted?.rows ?? 0);
  // The same bound as a Parquet file's (its rows are held the same way).
  if (rows > COLUMNAR_MAX_ROWS)
    fail('file_too_large', `${rows} rows (at most ${COLUMNAR_MAX_ROWS} in the browser)`);
  ctx.checkAbort();
  await ctx.begin(uniqueHeaders(columns.map((c) => c.name)));
  // Text as every reader hands it over; a value with no text form (e.g. bytes that are not UTF-8) is empty.
  const cells = columns.map((c, i) => `TRY_CAST(${ident(c.name)} AS VARCHAR) AS ${stageColumn(i)}`);
  await ctx.rowsInDatabase(`SELECT (rowid + 1)::INTEGER AS _row, ${cells.join(', ')} FROM ${ident(table)}`);
  ctx.progress(1);
}
