/**
 * The tests' own statement of "protected", independent of the app's (complementary-suppression.ts): the
 * attackers' ranges are judged by this, so weakening the app's rule cannot weaken the tests.
 *
 * - Any hidden figure: the attacker cannot pin it (its feasible range has more than one value).
 * - A hidden small group's size (primary, strict): the attacker cannot even tell it is a small group — the range
 *   reaches both below 3 and 3 or more — and is at least 2 wide.
 */
export function attackerCannotPin(
  range: { lo: number; hi: number },
  primary: boolean,
  strict = true,
): boolean {
  if (!primary || !strict) return range.hi > range.lo;
  return range.lo <= 2 && range.hi >= 3 && range.hi - range.lo >= 2;
}
