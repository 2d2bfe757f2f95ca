import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../src/app/url-state';

describe('url state', () => {
  it('defaults to the planner and any need', () => {
    expect(readUrlState('')).toEqual({ section: 'planner', measure: 'any' });
  });

  it('round-trips and keeps other parameters', () => {
    const search = writeUrlState('?lang=en', { section: 'supervisor', measure: 'rtlh' });
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(readUrlState(search)).toEqual({ section: 'supervisor', measure: 'rtlh' });
  });

  it('ignores unknown values instead of breaking the screen', () => {
    expect(readUrlState('?section=admin&need=drop%20table')).toEqual({ section: 'planner', measure: 'any' });
  });
});
