/**
 * The planner's channel filter against DuckDB: with a channel chosen, every figure — area rows (cube fast
 * paths bypassed), key figures, the period's rows, the histogram, the points and the village profile — equals a
 * plain recount of the hand-made cases of that channel, the channel's spellings ("TRC", "trc", "Trc",
 * "Bujang  Dusun", a tab, a no-break space) being one channel; with a month, the cases of that channel open at
 * the month's end.
 */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { preparePlannerTables } from '../../../../src/core/cube/tables';
import { channelKey, DEFAULT_CHANNEL_CONFIG } from '../../../../src/core/dataset/app-config';
import { queryRows, type SqlClient } from '../../../../src/core/sql/sql-client';
import { periodMeasures } from '../../../../src/features/planner/data/planner-period';
import {
  areaMeasures,
  channelLabel,
  DEFAULT_WEIGHTS,
  monthlyCases,
  NO_CHANNEL,
  NO_FILTERS,
  type PlannerNeed,
  type PlannerQuery,
  pickMeasure,
  plannerChannels,
  plannerTotals,
  villageNeedsSql,
  weightedPointsSql,
} from '../../../../src/features/planner/data/planner-queries';
import { filterPlaceNames } from '../../../../src/features/planner/export-about';
import { describeFilters } from '../../../../src/features/planner/map-sheet';
import { fixtureDb } from '../../../helpers/fixture-db';

const VILLAGES = `village_code,village_name,district_code,district_name,village_type,label_lon,label_lat,area_km2,population_2010
17.01.04.2001,Alpha,17.01.04,Manna,desa,102.90,-4.45,2.0,500
17.01.04.2002,Beta,17.01.04,Manna,desa,102.95,-4.45,4.0,700
17.01.05.1001,Gamma,17.01.05,Kota Manna,kelurahan,103.00,-4.45,1.0,900
`;
const HOUSEHOLDS = `id_keluarga_p3ke,kode_kemendagri,lon,lat,desil_kesejahteraan,id_agen,need_kesehatan,need_rtlh
H1,17.01.04.2001,102.90,-4.45,1,A1,1,1
H2,17.01.04.2001,102.90,-4.45,2,A1,0,0
H3,17.01.04.2001,102.90,-4.45,3,A2,1,0
H4,17.01.04.2001,102.90,-4.45,9,,0,1
H5,17.01.04.2002,102.95,-4.45,5,A3,,
H6,17.01.04.2002,102.95,-4.45,6,A2,0,1
`;
const AGENTS = `id_agen,nama_agen,jenis_pegawai,kode_desa_domisili,lon,lat,aktif
A1,Agen Satu,asn,17.01.04.2001,102.90,-4.45,1
A2,Agen Dua,pppk,17.01.04.2001,102.90,-4.45,1
A3,Agen Tiga,honorer,17.01.04.2002,102.95,-4.45,1
`;

