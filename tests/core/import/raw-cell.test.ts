/** rawCell: what every import reads a cell as — trimmed of space, tab, CR, LF and no-break space; empty is NULL. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawCell } from '../../../src/core/import/sql-expr';
import { literal, type SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const TRIMMED = ' \t\n\r\u00a0';
/** The contract in plain JavaScript. */
function expected(cell: string | null): string | null {
  if (cell === null) return null;
  let a = 0;
  let b = cell.length;
  while (a < b && TRIMMED.includes(cell[a] as string)) a++;
  while (b > a && TRIMMED.includes(cell[b - 1] as string)) b--;
  return a === b ? null : cell.slice(a, b);
}

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
});

describe('rawCell', () => {
  it('trims exactly the contract characters from both ends, for any cell', async () => {
    // Cells of the characters that matter: the trimmed ones, others that look alike (vertical tab, form feed,
    // ideographic space), letters, separators and a regexp's special characters.
    const char = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\v',
      '\f',
      '\u3000',
      'a',
      'Z',
      '7',
      ',',
      '.',
      '^',
      '$',
      '[',
      'é',
    );
    const cells = fc.array(
      fc.option(
        fc.array(char, { maxLength: 8 }).map((c) => c.join('')),
        { nil: null },
      ),
      {
        minLength: 1,
        maxLength: 60,
      },
    );
    await fc.assert(
      fc.asyncProperty(cells, async (values) => {
        const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : literal(v)})`).join(', ');
        const got = (
          await db.queryTable(`SELECT ${rawCell('c')} AS r FROM (VALUES ${rows}) t(i, c) ORDER BY i`)
        )
          .toArray()
          .map((r) => r.r as string | null);
        expect(got).toEqual(values.map(expected));
      }),
      { numRuns: 200 },
    );
  });
});
