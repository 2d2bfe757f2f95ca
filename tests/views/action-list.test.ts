import { describe, expect, it } from 'vitest';
import { actionList } from '../../src/views/supervisor/action-list';

const ctx = {
  householdIds: ['P1701012001000001', 'P1701012001000002'],
  agentIds: ['AG00001', 'AG00002'],
  householdPlace: () => ({ village: 'Ibul', district: 'Kota Manna' }),
  fullIdentifiers: false,
  headers: {
    agent: 'agen_baru',
    fromAgent: 'agen_lama',
    household: 'id_keluarga',
    village: 'desa',
    district: 'kecamatan',
    distance: 'jarak_m',
  },
};
const moves = [
  { household: 1, fromAgent: -1, toAgent: 0, distanceM: 412.6 },
  { household: 0, fromAgent: 1, toAgent: 0, distanceM: 999.4 },
];

describe('actionList', () => {
  it('masks household ids by default and rounds distances to metres', () => {
    const { columns, rows } = actionList(moves, ctx);
    expect(columns.map((c) => c.header)).toEqual([
      'agen_baru',
      'id_keluarga',
      'desa',
      'kecamatan',
      'jarak_m',
      'agen_lama',
    ]);
    expect(rows[0]).toEqual({
      agent: 'AG00001',
      household: '*************0002',
      village: 'Ibul',
      district: 'Kota Manna',
      distance: 413,
      fromAgent: '',
    });
    expect(rows[1]?.fromAgent).toBe('AG00002');
  });

  it('gives full ids only when asked', () => {
    expect(actionList(moves, { ...ctx, fullIdentifiers: true }).rows[0]?.household).toBe('P1701012001000002');
  });
});
