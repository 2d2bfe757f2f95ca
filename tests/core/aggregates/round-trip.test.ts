/**
 * Demo → publish → load: the planner's unchanged queries (villageMeasuresSql, districtMeasuresSql,
 * periodMeasuresSql, with NO_FILTERS) give on the aggregate dataset exactly the figures they give on the
 * household-level demo, for every village, kecamatan, measure and month.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../../src/core/aggregates/format';
import { type AggregateReport, HIDDEN_VILLAGES_SQL } from '../../../src/core/aggregates/load-aggregates';
import { SQL_TYPE, TABLES } from '../../../src/core/domain/schema';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { periodMeasuresSql } from '../../../src/features/planner/data/planner-period';
import {
  type AreaQuery,
  DEFAULT_WEIGHTS,
  districtMeasuresSql,
  MONTH_RANGE_SQL,
  NO_FILTERS,
  villageMeasuresSql,
} from '../../../src/features/planner/data/planner-queries';
import { openPublished, publishTexts, readText } from './publish-helpers';

let household: SqlClient;
let aggregate: SqlClient;
let report: AggregateReport;
let files: Record<string, string>;
let months: readonly string[];

beforeAll(async () => {
  const published = await publishTexts({
    households: readText('data/demo/households.csv'),
    agents: readText('data/demo/agents.csv'),
    cases: readText('data/demo/cases.csv'),
  });
  household = published.db;
  files = published.outcome.files;
  months = published.outcome.months;
  const opened = await openPublished(files);
  aggregate = opened.db;
  report = opened.report;
}, 300_000);

const both = async <T = Record<string, unknown>>(sql: string): Promise<[T[], T[]]> => [
  await queryRows<T>(household, sql),
  await queryRows<T>(aggregate, sql),
];

/**
 * Rows equal: every count exactly; the composite score (a weighted sum in DOUBLE, added up over villages in an
 * order DuckDB does not fix) to 1e-9 relative.
 */
function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[]): void {
  const rounded = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ ...r, c_score: Number((r.c_score as number).toPrecision(10)) }));
  expect(rounded(actual)).toEqual(rounded(expected));
  actual.forEach((r, i) => {
    const e = expected[i]?.c_score as number;
    expect(Math.abs((r.c_score as number) - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  });
}

const SCORE_WEIGHTS = { kesehatan: 5, bencana: 0, rtlh: 1, adminduk: 2, putus_sekolah: 0, lingkungan: 4 };
const query = (month: string | null, weights = DEFAULT_WEIGHTS): AreaQuery => ({
  weights,
  filters: NO_FILTERS,
  month,
});

describe('aggregate round trip on the demo', () => {
  it('opens without a rejected row, nothing hidden (no demo village is small)', () => {
    expect(report.fatal).toBeNull();
    expect(report.issueCount).toBe(0);
    expect(report.figures).toEqual({ rows: 158, valid: 158, rejected: 0 });
    expect(report.months.rejected).toBe(0);
    expect(report.hiddenVillages).toEqual([]);
    const manifest = JSON.parse(files[MANIFEST_FILE] ?? '');
    expect(manifest).toMatchObject({
      format: 'gancang-aggregates',
      version: 1,
      minGroup: 3,
      synthetic: true,
      hiddenVillages: 0,
      tables: { households: 'loaded', agents: 'loaded', cases: 'loaded' },
    });
  });

  it.each([
    ['default weights', DEFAULT_WEIGHTS],
    ['other weights', SCORE_WEIGHTS],
  ])('village and kecamatan figures of every measure equal the household-level ones (%s)', async (_, w) => {
    const [hv, av] = await both(villageMeasuresSql(query(null, w)));
    expect(hv.length).toBe(158);
    expectSameRows(av, hv);
    const [hd, ad] = await both(districtMeasuresSql(query(null, w)));
    expectSameRows(ad, hd);
  });

  it('every month of the period (and one past it) equals the household-level month figures', async () => {
    expect(months.length).toBeGreaterThan(12);
    const period = [...months, '2030-01'];
    for (const level of ['village', 'district'] as const) {
      const [h, a] = await both(
        periodMeasuresSql({ weights: SCORE_WEIGHTS, filters: NO_FILTERS }, period, level),
      );
      expect(h.length).toBe(period.length * (level === 'village' ? 158 : 11));
      expectSameRows(a, h);
    }
    for (const month of [months[0], months[10], months[months.length - 1]] as string[]) {
      const [h, a] = await both(villageMeasuresSql(query(month)));
      expectSameRows(a, h);
    }
  });

  it('the month range (one query for both kinds of dataset) is the same from the month figures as from the cases', async () => {
    const [h] = await queryRows(household, MONTH_RANGE_SQL);
    const [a] = await queryRows(aggregate, MONTH_RANGE_SQL);
    expect(a).toEqual(h);
    expect(await queryRows(aggregate, HIDDEN_VILLAGES_SQL)).toEqual([]);
  });

  it('household-level tables exist, empty, with the columns and types of the household-level ones', async () => {
    const describe = (db: SqlClient, table: string) =>
      queryRows<{ column_name: string; column_type: string }>(db, `DESCRIBE ${table}`).then((rows) =>
        rows.map((r) => `${r.column_name} ${r.column_type}`),
      );
    for (const table of ['households', 'agents', 'cases'] as const) {
      expect(await describe(aggregate, table)).toEqual(
        TABLES[table].map((c) => `${c.name} ${SQL_TYPE[c.type]}`),
      );
    }
    for (const table of [
      'households',
      'agents',
      'cases',
      'household_coverage',
      'planner_households',
      'planner_cases',
    ]) {
      expect(await describe(aggregate, table)).toEqual(await describe(household, table));
      const [row] = await queryRows<{ n: number }>(aggregate, `SELECT count(*)::INTEGER AS n FROM ${table}`);
      expect(row?.n).toBe(0);
    }
    for (const table of ['planner_villages', 'planner_cube', 'planner_month_cube'])
      expect(await describe(aggregate, table)).toEqual(await describe(household, table));
  });
});