interface Case {
  id: string;
  household: string;
  need: 'kesehatan' | 'rtlh';
  status: string;
  reported: string;
  resolved: string | null;
  channel: string;
}
const VILLAGE_OF: Record<string, string> = {
  H1: '17.01.04.2001',
  H2: '17.01.04.2001',
  H3: '17.01.04.2001',
  H4: '17.01.04.2001',
  H5: '17.01.04.2002',
  H6: '17.01.04.2002',
};
// Mixed spellings of one channel, a case without one, and a channel that is not configured (Dinsos).
const CASES: Case[] = [
  {
    id: 'C1',
    household: 'H1',
    need: 'kesehatan',
    status: 'selesai',
    reported: '2025-01-10',
    resolved: '2025-02-15',
    channel: 'TRC',
  },
  {
    id: 'C2',
    household: 'H1',
    need: 'rtlh',
    status: 'ditangani',
    reported: '2025-01-20',
    resolved: null,
    channel: 'trc',
  },
  {
    id: 'C3',
    household: 'H3',
    need: 'kesehatan',
    status: 'dilaporkan',
    reported: '2025-03-05',
    resolved: null,
    channel: 'TRC',
  },
  {
    id: 'C4',
    household: 'H6',
    need: 'rtlh',
    status: 'selesai',
    reported: '2025-02-01',
    resolved: '2025-02-20',
    channel: 'JSPS',
  },
  {
    id: 'C5',
    household: 'H4',
    need: 'rtlh',
    status: 'selesai',
    reported: '2025-02-10',
    resolved: '2025-04-01',
    channel: 'Trc',
  },
  {
    id: 'C6',
    household: 'H2',
    need: 'kesehatan',
    status: 'ditangani',
    reported: '2025-02-05',
    resolved: null,
    channel: '',
  },
  {
    id: 'C7',
    household: 'H5',
    need: 'kesehatan',
    status: 'dilaporkan',
    reported: '2025-01-15',
    resolved: null,
    channel: 'bujang  dusun',
  },
  {
    id: 'C8',
    household: 'H6',
    need: 'kesehatan',
    status: 'selesai',
    reported: '2025-01-05',
    resolved: '2025-03-10',
    channel: 'Bujang\tDusun',
  },
  {
    id: 'C9',
    household: 'H2',
    need: 'rtlh',
    status: 'dilaporkan',
    reported: '2025-03-20',
    resolved: null,
    channel: 'Dinsos\u00a0',
  },
  {
    id: 'C10',
    household: 'H4',
    need: 'kesehatan',
    status: 'ditangani',
    reported: '2025-02-25',
    resolved: null,
    channel: 'Bujang Dusun',
  },
];
const csvCell = (v: string) => (/[",\t\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const CASES_CSV = `id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor,tanggal_selesai,kanal,id_agen\n${CASES.map(
  (c) =>
    [c.id, c.household, c.need, c.status, c.reported, c.resolved ?? '', csvCell(c.channel), ''].join(','),
).join('\n')}\n`;

let db: SqlClient;
beforeAll(async () => {
  db = await fixtureDb({ villages: VILLAGES, households: HOUSEHOLDS, agents: AGENTS, cases: CASES_CSV });
  await db.queryTable(`CREATE OR REPLACE TABLE household_coverage AS
    SELECT h.rowid::INTEGER AS row_id, 3::UTINYINT AS agent_state, 0.0 AS agent_distance_m,
      NULL::INTEGER AS visit_age_days, false AS visits_recorded
    FROM households h`);
  await preparePlannerTables(db);
}, 60_000);

const MONTHS = [null, '2025-01', '2025-02', '2025-03', '2025-04', '2025-06'] as const;
const CHANNELS = ['trc', 'bujang dusun', 'jsps', 'dinsos', 'era gro', NO_CHANNEL];
const NEEDS: PlannerNeed[] = ['kesehatan', 'rtlh', 'any'];

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** The plain recount: the hand-made cases of the channel and the need (open at the month's end, with one). */
function casesOf(channel: string, need: PlannerNeed, month: string | null = null): Case[] {
  return CASES.filter((c) => channelKey(c.channel) === channel && (need === 'any' || c.need === need)).filter(
    (c) => {
      if (month === null) return true;
      const end = monthEnd(month);
      return c.reported <= end && (c.resolved === null || c.resolved > end);
    },
  );
}
type PerVillage = Record<'17.01.04.2001' | '17.01.04.2002' | '17.01.05.1001', number>;
/** Households with at least one of the cases, per village (Gamma has no households). */
const householdsPerVillage = (cases: Case[]): PerVillage => {
  const out: PerVillage = { '17.01.04.2001': 0, '17.01.04.2002': 0, '17.01.05.1001': 0 };
  for (const h of new Set(cases.map((c) => c.household))) out[VILLAGE_OF[h] as keyof PerVillage] += 1;
  return out;
};
const query = (channel: string | null, need: PlannerNeed, month: string | null): PlannerQuery => ({
  need,
  weights: DEFAULT_WEIGHTS,
  filters: { ...NO_FILTERS, channel },
  month,
});

describe('the channel key', () => {
  it('is the same in SQL (planner_cases.channel_key) as channelKey computes, NULL when blank', async () => {
    const rows = await queryRows<{ id: string; key: string | null }>(
      db,
      `SELECT c.case_id AS id, p.channel_key AS key FROM planner_cases p
       JOIN households h ON h.rowid = p.hid JOIN cases c USING (household_id)
       WHERE c.need = p.need AND c.reported_at = p.reported_at ORDER BY 1`,
    );
    const expected = Object.fromEntries(CASES.map((c) => [c.id, channelKey(c.channel) || null]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.key]))).toEqual(expected);
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(['trc', 'jsps', 'bujang dusun', 'dinsos', null]));
  });

  it('lists configured channels in order, then those found in the data, then no channel', async () => {
    const { options, anyCases } = await plannerChannels(db, DEFAULT_CHANNEL_CONFIG);
    expect(anyCases).toBe(true);
    expect(options.map((o) => [o.key, o.label, o.listed, o.cases])).toEqual([
      ['jsps', 'JSPS', true, 1],
      ['spada', 'SPADA', true, 0],
      ['trc', 'TRC', true, 4],
      ['bujang dusun', 'Bujang Dusun', true, 3],
      ['era gro', 'Era Gro', true, 0],
      ['dinsos', 'Dinsos', false, 1],
      [NO_CHANNEL, '', false, 1],
    ]);
    const named = await plannerChannels(db, [{ code: 'TRC', name: 'Tim Reaksi Cepat', description: null }]);
    expect(named.options[0]?.label).toBe('Tim Reaksi Cepat (TRC)');
    expect(channelLabel('trc')).toBe('Tim Reaksi Cepat (TRC)');
    expect(channelLabel('jsps')).toBe('JSPS'); // found in the data, not configured here
    // The exports' filters in words name the channel as the filter lists it.
    const t = ((key: string, values?: Record<string, string>) =>
      values ? `${key}(${Object.values(values).join('|')})` : key) as unknown as TFunction;
    const names = filterPlaceNames({ ...NO_FILTERS, channel: 'trc' }, []);
    expect(names.channel).toBe('Tim Reaksi Cepat (TRC)');
    expect(describeFilters({ ...NO_FILTERS, channel: 'trc' }, names, t)).toBe(
      'planner.export.filters(planner.channel.short: \u2068Tim Reaksi Cepat (TRC)\u2069)',
    );
  });
});

describe('with a channel chosen, the figures are a recount of its cases', () => {
  it('area rows (villages and kecamatan), all time and month by month', async () => {
    for (const channel of CHANNELS)
      for (const need of NEEDS)
        for (const month of MONTHS) {
          const rows = pickMeasure(await areaMeasures(db, query(channel, need, month), 'village'), need);
          const expected = householdsPerVillage(casesOf(channel, need, month));
          const label = `${channel} ${need} ${month}`;
          expect(Object.fromEntries(rows.map((r) => [r.code, r.count])), label).toEqual(expected);
          // Every household of a village is judged from its cases, so its status is known.
          expect(
            rows.map((r) => r.known),
            label,
          ).toEqual([4, 2, 0]);
          const districts = pickMeasure(
            await areaMeasures(db, query(channel, need, month), 'district'),
            need,
          );
          expect(
            districts.map((d) => d.count),
            label,
          ).toEqual([expected['17.01.04.2001'] + expected['17.01.04.2002'], 0]);
        }
  });

  it('key figures: households with the need and the cases reported, resolved and open', async () => {
    for (const channel of CHANNELS)
      for (const need of NEEDS)
        for (const month of MONTHS) {
          const totals = await plannerTotals(db, query(channel, need, month));
          const label = `${channel} ${need} ${month}`;
          const all = casesOf(channel, need);
          const end = month ? monthEnd(month) : null;
          const reported = all.filter((c) => end === null || c.reported <= end);
          const resolved = all.filter((c) => c.resolved !== null && (end === null || c.resolved <= end));
          expect(totals.households, label).toBe(6);
          expect(totals.count, label).toBe(
            new Set(casesOf(channel, need, month).map((c) => c.household)).size,
          );
          expect(totals.cases_reported, label).toBe(reported.length);
          expect(totals.cases_resolved, label).toBe(resolved.length);
          expect(totals.cases_open, label).toBe(reported.length - resolved.length);
        }
  });

  it('differs from the month cube (all channels), so the fast path is not taken', async () => {
    const all = await plannerTotals(db, query(null, 'any', '2025-02'));
    const trc = await plannerTotals(db, query('trc', 'any', '2025-02'));
    // End of February: H1 (C2), H2 (C6), H4 (C5, C10), H5 (C7), H6 (C8) open; of TRC only H1 and H4.
    expect(all.count).toBe(5);
    expect(trc.count).toBe(2);
  });

  it('the period, month by month, equals the recount', async () => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
    const period = await periodMeasures(
      db,
      { weights: DEFAULT_WEIGHTS, filters: { ...NO_FILTERS, channel: 'bujang dusun' } },
      months,
      'village',
    );
    period.forEach((rows, i) => {
      const expected = householdsPerVillage(casesOf('bujang dusun', 'kesehatan', months[i] as string));
      expect(Object.fromEntries(pickMeasure(rows, 'kesehatan').map((r) => [r.code, r.count]))).toEqual(
        expected,
      );
    });
  });

  it('the histogram counts only the channel’s cases', async () => {
    for (const channel of CHANNELS) {
      const bins = await monthlyCases(db, query(channel, 'any', null));
      const cases = casesOf(channel, 'any');
      expect(
        bins.reduce((s, b) => s + b.reported, 0),
        channel,
      ).toBe(cases.length);
      expect(
        bins.reduce((s, b) => s + b.resolved, 0),
        channel,
      ).toBe(cases.filter((c) => c.resolved).length);
    }
  });

  it('points and the village profile show the households with a case of the channel', async () => {
    for (const channel of CHANNELS)
      for (const month of MONTHS) {
        const q = query(channel, 'rtlh', month);
        const expected = householdsPerVillage(casesOf(channel, 'rtlh', month));
        const [points] = await queryRows<{ w: number | null }>(
          db,
          `SELECT sum(w)::DOUBLE AS w FROM (${weightedPointsSql(q)})`,
        );
        expect(points?.w ?? 0).toBe(expected['17.01.04.2001'] + expected['17.01.04.2002']);
        const needs = await queryRows<{ need: string; count: number }>(
          db,
          villageNeedsSql(q, '17.01.04.2001'),
        );
        expect(needs.find((n) => n.need === 'rtlh')?.count, `${channel} ${month}`).toBe(
          expected['17.01.04.2001'],
        );
      }
  });
});
