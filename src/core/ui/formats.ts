/** Numbers and dates in one locale, as the UI shows them (useFormat gives the chosen language's). */
export function formatsFor(locale: string) {
  // No "-0" for a small negative value rounded away (a change of −0.04 reads 0,0).
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' });
  const oneDecimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  // A distance limit in km, exact to the slider's 250 m steps: "1,0", "1,25", "0,75".
  const limitKm = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  // Made on first use, one per number of decimals.
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const fixedFormat = (digits: number) => {
    let format = fixedFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      fixedFormats.set(digits, format);
    }
    return format;
  };
  return {
    locale,
    /** A `YYYY-MM-DD` calendar date, e.g. "31 Oktober 2026" / "31 October 2026". */
    date: (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`)),
    /** A `YYYY-MM` month, e.g. "Mei 2025" / "May 2025". */
    month: (ym: string) => shortMonth.format(new Date(`${ym.slice(0, 7)}-01T00:00:00Z`)),
    int: (n: number) => integer.format(n),
    dec: (n: number) => oneDecimal.format(n),
    /** A distance limit given in metres, in km without its unit: "1,25" (one decimal would say "1,3"). */
    limitKm: (m: number) => limitKm.format(m / 1000),
    /** Exactly `digits` decimals: fixed(3, 2) is "3,00". */
    fixed: (n: number, digits: number) => fixedFormat(digits).format(n),
    pct: (n: number | null) => (n === null ? '–' : `${oneDecimal.format(n)} %`),
  };
}
