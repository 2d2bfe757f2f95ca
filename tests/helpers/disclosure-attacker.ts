/**
 * An independent attacker for suppressed tables: given what one export or slide shows, written as
 * linear facts over the unknown (hidden) figures, it computes each unknown's feasible minimum and
 * maximum with an integer linear program (yalps), the way someone with a solver and the published
 * figures would. It shares no code with the app's suppression.
 */
import { type Constraint, solve } from 'yalps';

/** A linear fact: Σ coef·unknown (+ nothing else) is `equal`, or within [min, max]. */
export interface Fact {
  terms: Record<string, number>;
  equal?: number;
  min?: number;
  max?: number;
}

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * Feasible [lo, hi] of every unknown (integers, each ≥ its floor, default 0), or null when the facts
 * contradict each other (which a correct publication never does).
 */
export function attack(
  unknowns: readonly string[],
  facts: readonly Fact[],
  floors: Readonly<Record<string, number>> = {},
): Map<string, Interval> | null {
  // yalps variables are ≥ 0: an unknown x with floor f is written x = f + y, y ≥ 0.
  const shift = (name: string) => floors[name] ?? 0;
  const constraints = new Map<string, Constraint>();
  facts.forEach((fact, i) => {
    const offset = Object.entries(fact.terms).reduce((s, [n, c]) => s + c * shift(n), 0);
    const at = (v: number | undefined) => (v === undefined ? undefined : v - offset);
    constraints.set(
      `f${i}`,
      fact.equal !== undefined
        ? { equal: at(fact.equal) as number }
        : { min: at(fact.min), max: at(fact.max) },
    );
  });
  const out = new Map<string, Interval>();
  for (const target of unknowns) {
    const bound = (direction: 'minimize' | 'maximize') => {
      const variables = new Map<string, Map<string, number>>();
      for (const u of unknowns) variables.set(u, new Map(u === target ? [['objective', 1]] : []));
      facts.forEach((fact, i) => {
        for (const [n, c] of Object.entries(fact.terms)) variables.get(n)?.set(`f${i}`, c);
      });
      const solution = solve({
        direction,
        objective: 'objective',
        constraints,
        variables,
        integers: true,
      });
      if (solution.status === 'unbounded') return Number.POSITIVE_INFINITY;
      if (solution.status !== 'optimal') return null;
      return solution.result + shift(target);
    };
    const lo = bound('minimize');
    const hi = bound('maximize');
    if (lo === null || hi === null) return null;
    out.set(target, { lo, hi });
  }
  return out;
}
