/** One area's row of the area table: the measure's count and rates, and what suppression needs to judge it. */
export interface AreaStat {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  area_km2: number | null;
  households: number;
  /** Households with the need (for the score: the sum of household scores). */
  count: number;
  /** Per 100 households whose status is known; null without any. */
  rate: number | null;
  /** Per km² of the area; null without an area or without households. */
  density: number | null;
  /** Share of households whose own agent lives within 1 km, %. */
  coverage_pct: number | null;
  /** Households whose status of the need is known (the rate's denominator; small-group suppression adds it up). */
  known?: number;
}
