import { classIntervals, classOf, intervalLabels } from '../../core/classify/classify';
import {
  COVERAGE_BREAKS,
  COVERAGE_RAMP,
  NEED_RAMP,
  NO_DATA_COLOR,
  SUPPRESSED_COLOR,
} from '../../core/map/palette';
import { isShowable } from '../../core/privacy/small-groups';
import type { VillageStats } from '../../core/sql/queries';
import type { LegendItem } from '../../core/ui/Legend';

export const MAP_THEMES = ['coverage', 'hotspots'] as const;
export type MapTheme = (typeof MAP_THEMES)[number];

const COVERAGE_INTERVALS = COVERAGE_BREAKS.slice(0, -1).map((from, i) => ({
  from,
  to: COVERAGE_BREAKS[i + 1] as number,
}));

export interface ThemeFills {
  fillByCode: Map<string, string>;
  legend: LegendItem[];
  suppressed: number;
}

/** A village whose figures are not shown: 1–2 households, or published without figures. */
export const isHiddenVillage = (s: VillageStats): boolean => s.hidden === true || !isShowable(s.households);

/**
 * Village fills of a theme with its legend: coverage % in the supervisors' fixed classes, or
 * need hotspots (households with any need per 100) in quantile classes. Villages with 1–2
 * households, and those an aggregate dataset published without figures, are suppressed (one grey, no class).
 */
export function themeFills(
  stats: readonly VillageStats[],
  theme: MapTheme,
  labels: { noData: string; suppressed: string },
  format: (n: number, decimals: number) => string,
): ThemeFills {
  const shown = stats.filter((s) => s.households > 0 && !isHiddenVillage(s));
  const fillByCode = new Map<string, string>();
  let suppressed = 0;
  for (const s of stats) {
    if (isHiddenVillage(s)) {
      fillByCode.set(s.village_code, SUPPRESSED_COLOR);
      suppressed++;
    }
  }
  let legend: LegendItem[];
  if (theme === 'coverage') {
    for (const s of shown) {
      const k = classOf(s.coverage_pct, COVERAGE_INTERVALS);
      if (k >= 0) fillByCode.set(s.village_code, COVERAGE_RAMP[k] as string);
    }
    legend = COVERAGE_INTERVALS.map((iv, k) => ({
      color: COVERAGE_RAMP[k] as string,
      label: k === COVERAGE_INTERVALS.length - 1 ? `${iv.from} – ${iv.to} %` : `${iv.from} – < ${iv.to} %`,
    }));
  } else {
    const intervals = classIntervals(
      shown.map((s) => s.need_rate),
      'quantile',
      NEED_RAMP.length,
    );
    const color = (k: number) =>
      NEED_RAMP[Math.round((k * (NEED_RAMP.length - 1)) / Math.max(1, intervals.length - 1))] as string;
    for (const s of shown) {
      const k = classOf(s.need_rate, intervals);
      if (k >= 0) fillByCode.set(s.village_code, color(k));
    }
    legend = intervalLabels(intervals, format).map((label, k) => ({ color: color(k), label }));
  }
  legend.push({ color: NO_DATA_COLOR, label: labels.noData });
  if (suppressed > 0) legend.push({ color: SUPPRESSED_COLOR, label: labels.suppressed });
  return { fillByCode, legend, suppressed };
}
