import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { decimalText, formatSqlValue, NULL_TEXT, numericValue } from '../../../src/core/sql/sql-format';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

let db: SqlClient;
beforeAll(async () => {
  db = await startNodeDuckDb();
}, 60_000);

/** The display text of the single value `expr` as DuckDB (the app's WASM build) returns it. */
async function shown(expr: string, locale: string): Promise<string> {
  const table = await db.queryTable(`SELECT * FROM (SELECT ${expr}) AS s(v)`);
  const field = table.schema.fields[0];
  if (!field) throw new Error('no column');
  return formatSqlValue(field.type, table.getChild('v')?.get(0), locale);
}

// Each DuckDB type, as the SQL panel shows it in Bahasa Indonesia and in English.
const CASES: [string, string, string][] = [
  ['sum(x) FROM (VALUES (50), (60)) t(x)', '110', '110'], // HUGEINT: was "\"110\""
  ['sum(x::BIGINT) FROM (VALUES (1234567), (1)) t(x)', '1.234.568', '1,234,568'], // HUGEINT
  ['sum(x) FROM (VALUES (1.25::DECIMAL(10,2)), (2.5)) t(x)', '3,75', '3.75'], // DECIMAL(38,2)
  ['12::TINYINT', '12', '12'],
  ['-1234::SMALLINT', '-1.234', '-1,234'],
  ['2147483647::INTEGER', '2.147.483.647', '2,147,483,647'],
  ['9007199254740993::BIGINT', '9.007.199.254.740.993', '9,007,199,254,740,993'], // > 2^53: exact
  [
    '-170141183460469231731687303715884105727::HUGEINT',
    '-170.141.183.460.469.231.731.687.303.715.884.105.727',
    '-170,141,183,460,469,231,731,687,303,715,884,105,727',
  ],
  ['255::UTINYINT', '255', '255'],
  ['65535::USMALLINT', '65.535', '65,535'],
  ['4294967295::UINTEGER', '4.294.967.295', '4,294,967,295'],
  ['18446744073709551615::UBIGINT', '18.446.744.073.709.551.615', '18,446,744,073,709,551,615'],
  ['-0.05::DECIMAL(4,2)', '-0,05', '-0.05'],
  ['1234.5::DECIMAL(9,1)', '1.234,5', '1,234.5'],
  [
    '12345678901234567890.123456789::DECIMAL(38,9)',
    '12.345.678.901.234.567.890,123457',
    '12,345,678,901,234,567,890.123457',
  ],
  ['1.5::FLOAT', '1,5', '1.5'],
  ['0.1::FLOAT', '0,1', '0.1'],
  ['(1/3)::DOUBLE', '0,333333', '0.333333'],
  ['1234.5::DOUBLE', '1.234,5', '1,234.5'],
  ['avg(x) FROM (VALUES (1), (2)) t(x)', '1,5', '1.5'],
  ['103.1234567::DOUBLE', '103,123', '103.123'],
  ['0.000123456::DOUBLE', '0,000123456', '0.000123456'],
  ['true', 'true', 'true'],
  ["DATE '2024-03-05'", '5 Mar 2024', '5 Mar 2024'],
  ["TIMESTAMP '2024-03-05 10:11:12'", '5 Mar 2024, 10.11.12', '5 Mar 2024, 10:11:12'],
  ["TIME '10:11:12'", '10:11:12', '10:11:12'],
  ["'Kota Manna'", 'Kota Manna', 'Kota Manna'],
  ['NULL::INTEGER', NULL_TEXT, NULL_TEXT],
  ['NULL', NULL_TEXT, NULL_TEXT],
];

describe('formatSqlValue against DuckDB-WASM results', () => {
  it.each(CASES)('%s → %s (id-ID) / %s (en-GB)', async (expr, id, en) => {
    expect(await shown(expr, 'id-ID')).toBe(id);
    expect(await shown(expr, 'en-GB')).toBe(en);
  });

  it('shows every integer DuckDB returns exactly, whatever its size (property)', async () => {
    const types = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT'];
    const limits: Record<string, bigint> = {
      TINYINT: 127n,
      SMALLINT: 32767n,
      INTEGER: 2147483647n,
      BIGINT: 9223372036854775807n,
      HUGEINT: 170141183460469231731687303715884105727n,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.bigInt({ min: -(2n ** 127n) + 1n, max: 2n ** 127n - 1n }),
        async (type, big) => {
          const limit = limits[type] ?? 0n;
          const n = big % (limit + 1n);
          const text = await shown(`${n}::${type}`, 'en-GB');
          expect(text.replaceAll(',', '')).toBe(n.toString());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shows DECIMAL(p,s) values exactly to their scale (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }),
        fc.integer({ min: 0, max: 6 }),
        async (unscaled, scale) => {
          const text = decimalText(unscaled, scale);
          const shownText = await shown(`${text}::DECIMAL(18,${scale})`, 'en-GB');
          expect(shownText.replaceAll(',', '')).toBe(
            text.replace(/^(-?)\./, '$10.').replace(/^-?0(\.0*)?$/, (m) => m.replace('-', '')),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('helpers', () => {
  it('decimalText puts the point by the scale', () => {
    expect(decimalText(-5n, 2)).toBe('-0.05');
    expect(decimalText(12345n, 0)).toBe('12345');
    expect(decimalText(12345n, 7)).toBe('0.0012345');
  });

  it('numericValue gives map coordinates from any numeric column', async () => {
    const table = await db.queryTable(
      "SELECT 102.123::DECIMAL(9,3) AS a, 4::BIGINT AS b, 1.5::DOUBLE AS c, 'x' AS d",
    );
    const value = (name: string) => {
      const field = table.schema.fields.find((f) => f.name === name);
      return field ? numericValue(field.type, table.getChild(name)?.get(0)) : undefined;
    };
    expect([value('a'), value('b'), value('c'), value('d')]).toEqual([102.123, 4, 1.5, null]);
  });
});
