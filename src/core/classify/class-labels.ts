/**
 * Legend labels and value texts of a classification, written from the same numbers the classes
 * were made with: a break is written exactly (it is a multiple of 10^−decimals), a value rounded
 * to those decimals — so what a label says and what a value reads as always agree.
 */
import { decimalsOf, roundAt, scientificParts, superscript } from './decimal';

export interface ClassInterval {
  from: number;
  to: number;
}

/** Writes a number with exactly `decimals` decimals in the UI's locale (e.g. via Intl.NumberFormat). */
export type NumberWriter = (n: number, decimals: number) => string;

/** How the numbers of a legend are written: `decimals` places, or m × 10ⁿ when plain decimals would not do. */
export interface Notation {
  decimals: number;
  scientific: boolean;
}

/** Beyond these, plain decimals stop being readable (0,0000000000000001 or 1.000.000.000.000.000). */
const MAX_PLAIN_DECIMALS = 15;
const MAX_PLAIN = 1e15;

const edgesOf = (intervals: readonly ClassInterval[]) =>
  intervals.flatMap((iv, i) => (i === 0 ? [iv.from, iv.to] : [iv.to]));

export const isScientific = (intervals: readonly ClassInterval[], decimals: number): boolean =>
  decimals > MAX_PLAIN_DECIMALS || edgesOf(intervals).some((e) => Math.abs(e) >= MAX_PLAIN);

/** The notation that writes every break exactly, for intervals made elsewhere. */
export function notationOf(intervals: readonly ClassInterval[]): Notation {
  const decimals = Math.max(0, ...edgesOf(intervals).map(decimalsOf));
  return { decimals, scientific: isScientific(intervals, decimals) };
}

/** The locale's decimal separator, as `format` writes it. */
const decimalSeparator = (format: NumberWriter) => format(1.5, 1).replace(/\d/g, '');

/** `x` rounded to the notation's decimals and written with them (exact for a break). */
export function writeNumber(x: number, notation: Notation, format: NumberWriter): string {
  const r = roundAt(x, notation.decimals, 'half');
  if (!notation.scientific) return format(r, notation.decimals);
  const { negative, lead, fraction, exponent } = scientificParts(r);
  // The lead digit (and sign) written by the locale, then the mantissa's other digits as they are.
  const head = format(negative ? -lead : lead, 0);
  const mantissa = fraction ? `${head}${decimalSeparator(format)}${fraction}` : head;
  return exponent === 0 ? mantissa : `${mantissa} × 10${superscript(exponent)}`;
}

/**
 * Legend labels stating the half-open intervals: "a – < b" for every class but the last, which is
 * closed, "a – b" (a class of one value reads just "a").
 */
export function intervalLabels(
  intervals: readonly ClassInterval[],
  format: NumberWriter,
  notation: Notation = notationOf(intervals),
): string[] {
  const write = (x: number) => writeNumber(x, notation, format);
  return intervals.map((iv, i) =>
    iv.from === iv.to
      ? write(iv.from)
      : i === intervals.length - 1
        ? `${write(iv.from)} – ${write(iv.to)}`
        : `${write(iv.from)} – < ${write(iv.to)}`,
  );
}
