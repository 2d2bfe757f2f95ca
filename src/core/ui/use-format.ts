import { useTranslation } from 'react-i18next';
import { type Language, LOCALE } from '../../i18n';
import { formatsFor } from './formats';

/**
 * The formats of each locale, made once for the page: every component that shows a number asks for them, and
 * each Intl formatter takes about a millisecond to make (a section mounting used to spend 20 ms making them).
 */
const formats = new Map<string, ReturnType<typeof formatsFor>>();

/** Number formatting in the chosen UI language's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE[(i18n.language as Language) ?? 'id'] ?? LOCALE.id;
  let made = formats.get(locale);
  if (!made) {
    made = formatsFor(locale);
    formats.set(locale, made);
  }
  return made;
}
