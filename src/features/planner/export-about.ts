/** What a planner export contains, in words (pure): its title, the map's measure, classification and filters. */
import type { TFunction } from 'i18next';
import type { ExportAbout } from '../../core/export/table-export';
import type { PlaceName } from '../../core/sql/places';
import { channelLabel, NO_CHANNEL, type PlannerFilters } from './data/planner-queries';
import { describeFilters } from './map-sheet';
import type { PlannerLegend } from './planner-legend';

/**
 * Names of the kecamatan, village and channel the filters hold (null when none, or unknown): the channel's as the
 * channel filter lists it (channels.ts).
 */
export function filterPlaceNames(filters: PlannerFilters, places: readonly PlaceName[]) {
  const channel = filters.channel;
  return {
    district: places.find((p) => p.district_code === filters.district)?.district_name ?? null,
    village: places.find((p) => p.village_code === filters.village)?.village_name ?? null,
    channel: channel === null || channel === NO_CHANNEL ? null : channelLabel(channel),
  };
}

/** "Rumah tidak layak huni per desa/kelurahan" (or the change since a month), for a title. */
export function plannerTitle(
  level: 'village' | 'district',
  legend: Pick<PlannerLegend, 'measureLabel'>,
  comparing: boolean,
  t: TFunction,
): string {
  const measure = comparing
    ? t('planner.compare.measure', { measure: legend.measureLabel })
    : legend.measureLabel;
  return t(level === 'village' ? 'planner.export.titleVillage' : 'planner.export.titleDistrict', { measure });
}

/** The table export's first lines: what it shows, the map's unit, classification and source, and the filters. */
export function plannerExportAbout(
  input: {
    level: 'village' | 'district';
    legend: Pick<PlannerLegend, 'measureLabel' | 'title' | 'note'>;
    comparing: boolean;
    filters: PlannerFilters;
    places: readonly PlaceName[];
  },
  t: TFunction,
): { contents: string; settings: ExportAbout } {
  return {
    contents: plannerTitle(input.level, input.legend, input.comparing, t),
    settings: [
      [t('exportAbout.measure'), input.legend.title],
      [t('exportAbout.classification'), input.legend.note],
      [
        t('exportAbout.filters'),
        describeFilters(input.filters, filterPlaceNames(input.filters, input.places), t),
      ],
    ],
  };
}
