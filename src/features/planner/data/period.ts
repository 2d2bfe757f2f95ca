/**
 * The planner's area rows for every month of a period in one query — the same sums, month by month,
 * as `villageMeasuresSql` / `districtMeasuresSql` with a month (households with a case of the need
 * open at the month's end, read from `planner_month_cube`), grouped by month instead of asked for
 * 34 times. With case filters (status, report dates, channel) each month is asked for on its own.
 */
import { type Bind, inlineValue, preparedRows, type SqlClient } from '../../../core/sql/sql-client';
import { type AreaMeasures, areaColumns, areaMeasures, sumColumns } from './areas';
import { householdConditions, monthCubeAnswers, where } from './filters';
import { cubeSum } from './measure-sql';
import { type AreaQuery, PLANNER_NEEDS } from './model';

type Level = 'village' | 'district';

/** Whether one grouped query answers the period (no case filter beyond the month). */
export const periodInOneQuery = (q: Omit<AreaQuery, 'month'>): boolean => monthCubeAnswers(q.filters);

/** Rows `period_month` + AreaMeasures for every month × area of `level`, ordered by month and code. */
export function periodMeasuresSql(
  q: Omit<AreaQuery, 'month'>,
  months: readonly string[],
  level: Level,
  bind: Bind = inlineValue,
): string {
  const filters = householdConditions(q.filters, true, bind);
  const measures = PLANNER_NEEDS.map((m) => `(${cubeSum(m, q.weights, 'o_')})::DOUBLE AS c_${m}`).join(', ');
  const perVillage = PLANNER_NEEDS.map(
    (m) => `coalesce(num.c_${m}, 0) AS c_${m}, b.households AS k_${m}`,
  ).join(', ');
  const common = `months AS (SELECT unnest([${months.map((m) => bind(m)).join(', ')}]) AS month),
  base AS (SELECT vid, sum(n)::INTEGER AS households, sum(cov)::INTEGER AS covered
    FROM planner_cube ${where(filters)} GROUP BY vid),
  num AS (SELECT month, vid, ${measures} FROM planner_month_cube ${where(filters)} GROUP BY month, vid),
  a AS (SELECT m.month, b.vid, b.households, b.covered, ${perVillage}
    FROM base b CROSS JOIN months m
    LEFT JOIN num ON num.vid = b.vid AND num.month = least(m.month, (SELECT max(month) FROM planner_month_cube)))`;
  if (level === 'village')
    return `WITH ${common}
  SELECT m.month AS period_month, g.village_code AS code, g.village_name AS name, g.district_code,
    g.district_name, g.area_km2, ${areaColumns('a')}
  FROM months m CROSS JOIN planner_villages g LEFT JOIN a ON a.vid = g.vid AND a.month = m.month
  ORDER BY m.month, g.village_code`;
  return `WITH ${common},
  d AS (SELECT a.month, v.district_code, ${sumColumns.map((c) => `sum(a.${c}) AS ${c}`).join(', ')}
    FROM a JOIN planner_villages v USING (vid) GROUP BY 1, 2),
  g AS (SELECT district_code, any_value(district_name) AS district_name, sum(area_km2) AS area_km2
    FROM planner_villages GROUP BY 1)
  SELECT m.month AS period_month, g.district_code AS code, g.district_name AS name, g.district_code,
    g.district_name, g.area_km2::DOUBLE AS area_km2, ${areaColumns('d')}
  FROM months m CROSS JOIN g LEFT JOIN d ON d.district_code = g.district_code AND d.month = m.month
  ORDER BY m.month, g.district_code`;
}

/** The area rows of each month of `months` (in their order), for the query's filters and weights. */
export async function periodMeasures(
  client: SqlClient,
  q: Omit<AreaQuery, 'month'>,
  months: readonly string[],
  level: Level,
): Promise<AreaMeasures[][]> {
  if (!periodInOneQuery(q)) {
    const out: AreaMeasures[][] = [];
    for (const month of months) out.push(await areaMeasures(client, { ...q, month }, level));
    return out;
  }
  const rows = await preparedRows<AreaMeasures & { period_month: string }>(client, (bind) =>
    periodMeasuresSql(q, months, level, bind),
  );
  const byMonth = new Map<string, AreaMeasures[]>(months.map((m) => [m, []]));
  for (const { period_month, ...row } of rows) byMonth.get(period_month)?.push(row);
  return months.map((m) => byMonth.get(m) ?? []);
}
