import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_CODES } from '../../../src/core/domain/schema';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { plannerFixtureDb } from '../../helpers/planner-fixture';

let db: SqlClient;
beforeAll(async () => {
  db = await plannerFixtureDb();
});
afterAll(() => db.close?.());

/** Per cube group, the sums read from the stored household rows (written here, not by tables.ts). */
const FROM_ROWS = `SELECT vid, village_code, district_code, decile, agent_kind, count(*)::INTEGER AS n,
    sum(covered)::INTEGER AS cov, sum(reached)::INTEGER AS reached, sum(with_agent)::INTEGER AS with_agent,
    ${NEED_CODES.map((c) => `coalesce(sum(n_${c}), 0)::INTEGER AS s_${c}, count(n_${c})::INTEGER AS k_${c}`).join(', ')},
    count(*) FILTER (WHERE m > 0)::INTEGER AS s_any, count(*) FILTER (WHERE u <> ${(1 << NEED_CODES.length) - 1})::INTEGER AS k_any
  FROM planner_households GROUP BY ALL`;
const CUBE = `SELECT vid, village_code, district_code, decile, agent_kind, n, cov, reached, with_agent,
    ${NEED_CODES.map((c) => `s_${c}, k_${c}`).join(', ')}, s_any, k_any FROM planner_cube`;

describe('the planner cube', () => {
  it('holds the same groups and sums as the stored household rows (it is made before them, from the same rows)', async () => {
    const onlyInCube = await queryRows(db, `${CUBE} EXCEPT ALL ${FROM_ROWS}`);
    const onlyInRows = await queryRows(db, `${FROM_ROWS} EXCEPT ALL ${CUBE}`);
    expect([onlyInCube, onlyInRows]).toEqual([[], []]);
    const [count] = await queryRows<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM planner_cube');
    expect(count?.n).toBeGreaterThan(1);
  });
});
