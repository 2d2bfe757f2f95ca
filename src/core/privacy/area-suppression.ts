/**
 * Small-group suppression for the planner's published areas (table exports, the map sheet and its
 * legend). Villages add up to their kecamatan and kecamatan to the regency, and both levels can be
 * exported under the same filters, so the villages are protected as one tree: a hidden village
 * cannot be worked out from its kecamatan's total minus the visible villages, and a hidden kecamatan
 * cannot be worked out from the regency total or from its villages.
 */
import type { AreaStat } from '../domain/area-stat';
import { protectTree, type SuppressionColumn, type SuppressionNode } from './complementary-suppression';
import { isSmallGroup } from './small-groups';

type Figures = Pick<
  AreaStat,
  'code' | 'district_code' | 'households' | 'count' | 'rate' | 'coverage_pct' | 'known'
>;

/** Households with a known status: given, or read back from the rate as anyone can. */
const knownOf = (a: Figures) =>
  a.known ?? (a.rate !== null && a.rate > 0 ? Math.round((100 * a.count) / a.rate) : 0);
/** Households whose agent is near (coverage % × households, as anyone can compute). */
const coveredOf = (a: Figures) =>
  a.coverage_pct === null ? 0 : Math.round((a.coverage_pct * a.households) / 100);

/**
 * The additive figures an area publishes: households, the measure's count (any real number for a
 * change between months), households with a known status and households covered.
 */
function columns(change: boolean): SuppressionColumn[] {
  return [
    { floor: 1, strict: true },
    { floor: change ? Number.NEGATIVE_INFINITY : 0 },
    { floor: 0 },
    { floor: 0 },
  ];
}
const figures = (a: Figures) => [a.households, a.count, knownOf(a), coveredOf(a)];
const add = (x: number[], y: number[]) => x.map((v, i) => v + (y[i] ?? 0));

export interface AreaSuppression {
  /** Village codes whose figures are hidden. */
  villages: ReadonlySet<string>;
  /** Kecamatan codes whose figures are hidden. */
  districts: ReadonlySet<string>;
  /** Whether the regency's totals must not be shown beside them. */
  totalHidden: boolean;
}

/**
 * Hidden villages and kecamatan for every village row of one query (all villages, not just those
 * in a table: the kecamatan totals add up all of them). Villages without households are not
 * published (they are "no data") and take no part. `change`: counts are changes between months.
 */
export function protectVillages(villages: readonly Figures[], change = false): AreaSuppression {
  const byDistrict = new Map<string, Figures[]>();
  for (const v of villages) {
    if (v.households <= 0) continue;
    const list = byDistrict.get(v.district_code) ?? [];
    list.push(v);
    byDistrict.set(v.district_code, list);
  }
  const districts: SuppressionNode[] = [...byDistrict].map(([code, list]) => {
    const children = list.map((v) => ({
      id: `v:${v.code}`,
      values: figures(v),
      primary: isSmallGroup(v.households),
    }));
    const values = children.reduce((s, c) => add(s, c.values), [0, 0, 0, 0]);
    return { id: `d:${code}`, values, primary: isSmallGroup(values[0] ?? 0), children };
  });
  const values = districts.reduce((s, d) => add(s, [...d.values]), [0, 0, 0, 0]);
  const { hidden, totalHidden } = protectTree(
    { id: 'regency', values, primary: false, children: districts },
    columns(change),
  );
  const codes = (prefix: string) =>
    new Set([...hidden].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
  return { villages: codes('v:'), districts: codes('d:'), totalHidden };
}

/** Hidden kecamatan when only kecamatan rows are at hand (the kecamatan map and its legend). */
export function protectDistricts(districts: readonly Figures[], change = false): ReadonlySet<string> {
  const children = districts
    .filter((d) => d.households > 0)
    .map((d) => ({ id: d.code, values: figures(d), primary: isSmallGroup(d.households) }));
  const values = children.reduce((s, c) => add(s, c.values), [0, 0, 0, 0]);
  return protectTree({ id: 'regency', values, primary: false, children }, columns(change)).hidden;
}

/** The published figures of a table's rows: every measure of a hidden area blanked. */
export function blankHiddenAreas<R extends AreaStat & { value: number | null }>(
  rows: readonly R[],
  hidden: ReadonlySet<string>,
): R[] {
  return rows.map((r) =>
    hidden.has(r.code)
      ? {
          ...r,
          households: null,
          count: null,
          rate: null,
          density: null,
          coverage_pct: null,
          known: null,
          value: null,
        }
      : r,
  ) as R[];
}
