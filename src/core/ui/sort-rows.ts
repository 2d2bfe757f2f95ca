/** Sorting of table rows the same way everywhere: "no data" last whatever the direction. */

export type SortDirection = 'asc' | 'desc';

const isMissing = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/**
 * Order of two cell values in `direction`: missing values (null, undefined, NaN) always after the others;
 * numbers by value, anything else as text in `locale`. 0 when they tie.
 */
export function compareCells(x: unknown, y: unknown, direction: SortDirection, locale = 'id'): number {
  const xm = isMissing(x);
  const ym = isMissing(y);
  if (xm || ym) return xm === ym ? 0 : xm ? 1 : -1;
  if (x === y) return 0; // also two equal infinities, whose difference is NaN
  const c =
    typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), locale);
  return direction === 'asc' ? c : -c;
}

/** Sorted copy by `key`; ties by `tie`, then in input order (a stable, meaningful order). */
export function sortByKey<T>(
  rows: readonly T[],
  key: keyof T,
  direction: SortDirection,
  tie: (a: T, b: T) => number = () => 0,
  locale = 'id',
): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        compareCells(a.row[key], b.row[key], direction, locale) || tie(a.row, b.row) || a.index - b.index,
    )
    .map((e) => e.row);
}
