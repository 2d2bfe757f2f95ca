import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLANNER_STATE,
  type PlannerUrlState,
  readPlannerState,
  readUrlState,
  writePlannerState,
  writeUrlState,
} from '../../src/app/url-state';

describe('url state', () => {
  it('defaults to the planner and any need', () => {
    expect(readUrlState('')).toEqual({ section: 'planner', measure: 'any', thresholdM: 1000 });
  });

  it('round-trips and keeps other parameters', () => {
    const search = writeUrlState('?lang=en', { section: 'supervisor', measure: 'rtlh', thresholdM: 2500 });
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(readUrlState(search)).toEqual({ section: 'supervisor', measure: 'rtlh', thresholdM: 2500 });
  });

  it('ignores unknown values instead of breaking the screen', () => {
    expect(readUrlState('?section=admin&need=drop%20table&jarak_m=abc')).toEqual({
      section: 'planner',
      measure: 'any',
      thresholdM: 1000,
    });
  });

  it('clamps the distance limit to 0.25–10 km', () => {
    expect(readUrlState('?jarak_m=5').thresholdM).toBe(250);
    expect(readUrlState('?jarak_m=99999').thresholdM).toBe(10_000);
  });
});

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
      },
      month: '2025-06',
      compare: 3,
      view: { lon: 102.95, lat: -4.4, zoom: 11.5 },
      selected: '17.01.04.2019',
      tab: 'profile',
    };
    const search = writePlannerState('?lang=en&section=planner', state);
    expect(new URLSearchParams(search).get('lang')).toBe('en');
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
