import { describe, expect, it } from 'vitest';
import { createMaskingPolicy } from '../../../src/core/privacy/privacy';
import {
  type ActionListContext,
  actionList,
  MOVE_KEYS,
  UNRESOLVED_KEYS,
} from '../../../src/features/supervisor/action-list';

const policy = createMaskingPolicy(new Uint8Array(16).fill(1));
const ctx: ActionListContext = {
  householdIds: ['P1701012001000001', 'P1701012001000002', 'P1701012001000003'],
  headNames: ['Siti Aminah', 'Budi Santoso', 'Rahmat'],
  agentIds: ['199510212023061830', 'AG00002'],
  agentIdentities: [
    { id: '199510212023061830', name: 'Agen Satu', nip: '199510212023061830' },
    { id: 'AG00002', name: 'Agen Dua', nip: null },
  ],
  agentOffice: ['Dinas Sosial', null],
  householdPlace: () => ({ village: 'Ibul', district: 'Kota Manna' }),
  nearestDistanceM: Float64Array.from([300, 412.6, Number.NaN]),
  policy,
  idMode: 'masked',
  headers: {
    agent: 'agen_baru',
    agentName: 'nama_agen',
    agentOffice: 'opd_agen',
    household: 'id_keluarga',
    headName: 'nama_kepala',
    village: 'desa',
    district: 'kecamatan',
    distanceKm: 'jarak_km',
    fromAgent: 'agen_lama',
    fromOffice: 'opd_lama',
    reason: 'alasan',
    nearestKm: 'agen_terdekat_km',
  },
  reasonLabel: (reason) => `alasan:${reason}`,
  internalHeader: (h) => `${h} (INTERNAL)`,
};
const moves = [
  { household: 1, fromAgent: -1, toAgent: 0, distanceM: 412.6 },
  { household: 0, fromAgent: 1, toAgent: 0, distanceM: 999.4 },
];
const unresolved = [
  { household: 2, reason: 'no_coordinates' as const },
  { household: 0, reason: 'no_capacity_in_reach' as const },
];

describe('actionList', () => {
  it('shows household and agent ids (which may be NIPs) as pseudonyms by default, and no names', () => {
    const list = actionList(moves, unresolved, ctx);
    expect(list.moves.columns.map((c) => c.header)).toEqual([
      'agen_baru',
      'opd_agen',
      'id_keluarga',
      'desa',
      'kecamatan',
      'jarak_km',
      'agen_lama',
      'opd_lama',
    ]);
    expect(list.moves.rows[0]).toEqual({
      agent: policy.pseudonym('agent', '199510212023061830'),
      agentOffice: 'Dinas Sosial',
      household: policy.pseudonym('household', 'P1701012001000002'),
      village: 'Ibul',
      district: 'Kota Manna',
      distanceKm: 0.4,
      fromAgent: '',
      fromOffice: '',
    });
    expect(list.moves.rows[1]).toMatchObject({
      fromAgent: policy.pseudonym('agent', 'AG00002'),
      fromOffice: '',
      distanceKm: 1,
    });
    const all = JSON.stringify([list.moves.rows, list.unresolved.rows]);
    for (const raw of [...ctx.householdIds, ...ctx.agentIds]) expect(all).not.toContain(raw);
    for (const name of [...(ctx.headNames ?? []), 'Agen Satu', 'Agen Dua']) expect(all).not.toContain(name);
    const ids = JSON.stringify(list.moves.rows.map((r) => [r.agent, r.household, r.fromAgent]));
    expect(ids).not.toMatch(/\d/);
  });

  it('lists the households it could not place, with the reason and the nearest agent in km', () => {
    const list = actionList(moves, unresolved, ctx);
    expect(list.unresolved.columns.map((c) => c.key)).toEqual(
      UNRESOLVED_KEYS.filter((k) => k !== 'headName'),
    );
    expect(list.unresolved.rows).toEqual([
      {
        household: policy.pseudonym('household', 'P1701012001000003'),
        village: 'Ibul',
        district: 'Kota Manna',
        reason: 'alasan:no_coordinates',
        nearestKm: null,
      },
      {
        household: policy.pseudonym('household', 'P1701012001000001'),
        village: 'Ibul',
        district: 'Kota Manna',
        reason: 'alasan:no_capacity_in_reach',
        nearestKm: 0.3,
      },
    ]);
    expect(list.unresolved.columns.filter((c) => c.kind === 'number').map((c) => c.key)).toEqual([
      'nearestKm',
    ]);
    expect(list.moves.columns.filter((c) => c.kind === 'number').map((c) => c.key)).toEqual(['distanceKm']);
  });

  it('gives full ids and names only in internal mode, and then labels every personal column', () => {
    const list = actionList(moves, unresolved, { ...ctx, idMode: 'internal' });
    expect(list.moves.columns.map((c) => c.key)).toEqual([...MOVE_KEYS]);
    expect(list.moves.rows[0]).toMatchObject({
      agent: '199510212023061830',
      agentName: 'Agen Satu',
      household: 'P1701012001000002',
      headName: 'Budi Santoso',
      fromAgent: '',
    });
    expect(list.moves.rows[1]?.fromAgent).toBe('AG00002');
    expect(list.moves.columns.filter((c) => c.header.endsWith('(INTERNAL)')).map((c) => c.key)).toEqual([
      'agent',
      'agentName',
      'household',
      'headName',
      'fromAgent',
    ]);
    expect(list.unresolved.rows[0]).toMatchObject({ household: 'P1701012001000003', headName: 'Rahmat' });
    expect(list.unresolved.columns.filter((c) => c.header.endsWith('(INTERNAL)')).map((c) => c.key)).toEqual([
      'household',
      'headName',
    ]);
  });
});
