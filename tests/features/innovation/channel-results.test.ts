import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChannelConfig, DEFAULT_CHANNEL_CONFIG } from '../../../src/core/dataset/app-config';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import { literal, type SqlClient } from '../../../src/core/sql/sql-client';
import {
  type ChannelMonthRow,
  type ChannelRow,
  channelKey,
  channelMonths,
  channelResults,
  channelResultsSql,
  orderChannels,
  validChannelFilter,
} from '../../../src/features/innovation/data/channel-results';
import { attack, type Fact } from '../../helpers/disclosure-attacker';
import { fixtureDb } from '../../helpers/fixture-db';
import { attackerCannotPin } from '../../helpers/protection';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45
`;
const MANNA = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8'];
const KOTA = ['K1', 'K2', 'K3'];
const HOUSEHOLDS = `id_keluarga_p3ke,kode_kemendagri,lon,lat
${MANNA.map((h) => `${h},17.01.04.2001,102.90,-4.45`).join('\n')}
${KOTA.map((h) => `${h},17.01.05.1001,103.00,-4.45`).join('\n')}
`;
const AGENTS = `id_agen,jenis_pegawai,kode_desa_domisili,lon,lat
A1,asn,17.01.04.2001,102.90,-4.45
`;
// March 2025 edges: C01 reported on the 1st and resolved on the 31st, C02 resolved on the 31st, C06 reported
// on the 31st; C04 resolved on 1 April (still open at the end of March), C07 reported on 1 April. Channel
// spellings: "trc " (the loader trims spaces), "Trc<tab>" (it does not trim tabs), "Bujang  Dusun", blank.
const CASES = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal
C01,H1,bencana,selesai,2025-03-01,2025-03-31,TRC
C02,H2,bencana,selesai,2025-02-10,2025-03-31,trc 
C03,H3,bencana,ditangani,2025-03-15,,"Trc\t"
C04,H1,bencana,selesai,2025-02-28,2025-04-01,TRC
C05,H4,kesehatan,selesai,2025-01-05,2025-01-25,JSPS
C06,H5,kesehatan,dilaporkan,2025-03-31,,JSPS
C07,H6,kesehatan,selesai,2025-04-01,2025-04-11,jsps
C08,H7,rtlh,ditangani,2025-01-20,,Bujang  Dusun
C09,H8,adminduk,selesai,2025-03-02,2025-03-05,
C10,H8,adminduk,dilaporkan,2025-03-03,,
C11,K1,adminduk,selesai,2025-03-10,2025-03-20,SPADA
C12,K2,lingkungan,dilaporkan,2025-02-01,,Lainnya
C13,K3,adminduk,ditangani,2025-03-11,,spada
`;

let db: SqlClient;

beforeAll(async () => {
  db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES });
});

const row = (
  key: string | null,
  channel: string | null,
  referred: number,
  resolved: number,
  open: number,
  households: number,
  median_days: number | null,
): ChannelRow => ({ key, channel, referred, resolved, open, households, median_days });

const byKey = (rows: readonly ChannelRow[]) =>
  [...rows].sort((a, b) => (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));

