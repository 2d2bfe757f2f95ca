/**
 * Exact decimal rounding of doubles, as numbers are written on screen.
 *
 * A double is taken as its shortest decimal form (what `String(x)` and `Intl.NumberFormat` start from),
 * M × 10^e with an integer digit string M, and rounded on those digits — so `roundAt(x, d, 'half')` is
 * exactly the number `Intl.NumberFormat` shows with `d` decimals (half away from zero, its default),
 * also where binary arithmetic (`Math.round(x * 10 ** d)`, `toFixed`) disagrees, e.g. 1.005 → 1.01.
 * Works for every finite double: tiny (5e-324), huge (1.8e308), any `d` (negative d: tens, hundreds…).
 */

export interface Decimal {
  negative: boolean;
  /** Digits without leading or trailing zeros ("0" for zero). */
  digits: string;
  /** Power of ten of the last digit: value = digits × 10^exp. */
  exp: number;
}

/** The shortest decimal form of a finite double. */
export function decimalOf(x: number): Decimal {
  if (x === 0) return { negative: false, digits: '0', exp: 0 };
  const [mantissa, power] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const trimmed = digits.replace(/0+$/, '');
  return {
    negative: x < 0,
    digits: trimmed,
    exp: Number(power) - (digits.length - 1) + (digits.length - trimmed.length),
  };
}

/** Decimals needed to write `x` exactly (0 for an integer). */
export const decimalsOf = (x: number): number => Math.max(0, -decimalOf(x).exp);

/** Power of ten of the leading digit (0 for zero). */
export function exponentOf(x: number): number {
  const { digits, exp } = decimalOf(x);
  return digits === '0' ? 0 : exp + digits.length - 1;
}

export type Rounding = 'half' | 'floor' | 'ceil';

/**
 * `x` rounded to a multiple of 10^−d: 'half' (half away from zero, as shown on screen), 'floor'
 * (down) or 'ceil' (up). The result is the double nearest that decimal; never −0.
 */
export function roundAt(x: number, d: number, mode: Rounding): number {
  const { negative, digits, exp } = decimalOf(x);
  const drop = -d - exp;
  if (drop <= 0) return x + 0;
  const keep = digits.length > drop ? BigInt(digits.slice(0, digits.length - drop)) : 0n;
  const rest = digits.length > drop ? digits.slice(digits.length - drop) : digits.padStart(drop, '0');
  // The magnitude goes up for 'half' at ≥ ½ and, off a multiple, for 'ceil' of a positive / 'floor' of a negative.
  const away =
    mode === 'half'
      ? rest[0] !== undefined && rest[0] >= '5'
      : (mode === 'ceil') !== negative && /[1-9]/.test(rest);
  const magnitude = keep + (away ? 1n : 0n);
  return Number(`${negative ? '-' : ''}${magnitude}e${-d}`) + 0;
}

/**
 * `x` as mantissa × 10^exponent with its shortest digits (mantissa in [1, 10)), the mantissa as digits: a
 * mantissa made a double again would be rounded again (1.7976931348623141 and …143 × 10³⁰⁸ would read alike).
 */
export function scientificParts(x: number): {
  negative: boolean;
  lead: number;
  fraction: string;
  exponent: number;
} {
  const { negative, digits } = decimalOf(x);
  return { negative, lead: Number(digits[0]), fraction: digits.slice(1), exponent: exponentOf(x) };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** An integer in superscript digits ("⁻³⁰⁰"). */
export const superscript = (n: number): string =>
  `${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((c) => SUPERSCRIPT[Number(c)]).join('')}`;
