/**
 * The unsuppressed village figures of a household-level dataset, read from the planner's prepared cubes
 * (preparePlannerSql) summed over decile and agent kind: the figures the planner shows with no filter.
 */
import { MONTH_RANGE_SQL } from '../cube/tables';
import { queryRows, type SqlClient } from '../sql/sql-client';
import { FIGURE_COLUMNS, MONTH_COLUMNS, type MonthColumn } from './format';
import type { VillageRow } from './suppress';

const CUBE_SUMS: Record<(typeof FIGURE_COLUMNS)[number], string> = Object.fromEntries(
  FIGURE_COLUMNS.map((c) => [c, c === 'households' ? 'n' : c === 'covered' ? 'cov' : c]),
) as Record<(typeof FIGURE_COLUMNS)[number], string>;

/** One row per gazetteer village with households (the cube has rows only where households are). */
export const VILLAGE_FIGURES_SQL = `SELECT c.village_code, any_value(g.district_code) AS district_code,
    ${FIGURE_COLUMNS.map((col) => `sum(c.${CUBE_SUMS[col]})::INTEGER AS ${col}`).join(', ')}
  FROM planner_cube c JOIN planner_villages g USING (vid)
  GROUP BY c.village_code ORDER BY c.village_code`;

export const VILLAGE_MONTHS_SQL = `SELECT month, village_code,
    ${MONTH_COLUMNS.map((col) => `sum(${col})::INTEGER AS ${col}`).join(', ')}
  FROM planner_month_cube WHERE vid IS NOT NULL
  GROUP BY month, village_code ORDER BY month, village_code`;

/** Every `YYYY-MM` from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

export interface CollectedFigures {
  villages: VillageRow[];
  /** Every month from the first case report to the last report or resolution (the planner's slider). */
  months: string[];
}

/** The figures of every village with households, after preparePlannerSql has run. */
export async function collectFigures(client: SqlClient): Promise<CollectedFigures> {
  type FigureRow = { village_code: string; district_code: string } & Record<string, number>;
  const figures = await queryRows<FigureRow>(client, VILLAGE_FIGURES_SQL);
  const [range] = await queryRows<{ first: string | null; last: string | null }>(client, MONTH_RANGE_SQL);
  const months = range?.first && range.last ? monthsBetween(range.first, range.last) : [];
  const byVillage = new Map<string, Map<string, Record<MonthColumn, number>>>();
  for (const row of await queryRows<Record<string, string | number>>(client, VILLAGE_MONTHS_SQL)) {
    const code = String(row.village_code);
    const perMonth = byVillage.get(code) ?? new Map<string, Record<MonthColumn, number>>();
    perMonth.set(
      String(row.month),
      Object.fromEntries(MONTH_COLUMNS.map((c) => [c, Number(row[c])])) as Record<MonthColumn, number>,
    );
    byVillage.set(code, perMonth);
  }
  const villages = figures.map((row) => ({
    village_code: row.village_code,
    district_code: row.district_code,
    figures: Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, Number(row[c])])) as VillageRow['figures'],
    months: byVillage.get(row.village_code) ?? new Map(),
  }));
  return { villages, months };
}
