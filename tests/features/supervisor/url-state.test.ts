import { describe, expect, it } from 'vitest';
import { readSupervisorVillage, supervisorVillageSearch } from '../../../src/features/supervisor/url-state';

describe('the supervisor village in a link', () => {
  it('is written beside the other settings and read back; earlier ?desa= links still open it', () => {
    const search = supervisorVillageSearch('?lang=en&section=planner&kec=17.01.04', '17.01.04.2019');
    const p = new URLSearchParams(search);
    expect([p.get('section'), p.get('awasi'), p.get('lang'), p.get('kec')]).toEqual([
      'supervisor',
      '17.01.04.2019',
      'en',
      '17.01.04',
    ]);
    expect(readSupervisorVillage(search)).toBe('17.01.04.2019');
    expect(readSupervisorVillage('?section=supervisor&desa=17.01.04.2019')).toBe('17.01.04.2019');
    // In the planner, desa is the planner's village filter, not a supervisor selection.
    expect(readSupervisorVillage('?section=planner&desa=17.01.04.2019')).toBeNull();
    for (const bad of ['?awasi=x', "?awasi=17.01.04.2019'", '?awasi=', ''])
      expect(readSupervisorVillage(bad)).toBeNull();
  });
});
