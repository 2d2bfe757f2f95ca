import type { OfficialMapInput } from '../../core/map/official-map';
import { officialSheet, type SheetSource } from '../../core/map/sheet-frame';
import type { VillageStats } from '../../core/sql/queries';
import { formatsFor } from '../../core/ui/formats';
import { type MapTheme, themeFills } from './map-themes';

export interface SheetContext extends SheetSource {
  villages: VillageStats[];
}

/** Everything the official map sheet shows for a theme, from the loaded data. */
export function mapSheetInput(theme: MapTheme, ctx: SheetContext): OfficialMapInput {
  const { t } = ctx;
  const fills = themeFills(
    ctx.villages,
    theme,
    { noData: t('legend.noData'), suppressed: t('mapSheet.suppressedLegend') },
    formatsFor(ctx.locale).fixed,
  );
  return officialSheet(ctx, {
    fillByCode: fills.fillByCode,
    title: t(`innovation.map.${theme}Title`),
    legendTitle: t(`innovation.map.${theme}Legend`),
    legend: fills.legend,
  });
}
