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
    expect(
      writeLink(SUPERVISOR_LINK, '?awasi=17.01.04.2019', { tab: 'agents', village: null, visitDays: 90 }),
    ).toBe('?daftar=agen');
    expect(writeLink(SUPERVISOR_LINK, '', { tab: 'villages', village: '17.01.04.2019', visitDays: 90 })).toBe(
      '?awasi=17.01.04.2019',
    );
    expect(parseSupervisorLink('?daftar=usulan').state.tab).toBe('proposal');
    expect(parseSupervisorLink('?daftar=admin').state.tab).toBe('villages');
  });

  it('the visit window (hari_kunjungan): 90 days by default and left out then, 30–365, clamped with a notice', () => {
    expect(parseSupervisorLink('').state.visitDays).toBe(90);
    expect(parseSupervisorLink('?hari_kunjungan=30')).toMatchObject({
      state: { visitDays: 30 },
      notices: [],
    });
    expect(parseSupervisorLink('?hari_kunjungan=365').state.visitDays).toBe(365);
    expect(writeLink(SUPERVISOR_LINK, '', { tab: 'villages', village: null, visitDays: 180 })).toBe(
      '?hari_kunjungan=180',
    );
    expect(
      writeLink(SUPERVISOR_LINK, '?hari_kunjungan=180&lang=en', {
        tab: 'villages',
        village: null,
        visitDays: 90,
      }),
    ).toBe('?lang=en');
    const low = parseSupervisorLink('?hari_kunjungan=7');
    expect(low.state.visitDays).toBe(30);
    expect(low.notices).toEqual([
      { key: 'visitDays', params: { name: 'hari_kunjungan', value: '7', fallback: 30 } },
    ]);
    expect(parseSupervisorLink('?hari_kunjungan=9999').state.visitDays).toBe(365);
    const bad = parseSupervisorLink('?hari_kunjungan=lama');
    expect(bad.state.visitDays).toBe(90);
    expect(bad.notices).toEqual([
      { key: 'visitDays', params: { name: 'hari_kunjungan', value: 'lama', fallback: 90 } },
    ]);
  });
});
