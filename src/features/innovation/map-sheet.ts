import type { OfficialMapInput } from '../../core/map/official-map';
import { officialSheet, type SheetSource } from '../../core/map/sheet-frame';
import type { VillageStats } from '../../core/sql/queries';
import { type MapTheme, themeFills } from './map-themes';

export interface SheetContext extends SheetSource {
  villages: VillageStats[];
}

/** Everything the official map sheet shows for a theme, from the loaded data. */
export function mapSheetInput(theme: MapTheme, ctx: SheetContext): OfficialMapInput {
  const { t } = ctx;
  const fmt = (n: number, d: number) =>
    new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: d, minimumFractionDigits: d }).format(n);
  const fills = themeFills(
    ctx.villages,
    theme,
    { noData: t('legend.noData'), suppressed: t('mapSheet.suppressedLegend') },
    fmt,
  );
  return officialSheet(ctx, {
    fillByCode: fills.fillByCode,
    title: t(`innovation.map.${theme}Title`),
    legendTitle: t(`innovation.map.${theme}Legend`),
    legend: fills.legend,
  });
}
