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
  /** `YYYY-MM-DD`: the date the data describes, when known (printed beside its name). */
  datasetDate: string | null;
  synthetic: boolean;
  locale: string;
  t: TFunction;
}

/** What a printed line needs to credit the data: its name, date and whether it is synthetic. */
export type DataCredit = Pick<SheetSource, 'datasetName' | 'datasetDate' | 'synthetic' | 'locale' | 't'>;

/** Today's date in the UI locale, for the source line of maps and reports. */
export const todayLabel = (locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

/** A `YYYY-MM-DD` day written in full in the locale ("31 Oktober 2026"). */
const dayLabel = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * "Data source: <name> (data of <date>), …", and the synthetic-data warning when it applies: the one credit
 * line of every map sheet, chart, slide and report page. The name from a file is isolated so it cannot
 * reorder the line (or what follows).
 */
export function sourceLine(c: DataCredit): string {
  const dataset = isolate(c.datasetName);
  const line = c.datasetDate
    ? c.t('mapSheet.sourceDated', { dataset, date: dayLabel(c.datasetDate, c.locale) })
    : c.t('mapSheet.source', { dataset });
  return c.synthetic ? `${line} — ${c.t('mapSheet.syntheticWarning')}` : line;
}

/** Where the village boundaries come from, in words (never a file name or address). */
function boundaryLine(t: TFunction, kind: VillageBoundaries['kind']): string {
  if (kind === 'approximate') return t('mapSheet.boundaryApprox');
  return kind === 'imported' ? t('mapSheet.boundaryImported') : t('mapSheet.boundaryOfficial');
}

/** What is left to say on a sheet: its fills, title and legend. */
export type SheetTheme = Pick<OfficialMapInput, 'fillByCode' | 'title' | 'legendTitle' | 'legend'>;

/**
 * An official map sheet of the regency: areas, boundary lines, kecamatan names, inset, and the source lines
 * (data set, boundaries, date; the synthetic-data warning when it applies) around a theme. `notes` are added
 * to the source lines (e.g. the classification and the filters).
 */
export function officialSheet(ctx: SheetSource, theme: SheetTheme, notes: string[] = []): OfficialMapInput {
  const { t } = ctx;
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
      sourceLine(ctx),
      `${boundaryLine(t, ctx.boundaries.kind)} ${t('mapSheet.insetSource')}`,
      t('mapSheet.printed', { date: todayLabel(ctx.locale) }),
    ],
    insetCaption: t('mapSheet.inset'),
    boundaryLabels: [t('mapSheet.lineRegency'), t('mapSheet.lineDistrict'), t('mapSheet.lineVillage')],
    regencyCode: '17.01',
    north: 'U',
  };
}
