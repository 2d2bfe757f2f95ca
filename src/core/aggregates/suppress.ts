/**
 * Which villages of an aggregate dataset are hidden. Villages with 1–2 households are hidden (primary), and
 * further villages with them (complementary suppression) so that no hidden figure can be worked out — not from
 * the published files alone (they publish no totals: a kecamatan or regency total read from them is the sum of
 * the visible rows), and not even by someone who also knows the true kecamatan and regency totals of every
 * published column from elsewhere (an official report, the office's own dashboard), except the kecamatan and
 * regency totals listed in `withheldDistricts` / `totalWithheld`.
 *
 * protectVillages (area-suppression.ts) protects one measure's tree (villages → kecamatan → regency: households,
 * the count, households with a known status, households covered). It is run for every measure of the figures
 * file (each need and any need: s_ with k_) and, for every month of the month file, for every measure of it
 * (o_ with the households as known), and the hidden villages (and withheld totals) of all runs are united. The
 * union is safe: each run's hidden figures could not be pinned from that run's visible figures and totals, and
 * hiding more villages (or withholding more totals) only removes facts, so every range only widens.
 */
import { protectVillages } from '../privacy/area-suppression';
import { type FIGURE_COLUMNS, MEASURES, type MonthColumn } from './format';

/** A village's unsuppressed figures, from the household data. */
export interface VillageRow {
  village_code: string;
  district_code: string;
  figures: Record<(typeof FIGURE_COLUMNS)[number], number>;
  /** Cases open at each month's end, by month `YYYY-MM`; a month without an entry is all zeros. */
  months: ReadonlyMap<string, Record<MonthColumn, number>>;
}

export interface AggregateSuppression {
  /** Village codes whose figures are hidden. */
  hidden: ReadonlySet<string>;
  /** Kecamatan whose true totals must not be published beside these files (none are). */
  withheldDistricts: ReadonlySet<string>;
  /** Whether the regency's true totals must not be published beside these files (they are not). */
  totalWithheld: boolean;
}

/**
 * The hidden villages of a dataset with `months` (every month of the month file). Villages without households
 * are not published and take no part.
 */
export function protectAggregates(
  villages: readonly VillageRow[],
  months: readonly string[],
): AggregateSuppression {
  const hidden = new Set<string>();
  const withheldDistricts = new Set<string>();
  let totalWithheld = false;
  const run = (count: (v: VillageRow) => number, known: (v: VillageRow) => number) => {
    const s = protectVillages(
      villages.map((v) => ({
        code: v.village_code,
        district_code: v.district_code,
        households: v.figures.households,
        count: count(v),
        known: known(v),
        rate: null,
        coverage_pct: v.figures.households > 0 ? (100 * v.figures.covered) / v.figures.households : null,
      })),
    );
    for (const code of s.villages) hidden.add(code);
    for (const code of s.districts) withheldDistricts.add(code);
    totalWithheld ||= s.totalHidden;
  };
  for (const m of MEASURES)
    run(
      (v) => v.figures[`s_${m}`],
      (v) => v.figures[`k_${m}`],
    );
  for (const month of months)
    for (const m of MEASURES)
      run(
        (v) => v.months.get(month)?.[`o_${m}`] ?? 0,
        (v) => v.figures.households,
      );
  return { hidden, withheldDistricts, totalWithheld };
}
