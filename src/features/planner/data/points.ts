/** The households drawn on the map: weighted cells for the heatmap and hexagons, single points, a household's card. */
import { NEED_CODES } from '../../../core/domain/schema';
import { householdCte } from './households';
import type { PlannerQuery } from './model';

/** Side of the cells (degrees, ≈ 55 m) households are gathered in for the heatmap and hexagons. */
export const POINT_CELL_DEG = 0.0005;

/**
 * The measure of the households (value > 0) summed per cell of POINT_CELL_DEG, at the cell's centre, for
 * the heatmap and the 1 km hexagons: a fraction of the points to draw (households cluster in villages),
 * a shift of at most ≈ 40 m, and the same total.
 */
export function weightedPointsSql(q: PlannerQuery): string {
  const cell = (c: string) => `((floor(${c} / ${POINT_CELL_DEG}) + 0.5) * ${POINT_CELL_DEG})::FLOAT`;
  return `WITH ${householdCte(q)} SELECT ${cell('lon')} AS lon, ${cell('lat')} AS lat, sum(value)::FLOAT AS w
    FROM hh WHERE value > 0 GROUP BY 1, 2`;
}

/** Filtered households inside a box (the points layer at high zoom), at most `limit`. */
export function boxPointsSql(q: PlannerQuery, box: [number, number, number, number], limit: number): string {
  const [w, s, e, n] = box.map(Number) as [number, number, number, number];
  return `WITH ${householdCte(q)} SELECT hid, lon::FLOAT AS lon, lat::FLOAT AS lat,
      coalesce(value, 0)::FLOAT AS w, covered
    FROM hh WHERE lon BETWEEN ${w} AND ${e} AND lat BETWEEN ${s} AND ${n} LIMIT ${Math.round(limit)}`;
}

export interface HouseholdCard {
  household_id: string;
  village_name: string;
  district_name: string;
  decile: number | null;
  agent_kind: string | null;
  covered: number;
  needs: string;
}

/** One household's card for the point tooltip (its id is masked by the view). */
export function householdCardSql(hid: number): string {
  const needs = NEED_CODES.map((c) => `CASE WHEN p.n_${c} = 1 THEN '${c}' END`).join(', ');
  return `SELECT h.household_id, v.village_name, v.district_name, p.decile::INTEGER AS decile, p.agent_kind, p.covered::INTEGER AS covered,
      concat_ws(',', ${needs}) AS needs
    FROM planner_households p JOIN households h ON h.rowid = p.hid
    LEFT JOIN villages v ON v.village_code = p.village_code
    WHERE p.hid = ${Math.round(hid)}`;
}
