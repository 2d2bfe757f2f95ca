import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState } from '../../../src/app/url-state';
import { CLASS_METHODS } from '../../../src/core/classify/classify';
import { channelKey } from '../../../src/core/dataset/app-config';
import { NEED_CODES } from '../../../src/core/domain/schema';
import { VIEW_BOUNDS } from '../../../src/core/map/view-bounds';
import {
  type DataDescription,
  monthRange,
  validatePlannerState,
} from '../../../src/features/planner/settings-check';
import {
  COMPARE_MONTHS,
  type PlannerUrlState,
  parsePlannerState,
  writePlannerState,
} from '../../../src/features/planner/url-state';

// Any query string — hostile, stale or from another dataset — must give settings the screen can show, and a
// link the app wrote must read back as the same settings without a notice.

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Channel keys a dataset may offer ('' = cases without a channel). */
const CHANNEL_KEYS = ['jsps', 'spada', 'trc', 'bujang dusun', 'era gro', 'dinsos', ''];

/**
 * A dataset: 0–36 months of cases from a random start, 1–11 kecamatan with 1–15 villages each, and (with
 * cases) some channels.
 */
const dataArb: fc.Arbitrary<DataDescription> = fc
  .record({
    start: fc.integer({ min: 2019 * 12, max: 2030 * 12 }),
    length: fc.integer({ min: 0, max: 36 }),
    districts: fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 11 }),
    perDistrict: fc.integer({ min: 1, max: 15 }),
    channels: fc.subarray(CHANNEL_KEYS),
  })
  .map(({ start, length, districts, perDistrict, channels }) => {
    const first = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`;
    const codes = districts.map((d) => `17.01.${String(d).padStart(2, '0')}`);
    return {
      months: length === 0 ? [] : monthRange(first, addMonths(first, length - 1)),
      districts: codes,
      villages: codes.flatMap((d) => Array.from({ length: perDistrict }, (_, i) => `${d}.${2000 + i + 1}`)),
      channels: length === 0 ? [] : channels,
    };
  });

const KEYS = [
  'section',
  'need',
  'jarak_m',
  'skor',
  'bobot',
  'satuan',
  'metode',
  'kelas',
  'batas',
  'warna',
  'tingkat',
  'lapisan',
  'opasitas',
  'kec',
  'desa',
  'desil',
  'agen',
  'status',
  'dari',
  'sampai',
  'kanal',
  'bulan',
  'banding',
  'peta',
  'pilih',
  'tab',
];
/** Values that are near-valid as well as garbage: codes, months, numbers, lists. */
const valueArb = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '3',
    '9',
    '42',
    'NaN',
    'Infinity',
    '1e400',
    'manual',
    'kecamatan',
    'any',
    '12',
    'trc',
    'TRC ',
    'Bujang  Dusun',
    'tidakada',
  ),
  fc.integer({ min: -20_000, max: 20_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc
    .tuple(fc.integer({ min: 2018, max: 2032 }), fc.integer({ min: 0, max: 13 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1990, max: 2030 }))
    .map(([d, v]) => `17.01.${String(d).padStart(2, '0')}.${v}`),
  fc.integer({ min: 0, max: 12 }).map((d) => `17.01.${String(d).padStart(2, '0')}`),
  fc.array(fc.double(), { maxLength: 8 }).map((a) => a.join(',')),
  fc.array(fc.double(), { maxLength: 8 }).map((a) => a.join('_')),
  fc.tuple(fc.integer({ min: -5, max: 15 }), fc.integer({ min: -5, max: 15 })).map(([a, b]) => `${a}-${b}`),
  fc.tuple(fc.double(), fc.double(), fc.double()).map((t) => t.join(',')),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const queryArb = fc.oneof(
  fc.string(),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), valueArb), { maxLength: 12 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
);

/** What each parameter means when the writer leaves it out. */
const WRITTEN_DEFAULTS: Record<string, string> = {
  bobot: '3,3,2,1,2,1',
  satuan: 'rate',
  metode: 'quantile',
  kelas: '5',
  warna: 'YlOrRd',
  lapisan: 'choropleth,points',
  opasitas: '85',
  desil: '1-10',
  agen: 'all',
  status: 'all',
  banding: '0',
  tab: 'table',
};

/** Every value inside its domain, checked here independently of the parser. */
function expectValid(s: PlannerUrlState, data: DataDescription): void {
  const inRange = (n: number, lo: number, hi: number) => Number.isFinite(n) && n >= lo && n <= hi;
  expect(CLASS_METHODS).toContain(s.method);
  expect(Number.isInteger(s.classes) && s.classes >= 3 && s.classes <= 9).toBe(true);
  expect(s.breaks.every(Number.isFinite)).toBe(true);
  expect(s.breaks.every((b, i) => i === 0 || b > (s.breaks[i - 1] as number))).toBe(true);
  expect(inRange(s.opacity, 0.1, 1)).toBe(true);
  for (const c of NEED_CODES) expect(inRange(s.weights[c], 0, 5)).toBe(true);
  expect(NEED_CODES.some((c) => s.weights[c] > 0)).toBe(true);
  const f = s.filters;
  expect(Number.isInteger(f.decileMin) && Number.isInteger(f.decileMax)).toBe(true);
  expect(1 <= f.decileMin && f.decileMin <= f.decileMax && f.decileMax <= 10).toBe(true);
  if (f.district !== null) expect(data.districts).toContain(f.district);
  if (f.village !== null) expect(data.villages).toContain(f.village);
  if (f.village !== null && f.district !== null) expect(f.village.startsWith(`${f.district}.`)).toBe(true);
  if (s.selected !== null) expect(data.villages).toContain(s.selected);
  for (const d of [f.from, f.to]) if (d !== null) expect(isDate(d)).toBe(true);
  if (f.from !== null && f.to !== null) expect(f.from <= f.to).toBe(true);
  if (f.channel !== null) expect(data.channels).toContain(f.channel);
  if (s.month !== null) expect(data.months).toContain(s.month);
  expect(COMPARE_MONTHS).toContain(s.compare);
  if (s.compare > 0) {
    expect(s.month).not.toBeNull();
    expect(addMonths(s.month as string, -s.compare) >= (data.months[0] as string)).toBe(true);
  }
  if (s.view) {
    expect(inRange(s.view.lon, VIEW_BOUNDS.west, VIEW_BOUNDS.east)).toBe(true);
    expect(inRange(s.view.lat, VIEW_BOUNDS.south, VIEW_BOUNDS.north)).toBe(true);
    expect(inRange(s.view.zoom, 5, 17)).toBe(true);
  }
}

/** Parse and check against the data, as the planner does. */
const settle = (search: string, data: DataDescription) => {
  const parsed = parsePlannerState(search);
  const checked = validatePlannerState(parsed.state, data);
  return { state: checked.state, notices: [...parsed.notices, ...checked.notices] };
};

describe('settings from any link', () => {
  it('any query string gives valid settings for the data, without throwing', () => {
    fc.assert(
      fc.property(queryArb, dataArb, (search, data) => {
        expectValid(settle(search, data).state, data);
        const app = parseUrlState(search).state;
        expect(['planner', 'supervisor', 'innovation']).toContain(app.section);
        expect(['any', ...NEED_CODES]).toContain(app.measure);
        expect(Number.isInteger(app.thresholdM) && app.thresholdM >= 250 && app.thresholdM <= 10_000).toBe(
          true,
        );
      }),
      { numRuns: 800 },
    );
  });

  it('a replaced value always comes with a notice; a link without parameters has none', () => {
    fc.assert(
      fc.property(queryArb, dataArb, (search, data) => {
        const { state, notices } = settle(search, data);
        const rewritten = new URLSearchParams(writePlannerState('', state));
        const original = new URLSearchParams(search);
        // Each parameter the link had that the settings do not reproduce must have been named. (Values the
        // writer leaves out are the defaults; layers are a set; the map view is rewritten rounded.)
        // A channel is read as its key (`TRC ` is trc); left out it is all channels, not the empty key.
        const same = (k: string, a: string, b: string | null) =>
          k === 'lapisan'
            ? a.split(',').sort().join() === (b ?? '').split(',').sort().join()
            : k === 'kanal'
              ? channelKey(a) === b
              : a === b;
        const lost = KEYS.filter((k) => {
          const given = original.get(k);
          if (given === null || ['section', 'need', 'jarak_m', 'peta'].includes(k)) return false;
          return !same(k, given, rewritten.get(k) ?? WRITTEN_DEFAULTS[k] ?? (k === 'kanal' ? null : ''));
        });
        if (lost.length > 0) expect(notices.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    expect(settle('', { months: [], districts: [], villages: [], channels: [] }).notices).toEqual([]);
  });

  it('serialise ∘ parse is stable: a link the app wrote reads back as the same settings, with no notice', () => {
    fc.assert(
      fc.property(queryArb, dataArb, (search, data) => {
        const { state } = settle(search, data);
        const again = settle(writePlannerState('?lang=en', state), data);
        expect(again.notices).toEqual([]);
        expect(writePlannerState('', again.state)).toBe(writePlannerState('', state));
        const app = parseUrlState(search).state;
        const appAgain = parseUrlState(writeUrlState('', app));
        expect(appAgain).toEqual({ state: app, notices: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('checking twice changes nothing more (valid settings pass untouched)', () => {
    fc.assert(
      fc.property(queryArb, dataArb, (search, data) => {
        const { state } = settle(search, data);
        expect(validatePlannerState(state, data)).toEqual({ state, notices: [] });
      }),
      { numRuns: 500 },
    );
  });
});

describe('stale settings after the data changed (issue 11.9)', () => {
  const noCases: DataDescription = {
    months: [],
    districts: ['17.01.04'],
    villages: ['17.01.04.2019', '17.01.04.2020'],
    channels: [],
  };
  const sixMonths: DataDescription = {
    ...noCases,
    months: monthRange('2025-01', '2025-06'),
    channels: ['jsps', 'trc', 'bujang dusun'],
  };

  it('a 12-month change map on data without cases falls back to all time with notices, not an empty map', () => {
    const { state, notices } = settle('?bulan=2025-06&banding=12', noCases);
    expect(state.month).toBeNull();
    expect(state.compare).toBe(0);
    expect(notices.map((n) => n.key)).toEqual(['monthNoData']);
    expect(notices[0]?.params.value).toBe('2025-06');
  });

  it('a month after the data shows the last month; a comparison reaching before the data shrinks or stops', () => {
    const late = settle('?bulan=2031-05', sixMonths);
    expect(late.state.month).toBe('2025-06');
    expect(late.notices).toEqual([{ key: 'month', params: { value: '2031-05', fallback: '2025-06' } }]);
    const shrink = settle('?bulan=2025-06&banding=12', sixMonths);
    expect(shrink.state.compare).toBe(3);
    expect(shrink.notices[0]).toMatchObject({ key: 'compare', params: { value: 12, fallback: 3 } });
    const off = settle('?bulan=2025-01&banding=1', sixMonths);
    expect(off.state.compare).toBe(0);
    expect(off.notices[0]?.key).toBe('compareOff');
  });

  it('kecamatan and villages that are not in the data are dropped with a notice naming them', () => {
    const { state, notices } = settle(
      '?kec=17.01.09&desa=17.01.09.2001&pilih=17.01.04.9999&tab=profile',
      noCases,
    );
    expect(state.filters.district).toBeNull();
    expect(state.filters.village).toBeNull();
    expect(state.selected).toBeNull();
    expect(state.tab).toBe('table');
    expect(notices.map((n) => [n.key, n.params.value])).toEqual([
      ['district', '17.01.09'],
      ['village', '17.01.09.2001'],
      ['selected', '17.01.04.9999'],
    ]);
  });

  it('a channel the data does not offer falls back to all channels with a notice naming it', () => {
    const { state, notices } = settle('?kanal=tidakada&status=selesai', sixMonths);
    expect(state.filters.channel).toBeNull();
    expect(state.filters.status).toBe('selesai');
    expect(notices).toEqual([{ key: 'other', params: { name: 'kanal', value: 'tidakada' } }]);
    // A known channel in any spelling stays, without a notice.
    expect(settle('?kanal=Bujang%20%20DUSUN', sixMonths)).toMatchObject({
      state: { filters: { channel: 'bujang dusun' } },
      notices: [],
    });
    // "No channel" only where some cases carry none; no channel at all in data without cases.
    expect(settle('?kanal=', sixMonths).state.filters.channel).toBeNull();
    expect(settle('?kanal=', { ...sixMonths, channels: ['trc', ''] })).toMatchObject({
      state: { filters: { channel: '' } },
      notices: [],
    });
    expect(settle('?kanal=trc', noCases).notices.map((n) => n.key)).toEqual(['other']);
  });

  it('out-of-range numbers are named with the value used instead', () => {
    expect(parseUrlState('?jarak_m=99999').notices).toEqual([
      { key: 'distance', params: { name: 'jarak_m', value: '99999', fallback: 10_000 } },
    ]);
    expect(parsePlannerState('?kelas=42').notices).toEqual([
      { key: 'classes', params: { name: 'kelas', value: '42', fallback: 9 } },
    ]);
    expect(parsePlannerState('?batas=a_b').notices[0]?.key).toBe('breaks');
    expect(parsePlannerState('?dari=2025-02-31').notices[0]?.key).toBe('dates');
    expect(parsePlannerState('?peta=150,10,9').notices[0]?.key).toBe('view');
  });
});
