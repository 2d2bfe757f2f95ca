import type { TFunction } from 'i18next';
import { StorageRefusedError } from '../../data/local-store';

const megabytes = (bytes: number, locale: string) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** What to tell the user when "Gunakan data ini" cannot keep the data: why, and what they can do. */
export function saveFailureMessage(error: unknown, t: TFunction, locale: string): string {
  if (error instanceof StorageRefusedError && error.reason === 'quota') {
    const needed = megabytes(error.neededBytes, locale);
    return error.availableBytes === null
      ? t('storage.quotaUnknown', { needed })
      : t('storage.quota', { needed, available: megabytes(error.availableBytes, locale) });
  }
  return t('storage.write');
}