describe('channel results SQL', () => {
  it('all time, the regency: one row per channel whatever its spelling, no channel as its own row', async () => {
    expect(byKey(await channelResults(db, { district: null, month: null }))).toEqual([
      row('bujang dusun', 'Bujang Dusun', 1, 0, 1, 1, null),
      row('jsps', 'JSPS', 3, 2, 1, 3, 15), // median of 20 and 10 days
      row('lainnya', 'Lainnya', 1, 0, 1, 1, null),
      row('spada', 'SPADA', 2, 1, 1, 2, 10),
      row('trc', 'TRC', 4, 3, 1, 3, 32), // median of 30, 49 and 32 days
      row(null, null, 2, 1, 1, 1, 3),
    ]);
  });

  it('one month: referred in it, resolved in it (last day included), open at its end', async () => {
    expect(byKey(await channelResults(db, { district: null, month: '2025-03' }))).toEqual([
      row('bujang dusun', 'Bujang Dusun', 0, 0, 1, 1, null),
      row('jsps', 'JSPS', 1, 0, 1, 1, null), // C06 reported on the 31st; C07 on 1 April is not counted
      row('lainnya', 'Lainnya', 0, 0, 1, 1, null),
      row('spada', 'SPADA', 2, 1, 1, 2, 10),
      // C01 (1st → 31st) and C02 resolved on the 31st; C03 and C04 (resolved 1 April) open at the end.
      row('trc', 'TRC', 2, 2, 2, 3, 39.5),
      row(null, null, 2, 1, 1, 1, 3),
    ]);
    expect(byKey(await channelResults(db, { district: null, month: '2025-04' }))).toEqual([
      row('bujang dusun', 'Bujang Dusun', 0, 0, 1, 1, null),
      row('jsps', 'JSPS', 1, 1, 1, 2, 10),
      row('lainnya', 'Lainnya', 0, 0, 1, 1, null),
      row('spada', 'SPADA', 0, 0, 1, 1, null), // only "spada" (C13) in April: labelled as over all cases
      row('trc', 'TRC', 0, 1, 1, 2, 32),
      row(null, null, 0, 0, 1, 1, null),
    ]);
  });

  it('one kecamatan, through households and villages', async () => {
    expect(byKey(await channelResults(db, { district: '17.01.05', month: null }))).toEqual([
      row('lainnya', 'Lainnya', 1, 0, 1, 1, null),
      row('spada', 'SPADA', 2, 1, 1, 2, 10),
    ]);
    const manna = await channelResults(db, { district: '17.01.04', month: '2025-03' });
    expect(manna.map((r) => r.key).sort()).toEqual(['bujang dusun', 'jsps', 'trc', null].sort());
    expect(manna.find((r) => r.key === 'trc')).toEqual(row('trc', 'TRC', 2, 2, 2, 3, 39.5));
  });

  it('ignores filter values that are not well-formed, and never writes them into the SQL', async () => {
    const evil = "17.01.04' OR 1=1 --";
    expect(validChannelFilter({ district: evil, month: '2025-13' })).toEqual({ district: null, month: null });
    expect(validChannelFilter({ district: ' 17.01.04 ', month: '2025-03' })).toEqual({
      district: '17.01.04',
      month: '2025-03',
    });
    expect(validChannelFilter(null)).toEqual({ district: null, month: null });
    const sql = channelResultsSql({ district: evil, month: "2025-03'; DROP TABLE cases; --" });
    expect(sql).not.toContain('OR 1=1');
    expect(sql).not.toContain('DROP');
    expect(await channelResults(db, { district: evil, month: '03-2025' })).toEqual(
      await channelResults(db, { district: null, month: null }),
    );
  });

  it('month series: from the first report to the last report or resolution, every channel every month', async () => {
    const months = await channelMonths(db, null);
    expect([...new Set(months.map((m) => m.month))]).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(months).toHaveLength(4 * 6);
    const trc = months
      .filter((m) => m.key === 'trc')
      .map(({ referred, resolved, open }) => [referred, resolved, open]);
    expect(trc).toEqual([
      [0, 0, 0],
      [2, 0, 2],
      [2, 2, 2],
      [0, 1, 1],
    ]);
    expect(months.at(-1)).toMatchObject({ month: '2025-04', key: null, channel: null });
    const kota = await channelMonths(db, '17.01.05');
    expect(kota.map((m) => `${m.month} ${m.channel} ${m.referred}/${m.resolved}/${m.open}`)).toEqual([
      '2025-02 Lainnya 1/0/1',
      '2025-02 SPADA 0/0/0',
      '2025-03 Lainnya 0/0/1',
      '2025-03 SPADA 2/1/1',
    ]);
  });
});

