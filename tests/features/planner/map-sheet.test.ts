import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SUPPRESSED_COLOR } from '../../../src/core/map/palette';
import { type AreaStat, NO_FILTERS } from '../../../src/features/planner/data/planner-queries';
import { describeFilters, plannerSheetTheme } from '../../../src/features/planner/map-sheet';

const area = (code: string, households: number): AreaStat => ({
  code,
  name: code,
  district_code: code.slice(0, 8),
  district_name: 'K',
  area_km2: 1,
  households,
  count: 1,
  rate: 1,
  density: 1,
  coverage_pct: 50,
});

const base = {
  classes: [
    { color: '#fee', label: '0 – < 1' },
    { color: '#f00', label: '1 – 2' },
  ],
  extra: [],
  title: 'T',
  legendTitle: 'L',
  labels: { noData: 'no data', suppressed: 'hidden' },
};

describe('plannerSheetTheme', () => {
  it('keeps the screen fills, greys hidden areas and says so in the legend', () => {
    const theme = plannerSheetTheme({
      ...base,
      level: 'village',
      areas: [area('17.01.01.2001', 40), area('17.01.01.2002', 2), area('17.01.01.2003', 0)],
      hidden: new Set(['17.01.01.2002']),
      villageCodes: ['17.01.01.2001', '17.01.01.2002', '17.01.01.2003'],
      fillByCode: new Map([
        ['17.01.01.2001', '#f00'],
        ['17.01.01.2002', '#fee'],
      ]),
    });
    expect([...theme.fillByCode]).toEqual([
      ['17.01.01.2001', '#f00'],
      ['17.01.01.2002', SUPPRESSED_COLOR],
      ['17.01.01.2003', NO_DATA_COLOR],
    ]);
    expect(theme.legend.map((l) => l.label)).toEqual(['0 – < 1', '1 – 2', 'no data', 'hidden']);
  });

  it('at kecamatan level fills every village with its kecamatan; no "hidden" entry without small groups', () => {
    const theme = plannerSheetTheme({
      ...base,
      level: 'district',
      areas: [area('17.01.01', 500), area('17.01.02', 300)],
      hidden: new Set<string>(),
      villageCodes: ['17.01.01.2001', '17.01.02.2001', '17.01.02.2002'],
      fillByCode: new Map([
        ['17.01.01', '#fee'],
        ['17.01.02', '#f00'],
      ]),
    });
    expect([...theme.fillByCode.values()]).toEqual(['#fee', '#f00', '#f00']);
    expect(theme.legend.map((l) => l.label)).not.toContain('hidden');
  });
});

describe('describeFilters', () => {
  // Echoes the key and its values, so the test reads what was asked for.
  const t = ((key: string, values?: Record<string, string>) =>
    values ? `${key}(${Object.values(values).join('|')})` : key) as unknown as TFunction;

  it('says "no filters" when none is set', () => {
    expect(describeFilters(NO_FILTERS, { district: null, village: null }, t)).toBe(
      'planner.export.noFilters',
    );
  });

  it('lists every filter in force', () => {
    const text = describeFilters(
      {
        ...NO_FILTERS,
        district: '17.01.04',
        decileMin: 1,
        decileMax: 3,
        agent: 'none',
        status: 'selesai',
        from: '2025-01-01',
      },
      { district: 'Manna', village: null },
      t,
    );
    expect(text).toBe(
      // The name from the data is isolated (FSI … PDI) so it cannot reorder the rest of the line.
      'planner.export.filters(planner.filters.district \u2068Manna\u2069 · planner.filters.decile 1–3 · ' +
        'planner.filters.agent: planner.agent.none · planner.filters.status: planner.status.selesai · ' +
        'planner.filters.from 2025-01-01)',
    );
  });

  it('names the channel by its shown name (its key when none is given), and the cases without one', () => {
    const trc = { ...NO_FILTERS, channel: 'trc' };
    expect(
      describeFilters(trc, { district: null, village: null, channel: 'Tim Reaksi Cepat (TRC)' }, t),
    ).toBe('planner.export.filters(planner.channel.short: \u2068Tim Reaksi Cepat (TRC)\u2069)');
    expect(describeFilters(trc, { district: null, village: null }, t)).toBe(
      'planner.export.filters(planner.channel.short: \u2068trc\u2069)',
    );
    expect(describeFilters({ ...NO_FILTERS, channel: '' }, { district: null, village: null }, t)).toBe(
      'planner.export.filters(planner.channel.short: planner.channel.none)',
    );
  });
});
