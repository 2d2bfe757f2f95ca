import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, LOCALE } from '../../i18n';

/** Number formatting in the chosen UI language's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE[(i18n.language as Language) ?? 'id'] ?? LOCALE.id;
  return useMemo(() => {
    // No "-0" for a small negative value rounded away (a change of −0.04 reads 0,0).
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' });
    const oneDecimal = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'negative',
    });
    const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      locale,
      /** A `YYYY-MM-DD` calendar date, e.g. "31 Oktober 2026" / "31 October 2026". */
      date: (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`)),
      /** A `YYYY-MM` month, e.g. "Mei 2025" / "May 2025". */
      month: (ym: string) => shortMonth.format(new Date(`${ym.slice(0, 7)}-01T00:00:00Z`)),
      int: (n: number) => integer.format(n),
      dec: (n: number) => oneDecimal.format(n),
      pct: (n: number | null) => (n === null ? '–' : `${oneDecimal.format(n)} %`),
    };
  }, [locale]);
}
