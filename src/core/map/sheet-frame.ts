import type { FeatureCollection } from 'geojson';
import type { TFunction } from 'i18next';
import type { VillageBoundaries } from '../dataset/load-boundaries';
import { isolate } from '../ui/bidi';
import type { OfficialMapInput } from './official-map';
import { NO_DATA_COLOR } from './palette';

/** Where a printed map's data comes from, and the language it is printed in. */
export interface SheetSource {
  boundaries: VillageBoundaries;
  /** The province for the inset; null when the file is absent (the inset is then left out). */
  province: FeatureCollection | null;
  datasetName: string;
  synthetic: boolean;
  locale: string;
  t: TFunction;
}

/** Today's date in the UI locale, for the source line of maps and reports. */
export const todayLabel = (locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

/** "Data source: <name>, …": the name from a file isolated so it cannot reorder the line (or what follows). */
export const sourceLine = (t: TFunction, datasetName: string): string =>
  t('mapSheet.source', { dataset: isolate(datasetName) });

/** What is left to say on a sheet: its fills, title and legend. */
export type SheetTheme = Pick<OfficialMapInput, 'fillByCode' | 'title' | 'legendTitle' | 'legend'>;

/**
 * An official map sheet of the regency: areas, boundary lines, kecamatan names, inset, and the source lines
 * (data set, boundaries, date; the synthetic-data warning when it applies) around a theme. `notes` are added
 * to the source lines (e.g. the classification and the filters).
 */
export function officialSheet(ctx: SheetSource, theme: SheetTheme, notes: string[] = []): OfficialMapInput {
  const { t } = ctx;
  const boundarySource =
    ctx.boundaries.kind === 'approximate'
      ? t('mapSheet.boundaryApprox')
      : t('mapSheet.boundaryOfficial', { source: ctx.boundaries.sourceUrl ?? '' });
  return {
    villages: ctx.boundaries.villages,
    districts: ctx.boundaries.districts,
    regency: ctx.boundaries.regency,
    land: ctx.boundaries.land,
    province: ctx.province,
    districtLabels: ctx.boundaries.districtLabels,
    noDataColor: NO_DATA_COLOR,
    subtitle: t('mapSheet.subtitle'),
    ...theme,
    footer: [
      ...notes,
      sourceLine(t, ctx.datasetName) + (ctx.synthetic ? ` — ${t('mapSheet.syntheticWarning')}` : ''),
      `${boundarySource} ${t('mapSheet.insetSource')}`,
      t('mapSheet.printed', { date: todayLabel(ctx.locale) }),
    ],
    insetCaption: t('mapSheet.inset'),
    boundaryLabels: [t('mapSheet.lineRegency'), t('mapSheet.lineDistrict'), t('mapSheet.lineVillage')],
    regencyCode: '17.01',
    north: 'U',
  };
}
