/**
 * Columnar files (Parquet, Arrow) are bounded by rows as well as bytes: a file small on disk can hold more rows
 * than the check can hold in memory (a 157 MB Parquet file of 5 M households ran DuckDB-WASM out of memory). One
 * row over the bound is refused as too large, naming the bound, before any row is checked.
 */
import { Int8, makeVector, Table, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src/core/import';
import { COLUMNAR_MAX_ROWS } from '../../../src/core/import/types';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const OVER = COLUMNAR_MAX_ROWS + 1;

/** The two formats' files of `rows` rows, in one column. */
const files: [string, string, (rows: number) => Uint8Array][] = [
  [
    'Parquet: refused as too large from its metadata, naming the bound',
    'keluarga.parquet',
    (rows) =>
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [{ name: 'id_keluarga_p3ke', data: new Int32Array(rows), type: 'INT32' }],
        }),
      ),
  ],
  [
    'Arrow: refused as too large, naming the bound',
    'keluarga.arrow',
    (rows) =>
      tableToIPC(
        new Table({ id_keluarga_p3ke: makeVector({ type: new Int8(), data: new Int8Array(rows) }) }),
        'stream',
      ),
  ],
];

describe('a columnar file with one row more than the bound', () => {
  it.each(files)(
    '%s',
    async (_, fileName, write) => {
      const db = await startNodeDuckDb();
      const report = await importTable(db, { kind: 'households', fileName, bytes: write(OVER) });
      expect(report.fatal?.code).toBe('file_too_large');
      expect(report.fatal?.detail).toContain(`${OVER} rows (at most ${COLUMNAR_MAX_ROWS}`);
      expect(report.totalRows).toBe(0);
    },
    60_000,
  );
});