describe('orderChannels', () => {
  it('configured order first (zeros for a channel without cases), then the rest, no channel last; small groups hidden', async () => {
    const table = orderChannels(
      await channelResults(db, { district: null, month: null }),
      DEFAULT_CHANNEL_CONFIG,
    );
    expect(table.rows.map((r) => [r.code, r.listed, r.referred, r.resolved, r.open, r.suppressed])).toEqual([
      ['JSPS', true, 3, 2, 1, false],
      ['SPADA', true, null, null, null, true], // 2 households
      ['TRC', true, 4, 3, 1, false],
      ['Bujang Dusun', true, null, null, null, true],
      ['Era Gro', true, 0, 0, 0, false],
      ['Lainnya', false, null, null, null, true],
      [null, false, null, null, null, true],
    ]);
    expect(table.rows[2]).toMatchObject({ name: 'TRC', households: 3, median_days: 32 });
    expect(table.total).toEqual({ referred: 13, resolved: 7, open: 6 });
    expect(table.anyHidden).toBe(true);
  });

  it('uses configured names and matches codes trimmed and case-insensitively', () => {
    const configured: ChannelConfig[] = [
      { code: 'trc', name: 'Tim Reaksi Cepat', description: 'Bencana' },
      { code: 'Era Gro', name: 'Era Gro', description: null },
    ];
    const rows = [row('trc', 'TRC', 5, 4, 1, 5, 3), row('jsps', 'JSPS', 4, 4, 0, 4, 2)];
    const table = orderChannels(rows, configured, { suppress: false });
    expect(table.rows).toEqual([
      {
        key: 'trc',
        code: 'trc',
        name: 'Tim Reaksi Cepat',
        description: 'Bencana',
        listed: true,
        referred: 5,
        resolved: 4,
        open: 1,
        households: 5,
        median_days: 3,
        suppressed: false,
      },
      expect.objectContaining({
        key: 'era gro',
        listed: true,
        referred: 0,
        households: 0,
        median_days: null,
      }),
      expect.objectContaining({ key: 'jsps', code: 'JSPS', name: 'JSPS', listed: false, referred: 4 }),
    ]);
  });

  it('unlisted values by cases referred; without suppression nothing is hidden', () => {
    const rows = [
      row('b', 'B', 3, 0, 3, 1, null),
      row(null, null, 9, 0, 9, 1, null),
      row('a', 'A', 7, 0, 7, 1, null),
    ];
    const table = orderChannels(rows, [], { suppress: false });
    expect(table.rows.map((r) => r.code)).toEqual(['A', 'B', null]);
    expect(table.anyHidden).toBe(false);
  });

  it('hides a further row when the total would give a small one back', () => {
    const rows = [
      row('a', 'A', 10, 5, 5, 10, 4),
      row('b', 'B', 5, 2, 3, 5, 4),
      row('c', 'C', 8, 3, 5, 8, 4),
      row('d', 'D', 1, 0, 1, 1, null),
    ];
    const table = orderChannels(rows, []);
    const hidden = table.rows.filter((r) => r.suppressed).map((r) => r.code);
    expect(hidden).toContain('D');
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // Hidden unlisted rows come after the visible ones, by name: their place says nothing of their size.
    expect(table.rows.map((r) => r.suppressed)).toEqual([false, false, true, true]);
    expect(table.total).toEqual({ referred: 24, resolved: 10, open: 14 });
  });

  it('hides every row and the total when nothing else protects a small group', () => {
    const table = orderChannels([row('trc', 'TRC', 3, 1, 2, 2, 5)], DEFAULT_CHANNEL_CONFIG);
    expect(table.total).toBeNull();
    expect(table.rows.every((r) => r.suppressed && r.referred === null)).toBe(true);
  });

  it('property: the total and the rows shown never give a hidden row back (independent attacker)', () => {
    // All time: referred ≥ households ≥ 1 and referred = resolved + open. One month: three free counts.
    const monthRow = fc.record({
      households: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 30 })),
      referred: fc.nat(12),
      resolved: fc.nat(12),
      open: fc.nat(12),
    });
    const allTimeRow = fc
      .record({
        households: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 30 })),
        extra: fc.nat(12),
        resolvedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ households, extra, resolvedShare }) => {
        const referred = households + extra;
        const resolved = Math.floor(referred * resolvedShare);
        return { households, referred, resolved, open: referred - resolved };
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(allTimeRow, { minLength: 1, maxLength: 8 }).map((rows) => ({ month: false, rows })),
          fc.array(monthRow, { minLength: 1, maxLength: 8 }).map((rows) => ({ month: true, rows })),
        ),
        fc.boolean(),
        ({ month, rows: raw }, withNone) => {
          const rows = raw.map((r, i) =>
            withNone && i === 0
              ? row(null, null, r.referred, r.resolved, r.open, r.households, 1)
              : row(`k${i}`, `K${i}`, r.referred, r.resolved, r.open, r.households, 1),
          );
          const configured = DEFAULT_CHANNEL_CONFIG.slice(0, 2).map((c, i) => ({ ...c, code: `K${i}` }));
          const table = orderChannels(rows, configured);
          const shown = new Map(table.rows.map((r) => [r.key, r]));
          const hidden = rows.filter((r) => shown.get(r.key)?.suppressed);
          for (const r of rows)
            if (isSmallGroup(r.households)) expect(shown.get(r.key)?.suppressed).toBe(true);
          if (hidden.length === 0) return;
          // What a reader knows: the totals, the visible rows and, all time, that a listed value has a case
          // and referred = resolved + open in every row.
          const id = (r: ChannelRow, k: string) => `${k}:${r.key}`;
          const cols = ['referred', 'resolved', 'open'] as const;
          const facts: Fact[] = month
            ? []
            : hidden.map((r) => ({
                terms: { [id(r, 'referred')]: 1, [id(r, 'resolved')]: -1, [id(r, 'open')]: -1 },
                equal: 0,
              }));
          // No total shown (every row hidden then): the reader knows only that the rows are there.
          const total = table.total;
          for (const c of cols) {
            const visible = table.rows.reduce((s, r) => s + (r[c] ?? 0), 0);
            if (total)
              facts.push({
                terms: Object.fromEntries(hidden.map((r) => [id(r, c), 1])),
                equal: total[c] - visible,
              });
          }
          const unknowns = hidden.flatMap((r) => cols.map((c) => id(r, c)));
          const floors = month ? {} : Object.fromEntries(hidden.map((r) => [id(r, 'referred'), 1]));
          const ranges = attack(unknowns, facts, floors);
          expect(ranges).not.toBeNull();
          for (const r of hidden) {
            for (const c of cols) {
              const strict = c === 'referred';
              // A column that is 0 everywhere says so of every row whatever is hidden.
              if (!strict && total?.[c] === 0) continue;
              const range = ranges?.get(id(r, c));
              expect(
                range && attackerCannotPin(range, isSmallGroup(r.households), strict),
                `${id(r, c)}`,
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

// --- SQL against a plain recomputation on random small case sets -------------------------------------------

const SPELLINGS = [
  'TRC',
  'trc ',
  ' Trc\t',
  'JSPS',
  'jsps',
  'Bujang  Dusun',
  'bujang dusun\u00a0',
  'Era Gro',
  'Lainnya',
  '',
  '   ',
  null,
];
const DISTRICT_OF = new Map([
  ...MANNA.map((h) => [h, '17.01.04'] as const),
  ...KOTA.map((h) => [h, '17.01.05'] as const),
]);
const DAY = 86_400_000;
const iso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * DAY).toISOString().slice(0, 10);
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

interface TestCase {
  household: string;
  channel: string | null;
  status: 'dilaporkan' | 'ditangani' | 'selesai';
  reported: string;
  resolved: string | null;
}

const testCase = fc
  .record({
    household: fc.constantFrom(...DISTRICT_OF.keys()),
    channel: fc.constantFrom(...SPELLINGS),
    open: fc.constantFrom('dilaporkan', 'ditangani', null),
    reported: fc.integer({ min: 0, max: 150 }),
    takes: fc.integer({ min: 0, max: 70 }),
  })
  .map(
    (c): TestCase => ({
      household: c.household,
      channel: c.channel,
      status: c.open ?? 'selesai',
      reported: iso(c.reported),
      resolved: c.open ? null : iso(c.reported + c.takes),
    }),
  );

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** The figures recomputed in plain JS from the semantics in channel-results.ts. */
function expected(cases: readonly TestCase[], district: string | null, month: string | null): ChannelRow[] {
  const start = month ? `${month}-01` : '';
  const [y, m] = (month ?? '0-0').split('-').map(Number);
  const last = month ? new Date(Date.UTC(y as number, m as number, 0)).toISOString().slice(0, 10) : '';
  const groups = new Map<
    string | null,
    { cases: TestCase[]; ref: number; res: number; open: number; d: number[] }
  >();
  for (const c of cases) {
    if (district && DISTRICT_OF.get(c.household) !== district) continue;
    const done = c.status === 'selesai';
    const ref = month ? c.reported >= start && c.reported <= last : true;
    const res = month ? done && c.resolved !== null && c.resolved >= start && c.resolved <= last : done;
    const open = month ? c.reported <= last && (c.resolved === null || c.resolved > last) : !done;
    if (!ref && !res && !open) continue;
    const key = c.channel === null ? null : channelKey(c.channel) || null;
    const g = groups.get(key) ?? { cases: [], ref: 0, res: 0, open: 0, d: [] };
    groups.set(key, g);
    g.cases.push(c);
    g.ref += ref ? 1 : 0;
    g.res += res ? 1 : 0;
    g.open += open ? 1 : 0;
    if (res && c.resolved) g.d.push(days(c.reported, c.resolved));
  }
  // A value's label: its first spelling over all cases (not only the filtered ones).
  const label = (key: string | null) =>
    cases
      .filter((c) => c.channel !== null && channelKey(c.channel) === key)
      .map((c) => (c.channel ?? '').replace(/[\t\n\v\f\r \u00a0]+/g, ' ').trim())
      .sort()[0] ?? null;
  return [...groups].map(([key, g]) => {
    return row(
      key,
      key === null ? null : label(key),
      g.ref,
      g.res,
      g.open,
      new Set(g.cases.map((c) => c.household)).size,
      median(g.d),
    );
  });
}

async function replaceCases(cases: readonly TestCase[]): Promise<void> {
  await db.queryTable('DELETE FROM cases');
  if (cases.length === 0) return;
  const values = cases.map(
    (c, i) =>
      `(${literal(`R${i}`)}, ${literal(c.household)}, 'rtlh', ${literal(c.status)}, ${literal(c.reported)}::DATE, ${
        c.resolved ? `${literal(c.resolved)}::DATE` : 'NULL'
      }, ${c.channel === null ? 'NULL' : literal(c.channel)})`,
  );
  await db.queryTable(
    `INSERT INTO cases (case_id, household_id, need, status, reported_at, resolved_at, channel) VALUES ${values.join(', ')}`,
  );
}

describe('channel results SQL against a plain recomputation', () => {
  it('property: same figures for any district and month; referred = resolved + open all time; stock and flow agree by month', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(testCase, { maxLength: 25 }),
        fc.constantFrom(null, '17.01.04', '17.01.05'),
        fc.constantFrom(null, '2025-01', '2025-02', '2025-03', '2025-05', '2025-06', '2025-09'),
        async (cases, district, month) => {
          await replaceCases(cases);
          const got = await channelResults(db, { district, month });
          expect(byKey(got)).toEqual(byKey(expected(cases, district, month)));
          const all = await channelResults(db, { district, month: null });
          for (const r of all) expect(r.referred).toBe(r.resolved + r.open);
          const series = await channelMonths(db, district);
          const previous = new Map<string | null, number>();
          for (const m of series) {
            expect(m.open).toBe((previous.get(m.key) ?? 0) + m.referred - m.resolved);
            previous.set(m.key, m.open);
          }
          // The last month's open cases are all the open cases.
          for (const r of all) expect(previous.get(r.key)).toBe(r.open);
          if (month && series.some((m) => m.month === month)) {
            // One month's figures are that month's cells of the series (the median aside).
            const figures = (r: ChannelRow | ChannelMonthRow) => [
              r.key,
              r.referred,
              r.resolved,
              r.open,
              r.households,
            ];
            const cells = series.filter((m) => m.month === month && m.households > 0);
            expect(byKey(got).map(figures)).toEqual(
              byKey(cells.map((c) => ({ ...c, median_days: null }))).map(figures),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
