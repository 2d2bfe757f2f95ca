import { describe, expect, it } from 'vitest';
import {
  missingRequired,
  normaliseHeader,
  normaliseVillageCode,
  resolveColumns,
} from '../../../src/core/domain/schema';

describe('normaliseVillageCode', () => {
  it.each([
    ['17.01.04.2019', '17.01.04.2019'],
    ['1701042019', '17.01.04.2019'],
    [' 1701042019 ', '17.01.04.2019'],
    ['17.02.04.2019', null], // another regency
    ['170104201', null],
    ['', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseVillageCode(raw)).toBe(expected);
  });
});

describe('resolveColumns', () => {
  it('accepts canonical names, P3KE aliases, BOMs, case and spacing', () => {
    const mapping = resolveColumns('households', [
      '\uFEFFID_Keluarga_P3KE',
      'Kode Kemendagri',
      'bujur',
      'lintang',
      'desil',
      'rtlh',
    ]);
    expect(Object.fromEntries(mapping)).toEqual({
      household_id: '\uFEFFID_Keluarga_P3KE',
      village_code: 'Kode Kemendagri',
      lon: 'bujur',
      lat: 'lintang',
      welfare_decile: 'desil',
      need_rtlh: 'rtlh',
    });
  });

  it('prefers the canonical name over an alias', () => {
    expect(resolveColumns('households', ['id_kk', 'household_id']).get('household_id')).toBe('household_id');
  });

  it('lists required columns that are missing', () => {
    expect(missingRequired('cases', ['id_kasus', 'kebutuhan'])).toEqual([
      'household_id',
      'status',
      'reported_at',
    ]);
  });

  it('normalises headers', () => {
    expect(normaliseHeader('  Jenis-Pegawai ')).toBe('jenis_pegawai');
  });
});
