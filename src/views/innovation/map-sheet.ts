import type { FeatureCollection } from 'geojson';
import type { TFunction } from 'i18next';
import type { VillageBoundaries } from '../../app/load-boundaries';
import type { VillageStats } from '../../data/queries';
import { NO_DATA_COLOR } from '../../map/palette';
import { type MapTheme, themeFills } from './map-themes';
import type { OfficialMapInput } from './official-map';

export interface SheetContext {
  boundaries: VillageBoundaries;
  villages: VillageStats[];
  province: FeatureCollection | null;
  datasetName: string;
  synthetic: boolean;
  locale: string;
  t: TFunction;
}

/** Today's date in the UI locale, for the source line of maps and reports. */
export const todayLabel = (locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

/** Everything the official map sheet shows for a theme, from the loaded data. */
export function mapSheetInput(theme: MapTheme, ctx: SheetContext): OfficialMapInput {
  const { t } = ctx;
  const fmt = (n: number, d: number) =>
    new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: d, minimumFractionDigits: d }).format(n);
  const fills = themeFills(
    ctx.villages,
    theme,
    { noData: t('legend.noData'), suppressed: t('innovation.privacy.suppressedLegend') },
    fmt,
  );
  const boundarySource =
    ctx.boundaries.kind === 'approximate'
      ? t('innovation.map.boundaryApprox')
      : t('innovation.map.boundaryOfficial', { source: ctx.boundaries.sourceUrl ?? '' });
  return {
    villages: ctx.boundaries.villages,
    districts: ctx.boundaries.districts,
    regency: ctx.boundaries.regency,
    land: ctx.boundaries.land,
    province: ctx.province,
    districtLabels: ctx.boundaries.districtLabels,
    fillByCode: fills.fillByCode,
    noDataColor: NO_DATA_COLOR,
    title: t(`innovation.map.${theme}Title`),
    subtitle: t('innovation.map.subtitle'),
    legendTitle: t(`innovation.map.${theme}Legend`),
    legend: fills.legend,
    footer: [
      t('innovation.map.source', { dataset: ctx.datasetName }) +
        (ctx.synthetic ? ` — ${t('innovation.map.syntheticWarning')}` : ''),
      `${boundarySource} ${t('innovation.map.insetSource')}`,
      t('innovation.map.printed', { date: todayLabel(ctx.locale) }),
    ],
    insetCaption: t('innovation.map.inset'),
    boundaryLabels: [
      t('innovation.map.lineRegency'),
      t('innovation.map.lineDistrict'),
      t('innovation.map.lineVillage'),
    ],
    regencyCode: '17.01',
    north: 'U',
  };
}
