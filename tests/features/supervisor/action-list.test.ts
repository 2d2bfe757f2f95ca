import { describe, expect, it } from 'vitest';
import { createMaskingPolicy } from '../../../src/core/privacy/privacy';
import { type ActionListContext, actionList } from '../../../src/features/supervisor/action-list';

const policy = createMaskingPolicy(new Uint8Array(16).fill(1));
const ctx: ActionListContext = {
  householdIds: ['P1701012001000001', 'P1701012001000002'],
  agentIds: ['199510212023061830', 'AG00002'],
  householdPlace: () => ({ village: 'Ibul', district: 'Kota Manna' }),
  policy,
  idMode: 'masked',
  headers: {
    agent: 'agen_baru',
    fromAgent: 'agen_lama',
    household: 'id_keluarga',
    village: 'desa',
    district: 'kecamatan',
    distance: 'jarak_m',
  },
  internalHeader: (h) => `${h} (INTERNAL)`,
};
const moves = [
  { household: 1, fromAgent: -1, toAgent: 0, distanceM: 412.6 },
  { household: 0, fromAgent: 1, toAgent: 0, distanceM: 999.4 },
];

describe('actionList', () => {
  it('shows household and agent ids (which may be NIPs) as pseudonyms by default', () => {
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
      agent: policy.pseudonym('agent', '199510212023061830'),
      household: policy.pseudonym('household', 'P1701012001000002'),
      village: 'Ibul',
      district: 'Kota Manna',
      distance: 413,
      fromAgent: '',
    });
    expect(rows[1]?.fromAgent).toBe(policy.pseudonym('agent', 'AG00002'));
    const ids = JSON.stringify(rows.map((r) => [r.agent, r.household, r.fromAgent]));
    for (const raw of [...ctx.householdIds, ...ctx.agentIds]) expect(ids).not.toContain(raw);
    expect(ids).not.toMatch(/\d/);
  });

  it('gives full ids only in internal mode, and then labels every id column', () => {
    const { columns, rows } = actionList(moves, { ...ctx, idMode: 'internal' });
    expect(rows[0]?.household).toBe('P1701012001000002');
    expect(rows[0]?.agent).toBe('199510212023061830');
    expect(columns.filter((c) => c.header.endsWith('(INTERNAL)')).map((c) => c.key)).toEqual([
      'agent',
      'household',
      'fromAgent',
    ]);
  });
});
