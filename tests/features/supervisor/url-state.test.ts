import { describe, expect, it } from 'vitest';
import { writeLink } from '../../../src/core/url/link-keys';
import {
  parseSupervisorLink,
  SUPERVISOR_LINK,
  supervisorVillageSearch,
} from '../../../src/features/supervisor/url-state';

const village = (search: string) => parseSupervisorLink(search).state.village;

describe('Pengawasan settings in the link', () => {
  it('the village is written beside the other settings and read back; earlier ?desa= links still open it', () => {
    const search = supervisorVillageSearch('?lang=en&section=planner&kec=17.01.04', '17.01.04.2019');
    const p = new URLSearchParams(search);
    expect([p.get('section'), p.get('awasi'), p.get('lang'), p.get('kec')]).toEqual([
      'supervisor',
      '17.01.04.2019',
      'en',
      '17.01.04',
    ]);
    expect(village(search)).toBe('17.01.04.2019');
    expect(village('?section=supervisor&desa=17.01.04.2019')).toBe('17.01.04.2019');
    // In the planner, desa is the planner's village filter, not a supervisor selection.
    expect(village('?section=planner&desa=17.01.04.2019')).toBeNull();
    for (const bad of ['?awasi=x', "?awasi=17.01.04.2019'", '?awasi=', '']) expect(village(bad)).toBeNull();
    expect(parseSupervisorLink('?awasi=x').notices).toEqual([
      { key: 'other', params: { name: 'awasi', value: 'x' } },
    ]);
  });

  it('the list shown is an Indonesian word, left out at its default', () => {
    expect(writeLink(SUPERVISOR_LINK, '?awasi=17.01.04.2019', { tab: 'agents', village: null })).toBe(
      '?daftar=agen',
    );
    expect(writeLink(SUPERVISOR_LINK, '', { tab: 'villages', village: '17.01.04.2019' })).toBe(
      '?awasi=17.01.04.2019',
    );
    expect(parseSupervisorLink('?daftar=usulan').state.tab).toBe('proposal');
    expect(parseSupervisorLink('?daftar=admin').state.tab).toBe('villages');
  });
});
