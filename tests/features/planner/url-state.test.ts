import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../../src/app/url-state';
import { NEED_CODES, type NeedCode } from '../../../src/core/domain/needs';
import { DEFAULT_WEIGHTS, NO_CHANNEL } from '../../../src/features/planner/data/planner-queries';
import {
  DEFAULT_PLANNER_STATE,
  formatWeights,
  type PlannerUrlState,
  parsePlannerState,
  parseWeights,
  readPlannerState,
  writePlannerState,
} from '../../../src/features/planner/url-state';

describe('planner url state', () => {
  it('defaults when the URL says nothing, and writes nothing for defaults', () => {
    expect(readPlannerState('')).toEqual(DEFAULT_PLANNER_STATE);
    expect(writePlannerState('?section=planner&need=any', DEFAULT_PLANNER_STATE)).toBe(
      '?section=planner&need=any',
    );
  });

  it('round-trips every setting and keeps other parameters', () => {
    const state: PlannerUrlState = {
      score: true,
      weights: { kesehatan: 5, bencana: 0, rtlh: 2, adminduk: 1, putus_sekolah: 2, lingkungan: 1 },
      unit: 'density',
      method: 'manual',
      classes: 7,
      breaks: [0, 2.5, 10],
      ramp: 'viridis',
      level: 'district',
      layers: { choropleth: true, heatmap: true, hexagon: false, points: false },
      opacity: 0.6,
      filters: {
        district: '17.01.04',
        village: '17.01.04.2019',
        decileMin: 1,
        decileMax: 3,
        agent: 'pppk',
        status: 'selesai',
        from: '2025-01-01',
        to: '2025-06-30',
        channel: 'bujang dusun',
      },
      month: '2025-06',
      compare: 3,
      view: { lon: 102.95, lat: -4.4, zoom: 11.5 },
      selected: '17.01.04.2019',
      tab: 'profile',
    };
    const search = writePlannerState('?lang=en&section=planner', state);
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(new URLSearchParams(search).get('kanal')).toBe('bujang dusun');
    expect(readPlannerState(search)).toEqual(state);
    expect(readUrlState(search).section).toBe('planner');
  });

  it('ignores malformed values instead of breaking the screen', () => {
    const s = readPlannerState(
      "?metode=evil&kelas=42&kec=1';drop&desil=x&agen=root&status=x&dari=kemarin&bulan=2025-13&banding=7&peta=a,b,c&pilih=1&tab=x&opasitas=abc&bobot=1,2",
    );
    expect(s.method).toBe('quantile');
    expect(s.classes).toBe(9);
    expect(s.filters).toEqual(DEFAULT_PLANNER_STATE.filters);
    expect(s.month).toBeNull();
    expect(s.compare).toBe(0);
    expect(s.view).toBeNull();
    expect(s.selected).toBeNull();
    expect(s.tab).toBe('table');
    expect(s.opacity).toBe(DEFAULT_PLANNER_STATE.opacity);
    expect(s.weights).toEqual(DEFAULT_PLANNER_STATE.weights);
  });
});

describe('the channel filter in the URL (kanal)', () => {
  const withChannel = (channel: string | null): PlannerUrlState => ({
    ...DEFAULT_PLANNER_STATE,
    filters: { ...DEFAULT_PLANNER_STATE.filters, channel },
  });

  it('is the channel key; all channels leave it out; no channel is an empty value', () => {
    expect(writePlannerState('?section=planner', withChannel('trc'))).toBe('?section=planner&kanal=trc');
    expect(writePlannerState('?section=planner&kanal=trc', withChannel(null))).toBe('?section=planner');
    const none = writePlannerState('', withChannel(NO_CHANNEL));
    expect(none).toBe('?kanal=');
    expect(parsePlannerState(none)).toEqual({ state: withChannel(NO_CHANNEL), notices: [] });
  });

  it('reads a hand-typed channel as the data compares it (trimmed, one space, lower case)', () => {
    expect(readPlannerState('?kanal=TRC').filters.channel).toBe('trc');
    expect(readPlannerState('?kanal=%20Bujang%20%20Dusun%C2%A0').filters.channel).toBe('bujang dusun');
    expect(parsePlannerState('?kanal=Era%20Gro').notices).toEqual([]);
  });

  it('refuses text too long to be a channel, with a notice naming the parameter', () => {
    const long = 'x'.repeat(500);
    const parsed = parsePlannerState(`?kanal=${long}`);
    expect(parsed.state.filters.channel).toBeNull();
    expect(parsed.notices).toEqual([{ key: 'other', params: { name: 'kanal', value: long } }]);
  });
});

describe('weights in the URL, by need code', () => {
  const weightsArb = fc
    .record(
      Object.fromEntries(NEED_CODES.map((c) => [c, fc.integer({ min: 0, max: 5 })])) as Record<
        NeedCode,
        fc.Arbitrary<number>
      >,
    )
    .filter((w) => Object.values(w).some((x) => x > 0));

  it('round-trip for any valid weights, in the planner state too', () => {
    fc.assert(
      fc.property(weightsArb, (weights) => {
        expect(parseWeights(formatWeights(weights))).toEqual(weights);
        const state: PlannerUrlState = { ...DEFAULT_PLANNER_STATE, score: true, weights };
        expect(readPlannerState(writePlannerState('', state)).weights).toEqual(weights);
      }),
    );
  });

  it('are written by code, so a need added later never shifts the others', () => {
    const search = writePlannerState('', {
      ...DEFAULT_PLANNER_STATE,
      weights: { ...DEFAULT_WEIGHTS, rtlh: 5 },
    });
    expect(new URLSearchParams(search).get('bobot')).toContain('rtlh:5');
    // Needs left out of a link weigh 0; order does not matter.
    expect(parseWeights('rtlh:4,kesehatan:2')).toEqual({ ...zero(), rtlh: 4, kesehatan: 2 });
  });

  it('still read the positional list of links shared before', () => {
    const legacy = NEED_CODES.map((c) => DEFAULT_WEIGHTS[c]).join(',');
    expect(parseWeights(legacy)).toEqual(DEFAULT_WEIGHTS);
  });

  it('refuse unknown or repeated codes, weights outside 0–5 or not whole, and all zero', () => {
    for (const bad of [
      'air:3',
      'rtlh:3,rtlh:2',
      'rtlh:6',
      'rtlh:-1',
      'rtlh:2.5',
      'kesehatan:3,rtlh:0.1',
      'rtlh:1e-7',
      'rtlh:',
      'rtlh:0',
      '1,2',
      'kesehatan:x',
    ])
      expect(parseWeights(bad), bad).toBeNull();
  });

  const zero = () => Object.fromEntries(NEED_CODES.map((c) => [c, 0])) as Record<NeedCode, number>;
});
