/**
 * The period's rows in one query are, month by month, exactly the rows the map asks for with that
 * month (the independent oracle: `areaMeasures` with the month), for every filter and level.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../../../src/core/sql/sql-client';
import { periodInOneQuery, periodMeasures } from '../../../../src/features/planner/data/planner-period';
import {
  type AreaQuery,
  areaMeasures,
  DEFAULT_WEIGHTS,
  NO_FILTERS,
  type PlannerFilters,
} from '../../../../src/features/planner/data/planner-queries';
import { plannerFixtureDb } from '../../../helpers/planner-fixture';

// The fixture's cases span 2025-01 – 2025-04; 2025-06 lies past the last (the month's query reads the last month).
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-06'];

let db: SqlClient;
beforeAll(async () => {
  db = await plannerFixtureDb();
}, 60_000);

const q = (f: Partial<PlannerFilters> = {}, weights = DEFAULT_WEIGHTS): Omit<AreaQuery, 'month'> => ({
  weights,
  filters: { ...NO_FILTERS, ...f },
});

describe('periodMeasures', () => {
  it.each([
    ['no filter', q()],
    ['a kecamatan', q({ district: '17.01.04' })],
    ['deciles 1–3, ASN agents', q({ decileMin: 1, decileMax: 3, agent: 'asn' })],
    ['other weights', q({}, { ...DEFAULT_WEIGHTS, rtlh: 5, kesehatan: 0 })],
    ['a status filter (asked month by month)', q({ status: 'selesai' })],
    ['a channel (asked month by month)', q({ channel: 'jsps' })],
  ])('%s: each month equals the month asked for alone, at both levels', async (_name, query) => {
    for (const level of ['village', 'district'] as const) {
      const period = await periodMeasures(db, query, MONTHS, level);
      expect(period).toHaveLength(MONTHS.length);
      for (const [i, month] of MONTHS.entries())
        expect(period[i]).toEqual(await areaMeasures(db, { ...query, month }, level));
    }
  });
  it('one grouped query unless a case filter needs the cases themselves', () => {
    expect(periodInOneQuery(q({ district: '17.01.04', agent: 'pppk' }))).toBe(true);
    expect(periodInOneQuery(q({ status: 'ditangani' }))).toBe(false);
    expect(periodInOneQuery(q({ from: '2025-01-01' }))).toBe(false);
    expect(periodInOneQuery(q({ channel: 'trc' }))).toBe(false);
    expect(periodInOneQuery(q({ channel: '' }))).toBe(false);
  });
});
