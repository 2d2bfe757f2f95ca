import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, LOCALE } from '../../i18n';
import { formatsFor } from './formats';

/** Number formatting in the chosen UI language's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE[(i18n.language as Language) ?? 'id'] ?? LOCALE.id;
  return useMemo(() => formatsFor(locale), [locale]);
}
