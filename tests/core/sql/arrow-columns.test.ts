/**
 * insertArrowColumns reads the inserted table's columns from its own catalog entry (the start path's
 * shortcut): for any table and name it answers exactly what the whole catalog says, and null when DuckDB made
 * no table from the bytes.
 */
import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertArrowColumns } from '../../../src/core/sql/load-table';
import { literal, queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

let db: SqlClient;

beforeAll(async () => {
  db = await startNodeDuckDb();
}, 60_000);

/** The columns as the catalog lists them (the slow, catalog-wide answer). */
const catalogColumns = (name: string) =>
  queryRows<{ name: string; type: string }>(
    db,
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE schema_name = current_schema() AND table_name = ${literal(name)} ORDER BY column_index`,
  );

const VALUES = {
  text: ['a', null],
  double: [1.5, null],
  integer: new Int32Array([1, 2]),
  bigint: new BigInt64Array([1n, 2n]),
  boolean: [true, false],
  date: [new Date(Date.UTC(2025, 0, 1)), null],
} as const;
type Kind = keyof typeof VALUES;

function ipcOf(columns: { name: string; kind: Kind }[]): Uint8Array {
  // (An object keeps integer-like keys first: the names in the property are never integer-like.)
  const vectors = Object.fromEntries(
    columns.map(({ name, kind }) => [name, vectorFromArray(VALUES[kind] as never)]),
  );
  return tableToIPC(new Table(vectors), 'stream');
}

describe('insertArrowColumns', () => {
  it('answers the catalog for any columns and any table name', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        // Names with quotes, dots and spaces too: the catalog's answer is the reference.
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\0')),
        fc.uniqueArray(
          fc.record({
            name: fc
              .string({ minLength: 1, maxLength: 8 })
              .filter((s) => !s.includes('\0'))
              .map((s) => `c${s}`),
            kind: fc.constantFrom(...(Object.keys(VALUES) as Kind[])),
          }),
          { minLength: 1, maxLength: 6, selector: (c) => c.name.toLowerCase() },
        ),
        async (base, columns) => {
          const name = `t${n++}_${base}`;
          const found = await insertArrowColumns(db, name, ipcOf(columns));
          const catalog = await catalogColumns(name);
          // (DuckDB-WASM's insert makes no table under some names, e.g. with a trailing space: null then.)
          expect(found).toEqual(catalog.length > 0 ? catalog : null);
          if (found) expect(found.map((c) => c.name)).toEqual(columns.map((c) => c.name));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is null for bytes DuckDB makes no table of, and the client keeps working', async () => {
    const bytes = ipcOf([{ name: 'x', kind: 'double' }]);
    for (const broken of [bytes.slice(0, 8), new Uint8Array(0), new TextEncoder().encode('not arrow')]) {
      expect(await insertArrowColumns(db, 'broken', broken)).toBeNull();
    }
    expect(await insertArrowColumns(db, 'whole', bytes)).toEqual([{ name: 'x', type: 'DOUBLE' }]);
  });
});
