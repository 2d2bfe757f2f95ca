import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// Each view owns its catalogue file (src/i18n/<lang>/<part>.json); their top-level keys are merged.
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', {
  eager: true,
  import: 'default',
});

/** The merged catalogue of one language. */
export function catalogue(lang: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [file, part] of Object.entries(catalogues)) {
    if (file.startsWith(`./${lang}/`)) Object.assign(merged, part);
  }
  return merged;
}

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'gancang-pikat.lang';

/** Locale used for numbers and dates in each UI language. */
export const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  const stored = fromUrl ?? globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'id';
}

export function setLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
}

i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { id: { translation: catalogue('id') }, en: { translation: catalogue('en') } },
  lng: initialLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

export default i18next;
