/**
 * Which villages of an aggregate dataset are hidden. Villages with 1–2 households are hidden (primary), and
 * further villages with them (complementary suppression) so that no hidden figure can be worked out — not from
 * the published files alone (they publish no totals: a kecamatan or regency total read from them is the sum of
 * the visible rows), and not even by someone who also knows the true kecamatan and regency totals of every
 * published column from elsewhere (an official report, the office's own dashboard), except for the kecamatan and
 * regency totals listed in `withheldDistricts` / `totalWithheld`.
 *
 * Why one tree with every column rather than protectVillages (area-suppression.ts) once per measure with the
 * hidden sets united: hiding more villages only widens the ranges of the figures each run checked, but a village
 * hidden by one measure's run is then also hidden in the columns of the other measures, where no run checked
 * it — with the other hidden villages of its kecamatan it can be pinned there (e.g. the only other hidden village
 * of the kecamatan has the need 0 times and the kecamatan total is known). One protectTree over all columns
 * (households, covered, s_/k_ of each need and any need, and o_ of every need and month) checks every hidden
 * figure; the tree and the small-group rule are protectVillages' own.
 */
import {
  protectTree,
  type SuppressionColumn,
  type SuppressionNode,
} from '../../analysis/complementary-suppression';
import { isSmallGroup } from '../../analysis/small-groups';
import { FIGURE_COLUMNS, MONTH_COLUMNS, type MonthColumn } from './format';

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

const ZERO_MONTH = Object.fromEntries(MONTH_COLUMNS.map((c) => [c, 0])) as Record<MonthColumn, number>;

/** Every published column of a village, in a fixed order: the figures, then each month's open cases. */
function values(v: VillageRow, months: readonly string[]): number[] {
  const out = FIGURE_COLUMNS.map((c) => v.figures[c]);
  for (const m of months) {
    const row = v.months.get(m) ?? ZERO_MONTH;
    for (const c of MONTH_COLUMNS) out.push(row[c]);
  }
  return out;
}

const add = (x: readonly number[], y: readonly number[]) => x.map((v, i) => v + (y[i] ?? 0));

/**
 * The hidden villages of a dataset with `months` (every month of the month file). Villages without households
 * are not published and take no part.
 */
export function protectAggregates(
  villages: readonly VillageRow[],
  months: readonly string[],
): AggregateSuppression {
  const width = FIGURE_COLUMNS.length + months.length * MONTH_COLUMNS.length;
  // Group sizes are strict (a small group must not be shown to be small); other counts are ≥ 0.
  const columns: SuppressionColumn[] = Array.from({ length: width }, (_, i) =>
    i === 0 ? { floor: 1, strict: true } : { floor: 0 },
  );
  const byDistrict = new Map<string, SuppressionNode[]>();
  for (const v of villages) {
    if (v.figures.households <= 0) continue;
    const list = byDistrict.get(v.district_code) ?? [];
    list.push({
      id: `v:${v.village_code}`,
      values: values(v, months),
      primary: isSmallGroup(v.figures.households),
    });
    byDistrict.set(v.district_code, list);
  }
  const zero = new Array<number>(width).fill(0);
  const districts: SuppressionNode[] = [...byDistrict].map(([code, children]) => {
    const sum = children.reduce((s, c) => add(s, c.values), zero);
    return { id: `d:${code}`, values: sum, primary: isSmallGroup(sum[0] ?? 0), children };
  });
  const total = districts.reduce((s, d) => add(s, d.values), zero);
  const { hidden, totalHidden } = protectTree(
    { id: 'regency', values: total, primary: false, children: districts },
    columns,
  );
  const codes = (prefix: string) =>
    new Set([...hidden].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
  return { hidden: codes('v:'), withheldDistricts: codes('d:'), totalWithheld: totalHidden };
}
