/** The planner's map as an official sheet (pure): the classes on screen, small groups suppressed. */

import type { TFunction } from 'i18next';
import { NO_DATA_COLOR, SUPPRESSED_COLOR } from '../../core/map/palette';
import type { SheetTheme } from '../../core/map/sheet-frame';
import { isolate } from '../../core/ui/bidi';
import { type AreaStat, NO_CHANNEL, type PlannerFilters } from './data/planner-queries';

export interface PlannerSheetInput {
  /** Rows of the level on the map. */
  areas: readonly AreaStat[];
  /** Codes of the areas hidden by small-group suppression (small groups and their complements). */
  hidden: ReadonlySet<string>;
  level: 'village' | 'district';
  /** Every village code of the boundaries (a kecamatan's villages take its fill). */
  villageCodes: readonly string[];
  /** The map's fills by area code (classes, "unclassified", outside the filter). */
  fillByCode: ReadonlyMap<string, string>;
  /** The classes of the legend, in order. */
  classes: { color: string; label: string }[];
  /** Further legend entries that appear on the map (unclassified, outside the filter). */
  extra: { color: string; label: string }[];
  title: string;
  legendTitle: string;
  labels: { noData: string; suppressed: string };
}

/** Kecamatan of a village: Kemendagri codes nest (17.01.04.2019 lies in 17.01.04). */
const districtOf = (villageCode: string) => villageCode.split('.').slice(0, 3).join('.');

/**
 * Village fills for the sheet: the screen's fills, except that a hidden area (1–2 households under the
 * filters, or hidden with one so it cannot be worked out) is grey without a class, so no printed colour
 * points at one family. At kecamatan level each village takes its kecamatan's fill.
 */
export function plannerSheetTheme(input: PlannerSheetInput): SheetTheme {
  const suppressed = new Set(
    input.areas.filter((a) => a.households > 0 && input.hidden.has(a.code)).map((a) => a.code),
  );
  const fillOfArea = (code: string) =>
    suppressed.has(code) ? SUPPRESSED_COLOR : (input.fillByCode.get(code) ?? NO_DATA_COLOR);
  const fillByCode = new Map<string, string>();
  for (const code of input.villageCodes)
    fillByCode.set(code, fillOfArea(input.level === 'village' ? code : districtOf(code)));
  return {
    fillByCode,
    title: input.title,
    legendTitle: input.legendTitle,
    legend: [
      ...input.classes,
      ...input.extra,
      { color: NO_DATA_COLOR, label: input.labels.noData },
      ...(suppressed.size > 0 ? [{ color: SUPPRESSED_COLOR, label: input.labels.suppressed }] : []),
    ],
  };
}

/**
 * The filters in force, in words, for the sheet's notes ("Filter: Kecamatan Manna · Desil 1–3 · Kanal: TRC · …").
 * The month is not among them: the legend's note names it as the data source. `names.channel` is the channel's
 * shown name (its key when not given).
 */
export function describeFilters(
  filters: PlannerFilters,
  names: { district: string | null; village: string | null; channel?: string | null },
  t: TFunction,
): string {
  const parts: string[] = [];
  if (names.district) parts.push(`${t('planner.filters.district')} ${isolate(names.district)}`);
  if (names.village) parts.push(isolate(names.village));
  if (filters.decileMin > 1 || filters.decileMax < 10)
    parts.push(`${t('planner.filters.decile')} ${filters.decileMin}–${filters.decileMax}`);
  if (filters.agent !== 'all')
    parts.push(`${t('planner.filters.agent')}: ${t(`planner.agent.${filters.agent}`)}`);
  if (filters.status !== 'all')
    parts.push(`${t('planner.filters.status')}: ${t(`planner.status.${filters.status}`)}`);
  if (filters.channel !== null && filters.channel !== undefined) {
    const channel =
      filters.channel === NO_CHANNEL ? t('planner.channel.none') : isolate(names.channel ?? filters.channel);
    parts.push(`${t('planner.channel.short')}: ${channel}`);
  }
  if (filters.from) parts.push(`${t('planner.filters.from')} ${filters.from}`);
  if (filters.to) parts.push(`${t('planner.filters.to')} ${filters.to}`);
  return parts.length
    ? t('planner.export.filters', { list: parts.join(' · ') })
    : t('planner.export.noFilters');
}
