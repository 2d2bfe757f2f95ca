import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '../../../src/core/map/palette';
import { choropleth } from '../../../src/features/planner/choropleth';
import type { AreaStat } from '../../../src/features/planner/data/planner-queries';
import { type LegendInput, plannerLegend } from '../../../src/features/planner/planner-legend';

// The key and its values, so that what the legend says can be read back.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const f = { int: (n: number) => String(n), locale: 'id-ID' };

const input = (over: Partial<LegendInput>): LegendInput => ({
  t,
  f,
  need: 'kesehatan',
  unit: 'count',
  method: 'quantile',
  ramp: 'YlOrRd',
  month: null,
  comparing: false,
  baseMonth: null,
  usesCases: false,
  map: null,
  classes: 5,
  outsideCount: 0,
  fixedPeriod: false,
  months: null,
  periodStatus: 'ready',
  publishedHidden: 0,
  ...over,
});

const area = (i: number, count: number | null): AreaStat => ({
  code: `17.01.01.${2000 + i}`,
  name: `Desa ${i}`,
  district_code: '17.01.01',
  district_name: 'K',
  area_km2: 1,
  households: count === null ? 0 : 100,
  count: count ?? 0,
  rate: count,
  density: count,
  coverage_pct: 50,
});

describe('plannerLegend while the figures load', () => {
  it('keeps a blank row for each class asked for, and says no number yet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), (classes) => {
        const { items } = plannerLegend(input({ map: null, classes }));
        expect(items.filter((item) => item.pending)).toHaveLength(classes);
        // Pending rows come first, where the classes will be, and carry no words.
        expect(items.slice(0, classes).every((item) => item.pending && item.label === '')).toBe(true);
        const noData = items.find((item) => item.color === NO_DATA_COLOR);
        expect(noData?.label).toBe('legend.noData');
      }),
    );
  });

  it('has no blank row once the areas are classified, and counts every area shown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 7 }),
        (counts, classes) => {
          const rows = counts.map((c, i) => area(i, c));
          const map = choropleth(rows, 'count', 'quantile', classes, [], 'YlOrRd', (n, d) => n.toFixed(d));
          const { items } = plannerLegend(input({ map, classes }));
          expect(items.some((item) => item.pending)).toBe(false);
          const c = map.classification;
          const shown = c.counts.reduce((a, b) => a + b, 0) + c.unclassified + c.noData;
          expect(shown).toBe(rows.length);
          expect(items.find((item) => item.color === NO_DATA_COLOR)?.label).toBe(
            `legend.noData (${c.noData})`,
          );
        },
      ),
    );
  });
});
