import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../src/app/url-state';

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
