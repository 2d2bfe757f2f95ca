/**
 * Small-group suppression for what Bappeda presents and exports (UU 27/2022 PDP): an aggregate
 * over fewer than MIN_GROUP_HOUSEHOLDS households is not shown, so no figure points at one family.
 * Which further figures are hidden so that totals cannot give the small ones back is decided by
 * ./complementary-suppression.
 */

/** Groups below this many households are suppressed. */
export const MIN_GROUP_HOUSEHOLDS = 3;

/** True when a group of `households` may be shown (0 = no data, shown as empty, not suppressed). */
export const isShowable = (households: number): boolean =>
  households === 0 || households >= MIN_GROUP_HOUSEHOLDS;

/** A small group: 1 or 2 households. */
export const isSmallGroup = (households: number): boolean => !isShowable(households);

export type Suppressed<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null } & {
  suppressed: boolean;
};

/** Copies rows with `fields` set to null where `hidden[i]`, and a `suppressed` flag. */
export function blankRows<T extends object, K extends keyof T>(
  rows: readonly T[],
  hidden: readonly boolean[],
  fields: readonly K[],
): Suppressed<T, K>[] {
  return rows.map((row, i) => {
    const suppressed = hidden[i] === true;
    const copy = { ...row, suppressed } as Suppressed<T, K>;
    if (suppressed) for (const f of fields) (copy as Record<K, unknown>)[f] = null;
    return copy;
  });
}
