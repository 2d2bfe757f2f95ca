/**
 * A stronger attacker than attack-files.ts: all figure columns of the hidden villages at once, with the
 * relations every village's figures keep (s ≤ k ≤ households per measure, covered ≤ households, each need's
 * s and k ≤ those of any need, s_any ≤ Σ s), besides the true kecamatan and regency totals not withheld. No
 * hidden figure may be pinned by these either (the month columns are left out: the joint program grows with
 * every month).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FIGURE_COLUMNS, MEASURES } from '../../../src/core/aggregates/format';
import { protectAggregates, type VillageRow } from '../../../src/core/aggregates/suppress';
import { NEED_CODES } from '../../../src/core/domain/schema';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import { attack, type Fact } from '../../helpers/disclosure-attacker';
import { regency } from './generated-regency';

/** Facts per column: each kecamatan's hidden villages add up to its known total minus the visible ones. */
function totalFacts(villages: readonly VillageRow[], s: ReturnType<typeof protectAggregates>) {
  const unknowns: string[] = [];
  const facts: Fact[] = [];
  const floors: Record<string, number> = {};
  const districts = [...new Set(villages.map((v) => v.district_code))];
  for (const c of FIGURE_COLUMNS) {
    const regency: Record<string, number> = {};
    let known = 0;
    let total = 0;
    for (const d of districts) {
      const members = villages.filter((v) => v.district_code === d);
      const sum = members.reduce((a, v) => a + v.figures[c], 0);
      total += sum;
      const terms: Record<string, number> = {};
      let visible = 0;
      for (const v of members) {
        if (!s.hidden.has(v.village_code)) visible += v.figures[c];
        else {
          const u = `${c}|${v.village_code}`;
          unknowns.push(u);
          terms[u] = 1;
          floors[u] = c === 'households' ? 1 : 0;
        }
      }
      if (s.withheldDistricts.has(d)) {
        const u = `${c}|d:${d}`;
        unknowns.push(u);
        terms[u] = -1;
        regency[u] = 1;
        facts.push({ terms, equal: -visible });
      } else {
        known += sum;
        if (Object.keys(terms).length > 0) facts.push({ terms, equal: sum - visible });
      }
    }
    if (!s.totalWithheld && Object.keys(regency).length > 0)
      facts.push({ terms: regency, equal: total - known });
  }
  return { unknowns, facts, floors };
}

it('no hidden figure can be pinned with the relations between a village’s figures', () => {
  let withHidden = 0;
  fc.assert(
    fc.property(regency, (villages) => {
      const s = protectAggregates(villages, []);
      const hidden = villages.filter((v) => s.hidden.has(v.village_code));
      if (hidden.length === 0) return;
      withHidden++;
      const { unknowns, facts, floors } = totalFacts(villages, s);
      for (const v of hidden) {
        const u = (c: string) => `${c}|${v.village_code}`;
        const atLeast = (a: string, b: string) => facts.push({ terms: { [u(a)]: 1, [u(b)]: -1 }, min: 0 });
        for (const m of MEASURES) {
          atLeast(`k_${m}`, `s_${m}`);
          atLeast('households', `k_${m}`);
        }
        atLeast('households', 'covered');
        for (const n of NEED_CODES) {
          atLeast('s_any', `s_${n}`);
          atLeast('k_any', `k_${n}`);
        }
        facts.push({
          terms: { ...Object.fromEntries(NEED_CODES.map((n) => [u(`s_${n}`), 1])), [u('s_any')]: -1 },
          min: 0,
        });
      }
      const ranges = attack(unknowns, facts, floors);
      expect(ranges).not.toBeNull();
      for (const v of hidden)
        for (const c of FIGURE_COLUMNS) {
          const r = ranges?.get(`${c}|${v.village_code}`) as { lo: number; hi: number };
          const districtTotal = villages
            .filter((x) => x.district_code === v.district_code)
            .reduce((a, x) => a + x.figures[c], 0);
          if (c !== 'households' && districtTotal === 0) continue;
          const safe =
            c === 'households' && isSmallGroup(v.figures.households)
              ? r.lo < 3 && r.hi >= 3 && r.hi - r.lo >= 2
              : r.hi > r.lo;
          expect(safe, `${v.village_code} ${c} [${r.lo}, ${r.hi}]`).toBe(true);
        }
    }),
    { numRuns: 30 },
  );
  expect(withHidden).toBeGreaterThan(10);
});
