/**
 * The planner legend's words and swatches, from the classified map: class labels with counts, the extra
 * swatches (unclassified, outside the filters, no data, hidden), the title (what the map counts), and the note
 * (method, fewer classes, the period's fixed classes, half-open bounds, hidden villages, the data's source).
 * Pure: the view passes everything in.
 */
import type { TFunction } from 'i18next';
import type { ClassMethod } from '../../core/classify/classify';
import { NO_DATA_COLOR, SUPPRESSED_COLOR } from '../../core/map/palette';
import type { LegendItem } from '../../core/ui/Legend';
import { type Choropleth, fewerClasses } from './choropleth';
import type { MonthBin, PlannerNeed, PlannerUnit } from './data/planner-queries';
import { type MapCounts, mapCounts, monthName } from './period';
import { OUTSIDE_COLOR, RAMPS, type RampName, UNCLASSIFIED_COLOR } from './planner-layers';
import type { PeriodRows } from './use-period-rows';

export interface LegendInput {
  t: TFunction;
  f: { int: (n: number) => string; locale: string };
  need: PlannerNeed;
  unit: PlannerUnit;
  method: ClassMethod;
  ramp: RampName;
  month: string | null;
  /** A change map: now against `baseMonth`. */
  comparing: boolean;
  baseMonth: string | null;
  usesCases: boolean;
  /** Null while the areas' figures load: the legend then keeps a blank row for each class asked for. */
  map: Choropleth | null;
  /** The classes asked for. */
  classes: number;
  /** Areas outside the filters (drawn in their own grey). */
  outsideCount: number;
  /** One set of classes for the whole period (a month shown, no comparison). */
  fixedPeriod: boolean;
  months: readonly MonthBin[] | null;
  periodStatus: PeriodRows['status'];
  /** Villages an aggregate dataset published without figures. */
  publishedHidden: number;
}

export interface PlannerLegend {
  measureLabel: string;
  unitLabel: string;
  title: string;
  items: LegendItem[];
  /** Heatmap / hexagons alone: their ramp from low to high instead of the area classes. */
  densityItems: LegendItem[];
  note: string;
  /** Where the figures come from: need flags, cases, or cases open at a month's end. */
  source: string;
  counts: MapCounts;
  countsArgs: Record<string, string>;
}

export function plannerLegend(input: LegendInput): PlannerLegend {
  const { t, f, map, comparing, month } = input;
  const measureLabel = input.need === 'score' ? t('planner.measure.score') : t(`measure.${input.need}`);
  const unitLabel = t(`planner.unitLong.${input.unit}`);
  const c = map?.classification;
  // While the figures load, a blank row per class asked for: the legend keeps its size when they come (and the
  // map, fitted clear of it, its view).
  const pending: LegendItem[] = map
    ? []
    : Array.from({ length: input.classes }, () => ({ color: '', label: '', pending: true }));
  const items: LegendItem[] = [
    ...pending,
    ...(map?.labels ?? []).map((label, k) => ({
      color: map?.colors[k] as string,
      label: `${label} (${f.int(c?.counts[k] ?? 0)})`,
    })),
    ...(c && c.unclassified > 0
      ? [
          {
            color: UNCLASSIFIED_COLOR,
            label: `${t('planner.legend.unclassified')} (${f.int(c.unclassified)})`,
          },
        ]
      : []),
    ...(input.outsideCount > 0
      ? [{ color: OUTSIDE_COLOR, label: `${t('planner.legend.outside')} (${f.int(input.outsideCount)})` }]
      : []),
    { color: NO_DATA_COLOR, label: c ? `${t('legend.noData')} (${f.int(c.noData)})` : t('legend.noData') },
    ...(map && map.suppressed > 0
      ? [{ color: SUPPRESSED_COLOR, label: `${t('suppression.legend')} (${f.int(map.suppressed)})` }]
      : []),
  ];
  const densityItems: LegendItem[] = RAMPS[input.ramp]
    .slice(2)
    .filter((_, i, all) => i % 2 === 0 || i === all.length - 1)
    .map((color, i, all) => ({
      color,
      label: i === 0 ? t('planner.legend.low') : i === all.length - 1 ? t('planner.legend.high') : '',
    }));
  const source = input.usesCases
    ? month
      ? t('planner.legend.sourceMonth', { month })
      : t('planner.legend.sourceCases')
    : t('planner.legend.sourceFlags');
  // What the map counts, said in its title: need flags, cases under the filters, or cases open at a month's end.
  const counts = mapCounts(month, input.usesCases);
  const countsArgs: Record<string, string> =
    counts.kind === 'month' ? { month: monthName(counts.month, f.locale) } : {};
  const title = comparing
    ? t('planner.compare.legendTitle', { measure: measureLabel, unit: unitLabel })
    : `${t(`mapClasses.counts.${counts.kind}`, countsArgs)}: ${measureLabel} — ${unitLabel}`;
  const fewer = c && fewerClasses(c);
  const months = input.months;
  const periodNote =
    !input.fixedPeriod || !months?.length
      ? null
      : input.method === 'manual' || input.periodStatus === 'ready'
        ? t('mapClasses.period.fixed', {
            from: monthName(months[0]?.month ?? '', f.locale),
            to: monthName(months[months.length - 1]?.month ?? '', f.locale),
          })
        : t(`mapClasses.period.${input.periodStatus}`);
  const note = comparing
    ? `${t('planner.compare.method')} · ${t('planner.legend.halfOpen')} · ${t('planner.compare.versus', { month, base: input.baseMonth })}`
    : [
        t('planner.legend.method', { method: t(`planner.method.${input.method}`) }),
        fewer && t(`mapClasses.fewer.${fewer.reason}`, { count: fewer.count, requested: fewer.requested }),
        periodNote,
        t('planner.legend.halfOpen'),
        input.publishedHidden > 0 && t('planner.legend.publishedHidden', { count: input.publishedHidden }),
        source,
      ]
        .filter(Boolean)
        .join(' · ');
  return { measureLabel, unitLabel, title, items, densityItems, note, source, counts, countsArgs };
}
