/**
 * The map's and table's rows per village or kecamatan: the sums behind every measure under the filters
 * (and month), from the cube, the month cube or the cases.
 */
import type { AreaStat } from '../../../core/domain/area-stat';
import { type Bind, inlineValue, preparedRows, type SqlClient } from '../../../core/sql/sql-client';
import { caseConditions, householdConditions, monthCubeAnswers, usesCases, where } from './filters';
import { cubeSum, maskValueExpression } from './measure-sql';
import { type AreaQuery, PLANNER_NEEDS, type PlannerNeed } from './model';

/**
 * `a(vid, households, covered, c_<m>, k_<m>)` for every measure m of PLANNER_NEEDS: households with
 * the need (the score: the sum of household scores) and households whose status of it is known, per
 * village under the filters — from the cube (need flags), the month cube, or the cases (each household
 * with a matching case counts once).
 */
export function villageAggregateCte(q: AreaQuery, bind: Bind = inlineValue): string {
  const filters = householdConditions(q.filters, true, bind);
  const measures = (column: (m: PlannerNeed) => string) =>
    PLANNER_NEEDS.map((m) => `(${column(m)})::DOUBLE AS c_${m}`).join(', ');
  if (!usesCases(q)) {
    const known = PLANNER_NEEDS.map(
      (m) => `sum(${m === 'any' || m === 'score' ? 'k_any' : `k_${m}`})::INTEGER AS k_${m}`,
    ).join(', ');
    return `a AS (SELECT vid, sum(n)::INTEGER AS households, sum(cov)::INTEGER AS covered,
      ${measures((m) => cubeSum(m, q.weights, 's_'))}, ${known}
      FROM planner_cube ${where(filters)} GROUP BY vid)`;
  }
  // From cases, every household's status is known: it has a matching case or it has not.
  const fromNum = PLANNER_NEEDS.map((m) => `coalesce(num.c_${m}, 0) AS c_${m}, households AS k_${m}`).join(
    ', ',
  );
  const base = `base AS (SELECT vid, sum(n)::INTEGER AS households, sum(cov)::INTEGER AS covered
      FROM planner_cube ${where(filters)} GROUP BY vid)`;
  const a = `a AS (SELECT vid, households, covered, ${fromNum} FROM base LEFT JOIN num USING (vid))`;
  if (q.month && monthCubeAnswers(q.filters)) {
    return `${base},
    num AS (SELECT vid, ${measures((m) => cubeSum(m, q.weights, 'o_'))}
      FROM planner_month_cube
      ${where([...filters, `month = least(${bind(q.month)}, (SELECT max(month) FROM planner_month_cube))`])}
      GROUP BY vid),
    ${a}`;
  }
  return `${base},
    hx AS (SELECT hid, any_value(vid) AS vid, bit_or(bit) AS mask
      FROM planner_cases ${where([...filters, ...caseConditions(q, true, bind)])} GROUP BY hid),
    num AS (SELECT vid, ${measures((m) => `sum(${maskValueExpression(m, q.weights, 'mask')})`)} FROM hx GROUP BY vid),
    ${a}`;
}

/**
 * An area with the sums behind every measure m of PLANNER_NEEDS: `c_<m>` households with the need
 * (the score: the sum of household scores) and `k_<m>` households whose status of it is known.
 */
export type AreaMeasures = Pick<
  AreaStat,
  'code' | 'name' | 'district_code' | 'district_name' | 'area_km2' | 'households'
> & { covered: number } & Record<`c_${PlannerNeed}` | `k_${PlannerNeed}`, number>;

/** The sums of every area row, each measure's `c_<m>` and `k_<m>` included. */
export const sumColumns = ['households', 'covered', ...PLANNER_NEEDS.flatMap((m) => [`c_${m}`, `k_${m}`])];
/** The sums of an aggregate `x`, zero for an area without households in the filters. */
export const areaColumns = (x: string) =>
  sumColumns
    .map((c) => `coalesce(${x}.${c}, 0)::${c.startsWith('c_') ? 'DOUBLE' : 'INTEGER'} AS ${c}`)
    .join(', ');

/** One row per gazetteer village (every village, with or without households in the filters). */
export function villageMeasuresSql(q: AreaQuery, bind: Bind = inlineValue): string {
  return `WITH ${villageAggregateCte(q, bind)}
  SELECT g.village_code AS code, g.village_name AS name, g.district_code, g.district_name,
    g.area_km2, ${areaColumns('a')}
  FROM planner_villages g LEFT JOIN a USING (vid)
  ORDER BY g.village_code`;
}

/** One row per kecamatan of the gazetteer; its area is the sum of its villages' areas. */
export function districtMeasuresSql(q: AreaQuery, bind: Bind = inlineValue): string {
  return `WITH ${villageAggregateCte(q, bind)},
  d AS (SELECT v.district_code, ${sumColumns.map((c) => `sum(a.${c}) AS ${c}`).join(', ')}
    FROM a JOIN planner_villages v USING (vid) GROUP BY 1),
  g AS (SELECT district_code, any_value(district_name) AS district_name, sum(area_km2) AS area_km2
    FROM planner_villages GROUP BY 1)
  SELECT g.district_code AS code, g.district_name AS name, g.district_code, g.district_name,
    g.area_km2::DOUBLE AS area_km2, ${areaColumns('d')}
  FROM g LEFT JOIN d ON d.district_code = g.district_code
  ORDER BY g.district_code`;
}

/**
 * The sums behind every measure of every village or kecamatan under the filters (and month), in one
 * query: a change of measure or unit needs no query.
 */
export async function areaMeasures(
  client: SqlClient,
  q: AreaQuery,
  level: 'village' | 'district',
): Promise<AreaMeasures[]> {
  return preparedRows<AreaMeasures>(client, (bind) =>
    (level === 'village' ? villageMeasuresSql : districtMeasuresSql)(q, bind),
  );
}

/**
 * The rows of one measure from the sums (pure): rate per 100 households whose status is known,
 * per km² of the area, and coverage — the same ratios as the key figures' SQL (totalsSql).
 */
export function pickMeasure(rows: readonly AreaMeasures[], need: PlannerNeed): AreaStat[] {
  return rows.map((r) => {
    const count = r[`c_${need}`];
    const known = r[`k_${need}`];
    return {
      code: r.code,
      name: r.name,
      district_code: r.district_code,
      district_name: r.district_name,
      area_km2: r.area_km2,
      households: r.households,
      count,
      rate: known > 0 ? (100 * count) / known : null,
      density: r.area_km2 !== null && r.area_km2 > 0 && r.households > 0 ? count / r.area_km2 : null,
      coverage_pct: r.households > 0 ? (100 * r.covered) / r.households : null,
      known,
    };
  });
}
