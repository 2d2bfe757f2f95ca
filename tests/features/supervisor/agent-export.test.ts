import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/export/table-export';
import { createMaskingPolicy } from '../../../src/core/privacy/privacy';
import {
  AGENT_EXPORT_KEYS,
  type AgentExportContext,
  type AgentIdentity,
  agentExport,
  kmOneDecimal,
  OFFICE_EXPORT_KEYS,
  officeExport,
  oneDecimal,
} from '../../../src/features/supervisor/agent-export';
import type { AgentRow, OfficeRow } from '../../../src/features/supervisor/agent-list';

const policy = createMaskingPolicy(new Uint8Array(16).fill(3));
const IDENTITIES: AgentIdentity[] = [
  { id: 'AGT-0001', name: 'Siti Aminah', nip: '198701012010012001' },
  { id: 'AGT-0002', name: null, nip: null },
  { id: 'AGT-0003', name: 'Budi Santoso', nip: '199002022015031002' },
];

const row = (agent: number, over: Partial<AgentRow> = {}): AgentRow => ({
  agent,
  code: policy.pseudonym('agent', IDENTITIES[agent]?.id),
  type: 'asn',
  office: 'Dinas Kesehatan',
  village: 'Pasar Manna',
  villageCode: 'V1',
  district: 'Kota Manna',
  districtCode: 'D1',
  active: true,
  families: 12,
  familiesCovered: 7,
  visited: 9,
  visitedPct: (100 * 9) / 12,
  neverVisited: 2,
  maxDistanceM: 1234,
  belowMin: false,
  aboveCap: false,
  ...over,
});

const ROWS: AgentRow[] = [
  row(0),
  row(1, {
    type: 'honorer',
    office: null,
    village: null,
    district: null,
    active: false,
    families: 3,
    familiesCovered: 0,
    visited: 1,
    visitedPct: 100 / 3,
    neverVisited: 0,
    maxDistanceM: 1250,
  }),
  row(2, { families: 0, visited: 0, visitedPct: null, neverVisited: 0, maxDistanceM: null }),
];

const HEADERS = Object.fromEntries(
  AGENT_EXPORT_KEYS.map((k) => [k, `H:${k}`]),
) as AgentExportContext['headers'];

const ctx = (over: Partial<AgentExportContext> = {}): AgentExportContext => ({
  policy,
  idMode: 'masked',
  headers: HEADERS,
  internalHeader: (h) => `${h} (INTERNAL)`,
  typeLabel: (t) => `type:${t}`,
  yesNo: (v) => (v ? 'ya' : 'tidak'),
  ...over,
});

