import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEED_CODES } from '../../../../src/core/domain/schema';
import {
  type Bind,
  boundStatement,
  inlineValue,
  preparedRows,
  rowsOf,
  type SqlClient,
} from '../../../../src/core/sql/sql-client';
import { districtMeasuresSql, villageMeasuresSql } from '../../../../src/features/planner/data/areas';
import {
  NO_CHANNEL,
  NO_FILTERS,
  type PlannerFilters,
  type PlannerQuery,
} from '../../../../src/features/planner/data/model';
import { monthlyCasesSql } from '../../../../src/features/planner/data/months';
import { totalsSql } from '../../../../src/features/planner/data/totals';
import { plannerFixtureDb } from '../../../helpers/planner-fixture';

/*
 * A prepared statement's first use runs with its values written in (SqlClient.queryPrepared's `inline`, written
 * by inlineValue): one trip to DuckDB's worker instead of two. Whatever the planner asks, the answer must be the
 * one the prepared statement gives with the values bound.
 */

let db: SqlClient;
beforeAll(async () => {
  db = await plannerFixtureDb();
});

/** Both ways of running one statement: bound (prepared) and written in (the first use's). */
async function bothWays(build: (bind: Bind) => string) {
  const { sql, values } = boundStatement(build);
  const prepared = rowsOf(await db.queryPrepared(sql, values));
  const inline = rowsOf(await db.queryTable(build(inlineValue)));
  return { prepared, inline };
}

// Codes and channels the fixture has, and text it has not (quotes, backslashes, SQL).
const text = fc.oneof(
  fc.string(),
  fc.constantFrom("o'brien", "'; DROP TABLE households; --", '\\', '$1', 'a\u0000b'),
);
const code = fc.oneof(fc.constant(null), fc.constantFrom('17.01.04', '17.01.05', '17.01.04.2001'), text);
const day = fc
  .date({ min: new Date('2024-12-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const filters: fc.Arbitrary<PlannerFilters> = fc
  .record({
    district: code,
    village: code,
    deciles: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })),
    agent: fc.constantFrom('all', 'asn', 'pppk', 'none'),
    status: fc.constantFrom('all', 'dilaporkan', 'ditangani', 'selesai'),
    from: fc.option(day),
    to: fc.option(day),
    channel: fc.oneof(fc.constant(null), fc.constantFrom(NO_CHANNEL, 'jsps', 'trc'), text),
  })
  .map(({ deciles: [a, b], ...f }) => ({ ...f, decileMin: Math.min(a, b), decileMax: Math.max(a, b) }));
const weight = fc.oneof(fc.constantFrom(0, 1, 2.5, 5), fc.double({ min: 0, max: 5, noNaN: true }));
const query: fc.Arbitrary<PlannerQuery> = fc.record({
  need: fc.constantFrom('any', 'score', ...NEED_CODES),
  weights: fc.record(Object.fromEntries(NEED_CODES.map((c) => [c, weight])) as Record<string, typeof weight>),
  filters,
  month: fc.option(fc.constantFrom('2024-12', '2025-01', '2025-02', '2025-04', '2025-07')),
}) as fc.Arbitrary<PlannerQuery>;

describe('a statement’s first use, its values written in', () => {
  it('answers as the prepared statement does: area rows, key figures and months, for any query', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.option(code), async (q, village) => {
        for (const build of [
          (bind: Bind) => villageMeasuresSql(q, bind),
          (bind: Bind) => districtMeasuresSql(q, bind),
          (bind: Bind) => totalsSql(q, bind),
          (bind: Bind) => monthlyCasesSql(q, village ?? null, bind),
        ]) {
          const { prepared, inline } = await bothWays(build);
          expect(inline).toEqual(prepared);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('binds a number as the DOUBLE its parameter is, and any text as itself', async () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.constantFrom(0.1, 1e-7, 3e9, 1e21, -0, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE),
      fc.string(),
      fc.string({ unit: 'binary' }),
    );
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const { prepared, inline } = await bothWays(
          (bind) => `SELECT ${bind(v)} AS v, typeof(${bind(v)}) AS t`,
        );
        expect(inline).toEqual(prepared);
      }),
      { numRuns: 300 },
    );
  });

  it('is taken by the client once per statement: later uses are prepared, with the same answers', async () => {
    const client = await plannerFixtureDb();
    const asked: string[] = [];
    const watched: SqlClient = {
      ...client,
      queryTable: (sql) => {
        asked.push('inline');
        return client.queryTable(sql);
      },
      queryPrepared: (sql, params, inline) =>
        client.queryPrepared(sql, params, () => {
          asked.push('inline');
          return inline?.() ?? sql;
        }),
    };
    const q: PlannerQuery = {
      need: 'kesehatan',
      weights: Object.fromEntries(NEED_CODES.map((c) => [c, 1])) as PlannerQuery['weights'],
      filters: { ...NO_FILTERS, district: '17.01.04' },
      month: null,
    };
    const first = await preparedRows(watched, (bind) => villageMeasuresSql(q, bind));
    const second = await preparedRows(watched, (bind) => villageMeasuresSql(q, bind));
    const other = await preparedRows(watched, (bind) =>
      villageMeasuresSql({ ...q, filters: { ...q.filters, district: '17.01.05' } }, bind),
    );
    expect(asked).toEqual(['inline']);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
