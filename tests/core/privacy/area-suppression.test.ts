import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS } from '../../../src/core/classify/classify';
import { type ExportColumn, toCsv } from '../../../src/core/export/table-export';
import { SUPPRESSED_COLOR } from '../../../src/core/map/palette';
import { blankHiddenAreas, protectVillages } from '../../../src/core/privacy/area-suppression';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import { choropleth } from '../../../src/features/planner/choropleth';
import type { AreaStat } from '../../../src/features/planner/data/planner-queries';
import { RAMP_NAMES, type RampName } from '../../../src/features/planner/planner-layers';
import { filterSortRows } from '../../../src/features/planner/planner-table';
import { attack, type Fact } from '../../helpers/disclosure-attacker';
import { attackerCannotPin } from '../../helpers/protection';

type Row = AreaStat & { value: number | null };

const village = fc
  .record({
    households: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 80 })),
    needShare: fc.double({ min: 0, max: 1, noNaN: true }),
    coverShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ households, needShare, coverShare }) => ({
    households,
    count: Math.floor(households * needShare),
    covered: Math.floor(households * coverShare),
  }));

/** Villages of a regency (kecamatan 17.01.0d), with the kecamatan rows summed as the SQL does. */
const regency = fc
  .array(fc.array(village, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((districts) => {
    const stat = (code: string, district: string, h: number, count: number, covered: number): Row => ({
      code,
      name: `N${code}`,
      district_code: district,
      district_name: `K${district}`,
      area_km2: 10,
      households: h,
      count,
      known: h,
      rate: h > 0 ? (100 * count) / h : null,
      density: h > 0 ? count / 10 : null,
      coverage_pct: h > 0 ? (100 * covered) / h : null,
      value: h > 0 ? count : null,
    });
    const villages: Row[] = [];
    const kecamatan: Row[] = [];
    districts.forEach((list, d) => {
      const dc = `17.01.0${d}`;
      list.forEach((v, i) => {
        villages.push(stat(`${dc}.20${i}`, dc, v.households, v.count, v.covered));
      });
      const sum = (k: 'households' | 'count' | 'covered') => list.reduce((s, v) => s + v[k], 0);
      kecamatan.push(stat(dc, dc, sum('households'), sum('count'), sum('covered')));
    });
    return { villages, kecamatan };
  });

const COLUMNS: ExportColumn[] = ['code', 'district_code', 'households', 'count', 'coverage_pct'].map(
  (key) => ({
    key,
    header: key,
    kind: key.endsWith('code') ? 'text' : 'number',
  }),
);

/** An export as its reader sees it: the CSV parsed back, an empty cell being null. */
function readCsv(text: string) {
  const [head, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const keys = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Record<string, string | number | null> = {};
    keys.forEach((k, i) => {
      const c = cells[i] ?? '';
      row[k] = k.endsWith('code') ? c : c === '' ? null : Number(c);
    });
    return row;
  });
}

describe('planner exports (kecamatan and village level, same filters)', () => {
  it('finding 4: kecamatan export minus villages cannot recover a blanked village', () => {
    fc.assert(
      fc.property(regency, ({ villages, kecamatan }) => {
        const s = protectVillages(villages);
        const published = (rows: Row[], hidden: ReadonlySet<string>) =>
          readCsv(
            toCsv(
              COLUMNS,
              blankHiddenAreas(
                rows.filter((r) => r.households > 0),
                hidden,
              ) as unknown as Record<string, unknown>[],
            ),
          );
        const vOut = published(villages, s.villages);
        const kOut = published(kecamatan, s.districts);
        const total = (k: 'households' | 'count' | 'covered') =>
          kecamatan.reduce(
            (a, r) => a + (k === 'covered' ? ((r.coverage_pct ?? 0) * r.households) / 100 : r[k]),
            0,
          );
        for (const col of ['households', 'count', 'covered'] as const) {
          // households covered = coverage % × households, for anyone who multiplies two columns
          const read = (r: Record<string, string | number | null>) =>
            col === 'covered'
              ? r.coverage_pct === null
                ? null
                : Math.round(((r.coverage_pct as number) * (r.households as number)) / 100)
              : (r[col] as number | null);
          const facts: Fact[] = [];
          const unknowns: string[] = [];
          const kTerms: Record<string, number> = {};
          let kKnown = 0;
          for (const k of kOut) {
            const kv = read(k);
            const kid = `k:${k.code}`;
            if (kv === null) {
              unknowns.push(kid);
              kTerms[kid] = 1;
            } else kKnown += kv;
            const terms: Record<string, number> = kv === null ? { [kid]: -1 } : {};
            let known = 0;
            for (const v of vOut.filter((x) => x.district_code === k.code)) {
              const vv = read(v);
              if (vv === null) {
                unknowns.push(`v:${v.code}`);
                terms[`v:${v.code}`] = 1;
              } else known += vv;
            }
            facts.push({ terms, equal: (kv ?? 0) - known });
          }
          // The regency total is on screen (key figures) unless withheld.
          if (!s.totalHidden) facts.push({ terms: kTerms, equal: Math.round(total(col)) - kKnown });
          const floors = col === 'households' ? Object.fromEntries(unknowns.map((u) => [u, 1])) : {};
          const ranges = attack(unknowns, facts, floors);
          expect(ranges).not.toBeNull();
          // Group sizes get the small-group range; the other figures must not be pinned, unless their
          // total is 0 (then it says so of every household under it).
          const strict = col === 'households';
          const truth = (r: Row) =>
            col === 'covered' ? Math.round(((r.coverage_pct ?? 0) * r.households) / 100) : r[col];
          const byCode = new Map(kecamatan.map((k) => [k.code, k]));
          for (const v of villages.filter((x) => isSmallGroup(x.households))) {
            if (!strict && truth(byCode.get(v.district_code) as Row) === 0) continue;
            const r = ranges?.get(`v:${v.code}`);
            expect(r && attackerCannotPin(r, true, strict), `${col} v:${v.code} ${JSON.stringify(r)}`).toBe(
              true,
            );
          }
          for (const k of kecamatan.filter((x) => isSmallGroup(x.households))) {
            if (!strict && Math.round(total(col)) === 0) continue;
            const r = ranges?.get(`k:${k.code}`);
            expect(r && attackerCannotPin(r, true, strict), `${col} k:${k.code} ${JSON.stringify(r)}`).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('planner export rows', () => {
  it('a hidden area passes no numeric filter and sorts last, so neither reveals its figures', () => {
    fc.assert(
      fc.property(regency, fc.integer({ min: 0, max: 80 }), ({ villages }, at) => {
        const hidden = protectVillages(villages).villages;
        const rows = blankHiddenAreas(
          villages.filter((v) => v.households > 0),
          hidden,
        );
        const filtered = filterSortRows(rows, { households: { op: '>=', value: at } }, 'count', 'desc');
        expect(filtered.some((r) => hidden.has(r.code))).toBe(false);
        const sorted = filterSortRows(rows, {}, 'count', 'asc');
        const firstHidden = sorted.findIndex((r) => hidden.has(r.code));
        if (firstHidden >= 0) expect(sorted.slice(firstHidden).every((r) => hidden.has(r.code))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('planner map legend', () => {
  const format = (n: number, d: number) => n.toFixed(d);
  const methods = CLASS_METHODS.filter((m) => m !== 'manual');

  it('finding 4: legend bounds are computed without hidden areas, so they cannot reveal their values', () => {
    fc.assert(
      fc.property(
        regency,
        fc.constantFrom(...methods),
        fc.array(fc.nat(2), { minLength: 40, maxLength: 40 }),
        ({ villages }, method, other) => {
          const hidden = protectVillages(villages).villages;
          const legend = (rows: Row[]) => {
            const m = choropleth(rows, 'count', method, 4, [], RAMP_NAMES[0] as RampName, format, { hidden });
            return { labels: m.labels, counts: m.classification.counts, suppressed: m.suppressed };
          };
          // Another truth for every hidden area (still a valid small-group count) must give the same legend.
          const altered = villages.map((v, i) =>
            hidden.has(v.code) ? { ...v, count: Math.min(v.households, other[i] ?? 0) * 7 + 1 } : v,
          );
          expect(legend(altered)).toEqual(legend(villages));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hidden areas are grey and counted in their own legend entry', () => {
    const rows = fc.sample(regency, { seed: 9, numRuns: 1 })[0]?.villages ?? [];
    const hidden = new Set(
      rows
        .filter((r) => r.households > 0)
        .slice(0, 2)
        .map((r) => r.code),
    );
    const m = choropleth(rows, 'count', 'equal_interval', 3, [], RAMP_NAMES[0] as RampName, format, {
      hidden,
    });
    expect(m.suppressed).toBe(hidden.size);
    for (const code of hidden) expect(m.fillByCode.get(code)).toBe(SUPPRESSED_COLOR);
  });
});