describe('oneDecimal and kmOneDecimal', () => {
  it.each([
    [null, null],
    [0, 0],
    [75, 75],
    [33.333333, 33.3],
    [66.666666, 66.7],
    [12.25, 12.3],
    [12.5, 12.5],
    [99.96, 100],
    [0.04, 0],
    [1.45, 1.5], // 1.45 × 10 is 14.5 in doubles: rounds up, as the screen's Intl format does
  ] as const)('oneDecimal(%s) = %s', (v, expected) => {
    expect(oneDecimal(v)).toBe(expected);
  });

  it.each([
    [null, null],
    [0, 0],
    [1234, 1.2],
    [1250, 1.3],
    [1249.9, 1.2],
    [1450, 1.5],
    [49, 0],
    [50, 0.1],
    [999_999, 1000],
    [12_345.678, 12.3],
  ] as const)('kmOneDecimal(%s m) = %s km', (m, expected) => {
    expect(kmOneDecimal(m)).toBe(expected);
  });

  it('rounds a rate as the screen shows it (Intl, one decimal), for every visited/families fraction', () => {
    const screen = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((families) => fc.tuple(fc.integer({ min: 0, max: families }), fc.constant(families))),
        ([k, n]) => {
          const pct = (100 * k) / n;
          expect(oneDecimal(pct)).toBe(Number(screen.format(pct)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rounds a distance as the screen shows it, in km with one decimal', () => {
    const screen = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200_000, noNaN: true }), (m) => {
        const km = kmOneDecimal(m) as number;
        expect(km).toBe(Number(screen.format(m / 1000)));
        expect(Math.abs(km - m / 1000)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('agentExport, masked', () => {
  const table = agentExport(ROWS, ctx());

  it('has no name or NIP column and plain headers', () => {
    const keys = table.columns.map((c) => c.key);
    expect(keys).not.toContain('name');
    expect(keys).not.toContain('nip');
    expect(keys).toEqual(AGENT_EXPORT_KEYS.filter((k) => k !== 'name' && k !== 'nip'));
    expect(table.columns.map((c) => c.header)).toEqual(keys.map((k) => `H:${k}`));
  });

  it('writes the pseudonym in the agent column, never the id, name or NIP', () => {
    expect(table.rows.map((r) => r.agent)).toEqual(ROWS.map((r) => r.code));
    for (const r of table.rows) {
      expect(r).not.toHaveProperty('name');
      expect(r).not.toHaveProperty('nip');
    }
    // Even with identities loaded, a masked export does not use them.
    const withIds = agentExport(ROWS, ctx({ identities: IDENTITIES }));
    const csv = toCsv(withIds.columns, withIds.rows);
    for (const who of IDENTITIES) {
      expect(csv).not.toContain(who.id);
      if (who.name) expect(csv).not.toContain(who.name);
      if (who.nip) expect(csv).not.toContain(who.nip);
    }
    for (const r of ROWS) expect(csv).toContain(r.code);
  });

  it('marks the figures as numbers, the labels as text', () => {
    const kinds = Object.fromEntries(table.columns.map((c) => [c.key, c.kind]));
    for (const k of ['families', 'covered', 'visited', 'visitedPct', 'neverVisited', 'maxKm'])
      expect(kinds[k]).toBe('number');
    for (const k of ['agent', 'type', 'office', 'village', 'district', 'active'])
      expect(kinds[k]).toBeUndefined();
  });

  it('fills each column from the row: labels, rounded rates, km, empty for no data', () => {
    expect(table.rows[0]).toEqual({
      agent: ROWS[0]?.code,
      type: 'type:asn',
      office: 'Dinas Kesehatan',
      village: 'Pasar Manna',
      district: 'Kota Manna',
      active: 'ya',
      families: 12,
      covered: 7,
      visited: 9,
      visitedPct: 75,
      neverVisited: 2,
      maxKm: 1.2,
    });
    expect(table.rows[1]).toMatchObject({
      type: 'type:honorer',
      office: '',
      village: '',
      district: '',
      active: 'tidak',
      families: 3,
      covered: 0,
      visitedPct: 33.3,
      maxKm: 1.3,
    });
    expect(table.rows[2]).toMatchObject({ families: 0, visitedPct: null, maxKm: null });
  });

  it('keeps visits empty when the dataset records none', () => {
    const noVisits = ROWS.map((r) => ({ ...r, visited: null, visitedPct: null, neverVisited: null }));
    const t = agentExport(noVisits, ctx());
    for (const r of t.rows) expect([r.visited, r.visitedPct, r.neverVisited]).toEqual([null, null, null]);
    // …and the CSV writes empty cells, not 0.
    const csv = toCsv(t.columns, t.rows);
    const lines = csv.slice(1).split('\r\n');
    const at = (key: string) => t.columns.findIndex((c) => c.key === key);
    const first = (lines[1] as string).split(',');
    expect(first[at('visited')]).toBe('');
    expect(first[at('visitedPct')]).toBe('');
    expect(first[at('neverVisited')]).toBe('');
    expect(first[at('families')]).toBe('12');
  });

  it('gives one export row per row, in the given order', () => {
    const reversed = [...ROWS].reverse();
    expect(agentExport(reversed, ctx()).rows.map((r) => r.agent)).toEqual(reversed.map((r) => r.code));
    expect(agentExport([], ctx()).rows).toEqual([]);
  });
});

describe('agentExport, internal', () => {
  const table = agentExport(ROWS, ctx({ idMode: 'internal', identities: IDENTITIES }));

  it('has every column, agent/name/nip headers wrapped as internal, the others plain', () => {
    expect(table.columns.map((c) => c.key)).toEqual([...AGENT_EXPORT_KEYS]);
    for (const c of table.columns) {
      const expected = ['agent', 'name', 'nip'].includes(c.key) ? `H:${c.key} (INTERNAL)` : `H:${c.key}`;
      expect(c.header).toBe(expected);
    }
  });

  it('writes the id, name and NIP by engine index (row.agent), not by list position', () => {
    expect(table.rows.map((r) => [r.agent, r.name, r.nip])).toEqual([
      ['AGT-0001', 'Siti Aminah', '198701012010012001'],
      ['AGT-0002', '', ''],
      ['AGT-0003', 'Budi Santoso', '199002022015031002'],
    ]);
    const shuffled = agentExport(
      [ROWS[2] as AgentRow, ROWS[0] as AgentRow],
      ctx({ idMode: 'internal', identities: IDENTITIES }),
    );
    expect(shuffled.rows.map((r) => r.agent)).toEqual(['AGT-0003', 'AGT-0001']);
  });

  it('keeps a long NIP as text in CSV (not a number in scientific notation)', () => {
    const csv = toCsv(table.columns, table.rows);
    expect(csv).toContain(',198701012010012001,');
  });

  it('never falls back to the pseudonym when an identity is missing', () => {
    const t = agentExport(ROWS, ctx({ idMode: 'internal', identities: IDENTITIES.slice(0, 1) }));
    expect(t.rows.map((r) => r.agent)).toEqual(['AGT-0001', '', '']);
    const none = agentExport(ROWS, ctx({ idMode: 'internal' }));
    expect(none.rows.map((r) => r.agent)).toEqual(['', '', '']);
  });

  it('writes the same figures as the masked export', () => {
    const masked = agentExport(ROWS, ctx());
    const strip = (r: Record<string, unknown>) => {
      const { agent: _a, name: _n, nip: _p, ...rest } = r;
      return rest;
    };
    expect(table.rows.map(strip)).toEqual(masked.rows.map(strip));
  });
});

describe('officeExport', () => {
  const offices: OfficeRow[] = [
    {
      office: 'Dinas Kesehatan',
      agents: 3,
      activeAgents: 2,
      families: 30,
      familiesCovered: 10,
      coveragePct: 100 / 3,
      visited: 20,
      visitedPct: 200 / 3,
      neverVisited: 4,
      belowMin: 1,
      aboveCap: 0,
    },
    {
      office: null,
      agents: 1,
      activeAgents: 1,
      families: 0,
      familiesCovered: 0,
      coveragePct: null,
      visited: null,
      visitedPct: null,
      neverVisited: null,
      belowMin: 1,
      aboveCap: 0,
    },
  ];
  const headers = Object.fromEntries(OFFICE_EXPORT_KEYS.map((k) => [k, `O:${k}`])) as Parameters<
    typeof officeExport
  >[1];
  const table = officeExport(offices, headers, '(tidak diketahui)');

  it('has the office columns with their headers, figures as numbers', () => {
    expect(table.columns.map((c) => c.key)).toEqual([...OFFICE_EXPORT_KEYS]);
    expect(table.columns.map((c) => c.header)).toEqual(OFFICE_EXPORT_KEYS.map((k) => `O:${k}`));
    for (const c of table.columns) expect(c.kind).toBe(c.key === 'office' ? undefined : 'number');
  });

  it('writes the label for no office, rates to one decimal, no data as null', () => {
    expect(table.rows[0]).toMatchObject({
      office: 'Dinas Kesehatan',
      agents: 3,
      activeAgents: 2,
      families: 30,
      familiesCovered: 10,
      coveragePct: 33.3,
      visitedPct: 66.7,
      neverVisited: 4,
      belowMin: 1,
      aboveCap: 0,
    });
    expect(table.rows[1]).toMatchObject({
      office: '(tidak diketahui)',
      coveragePct: null,
      visitedPct: null,
      neverVisited: null,
    });
  });

  it('does not change the rows it was given', () => {
    expect(offices[0]?.coveragePct).toBe(100 / 3);
    expect(offices[1]?.office).toBeNull();
  });

  it('writes a CSV with one record per office', () => {
    const csv = toCsv(table.columns, table.rows);
    expect(csv.slice(1).split('\r\n')).toEqual([
      OFFICE_EXPORT_KEYS.map((k) => `O:${k}`).join(','),
      'Dinas Kesehatan,3,2,30,10,33.3,66.7,4,1,0',
      '(tidak diketahui),1,1,0,0,,,,1,0',
      '',
    ]);
  });
});
