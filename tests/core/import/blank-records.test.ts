/**
 * A record with no text in any cell is a blank line, whatever the format: the CSV reader skips such lines, and
 * the staging writer (staging.ts) skips such records for every other format, so the same rows give the same
 * report as CSV, XLSX, Parquet and Arrow. A property test first showed an Arrow record of nulls and empty
 * strings rejected where the same row as CSV was a blank line. "No text" is JavaScript's `trim` in the readers
 * and a regular expression in DuckDB for rows DuckDB read itself: the two are checked to agree on every white-space
 * character.
 */
import { Table, tableToIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../../../src/core/import';
import { isBlankCell, WHITE_SPACE } from '../../../src/core/import/blank-cell';
import { blankCellsSql } from '../../../src/core/import/staging';
import { utf8Vector } from '../../../src/core/sql/arrow-vectors';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';
import { gazetteerClient, reportSummary } from '../../helpers/import-reports';

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
}, 60_000);

/** Characters to build cells of: every white space JavaScript trims, and look-alikes it keeps. */
const ALPHABET = [...WHITE_SPACE, 'a', 'é', '中', '0', '\u200b', '\u180e', '\u0085', '_'];

const cell = fc.option(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((cs) => cs.join('')));

describe('a record with no text', () => {
  it('is the same to JavaScript and to DuckDB, cell by cell and for records of several cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 30 }),
          ),
        async (records) => {
          const width = records[0]?.length ?? 0;
          const columns = Array.from({ length: width }, (_, i) => `c${i}`);
          await db.insertArrow(
            'cells',
            new Table(
              Object.fromEntries(columns.map((c, i) => [c, utf8Vector(records.map((r) => r[i] ?? null))])),
            ),
          );
          const rows = await queryRows<{ blank: boolean }>(
            db,
            `SELECT ${blankCellsSql(columns)} AS blank FROM cells ORDER BY rowid`,
          );
          expect(rows.map((r) => r.blank)).toEqual(records.map((r) => r.every(isBlankCell)));
        },
      ),
      { numRuns: 80 },
    );
  });
});

const HEADERS = ['household_id', 'village_code', 'lon', 'lat', 'members'];
const VALID = ['H1', '17.01.04.2019', '102.9085', '-4.4855', '4'];
const OTHER = ['H2', '17.01.04.2019', '102.9101', '-4.4870', 'empat'];

/** The cells of a record with no text: missing, empty, spaces, a tab, a no-break space. */
const BLANK_CELLS = [null, '', '   ', '\t', '\u00a0'];

async function xlsx(rows: (string | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Keluarga');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const files: [string, string, (rows: (string | null)[][]) => Promise<Uint8Array> | Uint8Array][] = [
  [
    'CSV',
    'h.csv',
    (rows) =>
      new TextEncoder().encode([HEADERS, ...rows].map((r) => r.map((c) => c ?? '').join(',')).join('\n')),
  ],
  ['XLSX', 'h.xlsx', xlsx],
  [
    'Parquet',
    'h.parquet',
    (rows) =>
      new Uint8Array(
        parquetWriteBuffer({
          columnData: HEADERS.map((name, i) => ({
            name,
            data: rows.map((r) => r[i] ?? null),
            type: 'STRING',
          })),
        }),
      ),
  ],
  [
    'Arrow',
    'h.arrow',
    (rows) =>
      tableToIPC(
        new Table(Object.fromEntries(HEADERS.map((h, i) => [h, utf8Vector(rows.map((r) => r[i] ?? null))]))),
      ),
  ],
];

describe('a record with no text in any cell', () => {
  it.each(files)(
    'is a blank line in %s: the report is the one without it',
    async (_format, fileName, write) => {
      const read = async (rows: (string | null)[][]) =>
        reportSummary(
          await importTable(await gazetteerClient(), {
            kind: 'households',
            fileName,
            bytes: await write(rows),
          }),
        );
      const without = await read([VALID, OTHER]);
      expect(without.totalRows).toBe(2);
      expect(await read([VALID, BLANK_CELLS, OTHER])).toEqual(without);
      expect(await read([BLANK_CELLS, VALID, BLANK_CELLS.map(() => null), OTHER, BLANK_CELLS])).toEqual(
        without,
      );
    },
  );
});
