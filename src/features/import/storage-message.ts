import type { TFunction } from 'i18next';
import { StorageRefusedError } from '../../core/dataset/local-store';

/** 1,5 MB, or 48 kB below a megabyte (never "0 MB" for some room). */
function size(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${number.format(Math.ceil(bytes / 1024))} kB`
    : `${number.format(bytes / 1024 / 1024)} MB`;
}

/** What to tell the user when "Gunakan data ini" cannot keep the data: why, and what they can do. */
export function saveFailureMessage(error: unknown, t: TFunction, locale: string): string {
  if (error instanceof StorageRefusedError && error.reason === 'quota') {
    const needed = size(error.neededBytes, locale);
    return error.availableBytes === null
      ? t('storage.quotaUnknown', { needed })
      : t('storage.quota', { needed, available: size(error.availableBytes, locale) });
  }
  return t('storage.write');
}
