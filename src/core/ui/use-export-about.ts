/**
 * The block every table export starts with (table-export.ts ExportAbout): what it contains, the data it
 * comes from — "data contoh (sintetis)" when synthetic — the data's date, the settings behind its figures,
 * and when it was exported, in the chosen language.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../dataset/loaded-context';
import { localDay } from '../domain/calendar';
import type { ExportAbout } from '../export/table-export';
import { useFormat } from './use-format';

export function useExportAbout(): (contents: string, settings?: ExportAbout) => ExportAbout {
  const { t } = useTranslation();
  const f = useFormat();
  const { source } = useLoadedData().dataset;
  return useCallback(
    (contents, settings = []) => [
      [t('exportAbout.contents'), contents],
      [
        t('exportAbout.data'),
        source.synthetic ? `${source.name} · ${t('exportAbout.synthetic')}` : source.name,
      ],
      ...(source.date ? ([[t('exportAbout.dataDate'), f.date(source.date)]] as const) : []),
      ...settings,
      [t('exportAbout.exported'), f.date(localDay(new Date()))],
    ],
    [t, f, source],
  );
}
