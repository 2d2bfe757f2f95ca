import type { ChannelConfig } from '../../core/dataset/app-config';
import { perDataset } from '../../core/sql/per-dataset';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import type { Parsed, SettingNotice } from '../../core/url/parsed';
import { shiftMonth } from './choropleth';
import { MONTH_RANGE_SQL, plannerChannels } from './data/planner-queries';
import { COMPARE_MONTHS, type PlannerUrlState } from './url-state';

/** What the loaded data holds that settings can refer to. */
export interface DataDescription {
  /** Every month from the first to the last case (`YYYY-MM`, ascending); empty without cases. */
  months: readonly string[];
  /** Kecamatan codes of the gazetteer. */
  districts: readonly string[];
  /** Village codes of the gazetteer. */
  villages: readonly string[];
  /**
   * Channel keys the channel filter offers (channels.ts: configured, found in the cases, NO_CHANNEL when some
   * cases carry none); empty without cases (then no channel can be chosen).
   */
  channels: readonly string[];
}

/** Every month from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 1200; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** The months, kecamatan, villages and channels of the loaded dataset (its planner tables prepared). */
export async function describeData(
  client: SqlClient,
  configured: readonly ChannelConfig[] = [],
): Promise<DataDescription> {
  const [range] = await perDataset(client, 'month-range', () =>
    queryRows<{ first: string | null; last: string | null }>(client, MONTH_RANGE_SQL),
  );
  const places = await perDataset(client, 'village-districts', () =>
    queryRows<{ village_code: string; district_code: string }>(
      client,
      'SELECT village_code, district_code FROM villages',
    ),
  );
  const channels = await plannerChannels(client, configured);
  return {
    months: range?.first && range.last ? monthRange(range.first, range.last) : [],
    districts: [...new Set(places.map((p) => p.district_code))],
    villages: places.map((p) => p.village_code),
    channels: channels.anyCases ? channels.options.map((o) => o.key) : [],
  };
}

/** The month in `months` nearest to `month` (the last one before it, else the first). */
function nearestMonth(month: string, months: readonly string[]): string | null {
  let best: string | null = null;
  for (const m of months) if (m <= month) best = m;
  return best ?? months[0] ?? null;
}

/**
 * Planner settings checked against the data: a month that is not in it, a comparison reaching before the first
 * month, a kecamatan/village that does not exist or a channel neither configured nor in the cases falls back
 * (to the nearest month, the longest comparison that fits, or "all") with a notice naming it. Valid settings come back unchanged and without notices.
 */
export function validatePlannerState(state: PlannerUrlState, data: DataDescription): Parsed<PlannerUrlState> {
  const notices: SettingNotice[] = [];
  const next: PlannerUrlState = { ...state, filters: { ...state.filters } };
  const months = data.months;
  const first = months[0];

  if (next.month !== null && !months.includes(next.month)) {
    const fallback = nearestMonth(next.month, months);
    notices.push(
      fallback
        ? { key: 'month', params: { value: next.month, fallback } }
        : { key: 'monthNoData', params: { value: next.month } },
    );
    next.month = fallback;
  }
  if (next.compare > 0) {
    const month = next.month;
    if (month === null || first === undefined) {
      next.compare = 0;
    } else if (shiftMonth(month, -next.compare) < first) {
      const fits = COMPARE_MONTHS.filter((c) => c > 0 && shiftMonth(month, -c) >= first);
      const fallback = fits[fits.length - 1] ?? 0;
      notices.push(
        fallback > 0
          ? { key: 'compare', params: { value: next.compare, first, fallback } }
          : { key: 'compareOff', params: { value: next.compare, first } },
      );
      next.compare = fallback;
    }
  }

  const villages = new Set(data.villages);
  const f = next.filters;
  if (f.district !== null && !data.districts.includes(f.district)) {
    notices.push({ key: 'district', params: { value: f.district } });
    f.district = null;
  }
  // A village outside the chosen kecamatan would leave the map empty: it goes too.
  if (
    f.village !== null &&
    (!villages.has(f.village) || (f.district && !f.village.startsWith(`${f.district}.`)))
  ) {
    notices.push({ key: 'village', params: { value: f.village } });
    f.village = null;
  }
  // An unknown channel (or any, in data without cases) would leave the map empty: all channels instead. The
  // notice is the link's general "unknown setting" one, naming the parameter.
  if (f.channel !== null && !data.channels.includes(f.channel)) {
    notices.push({ key: 'other', params: { name: 'kanal', value: f.channel } });
    f.channel = null;
  }
  if (next.selected !== null && !villages.has(next.selected)) {
    notices.push({ key: 'selected', params: { value: next.selected } });
    next.selected = null;
    if (next.tab === 'profile') next.tab = 'table';
  }
  return { state: notices.length ? next : state, notices };
}
