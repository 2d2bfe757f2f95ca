import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import type {
  DistrictResult,
  MonthResult,
  NeedResult,
  ProgrammeResults,
} from '../../../src/features/innovation/data/innovation-programme';
import {
  type PublishedProgramme,
  publishProgramme,
} from '../../../src/features/innovation/data/programme-suppression';
import { attack, type Fact } from '../../helpers/disclosure-attacker';
import { attackerCannotPin } from '../../helpers/protection';

const NEEDS = ['health', 'disaster', 'housing', 'documents', 'school', 'sanitation', 'other', 'bpjs'];

const need = fc
  .record({
    households: fc.integer({ min: 1, max: 40 }),
    extra: fc.nat(30),
    resolvedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ households, extra, resolvedShare }) => {
    const reported = households + (households <= 2 ? Math.min(extra, 6) : extra);
    return { households, reported, resolved: Math.floor(reported * resolvedShare) };
  });

const month = fc.record({
  households: fc.integer({ min: 1, max: 30 }),
  reported: fc.nat(40),
  resolved: fc.nat(40),
});

const district = fc
  .record({
    households: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 300 })),
    reachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reported: fc.nat(60),
    resolved: fc.nat(60),
  })
  .map((d) => ({
    households: d.households,
    families_reached: Math.floor(d.households * d.reachedShare),
    coverage_pct: d.households > 0 ? (100 * Math.floor(d.households * d.coveredShare)) / d.households : null,
    reported: d.reported,
    resolved: Math.min(d.resolved, d.reported),
  }));

const programme = fc
  .record({
    needs: fc.array(need, { minLength: 1, maxLength: 8 }),
    months: fc.array(month, { minLength: 1, maxLength: 12 }),
    districts: fc.array(district, { minLength: 1, maxLength: 11 }),
  })
  .map(({ needs, months, districts }): ProgrammeResults => {
    const n: NeedResult[] = needs.map((x, i) => ({ ...x, need: NEEDS[i] as string, median_days: 4 }));
    const m: MonthResult[] = months.map((x, i) => ({
      ...x,
      month: `2025-${String(i + 1).padStart(2, '0')}`,
    }));
    const d: DistrictResult[] = districts.map((x, i) => ({
      ...x,
      district_code: `17.01.${i}`,
      district_name: `K${i}`,
      agents_active: 3,
      median_days: 5,
    }));
    const sum = (rows: { reported: number; resolved: number }[], k: 'reported' | 'resolved') =>
      rows.reduce((s, r) => s + r[k], 0);
    return {
      summary: {
        agents_active: 30,
        households: d.reduce((s, r) => s + r.households, 0),
        families_reached: d.reduce((s, r) => s + (r.families_reached ?? 0), 0),
        coverage_pct: 50,
        cases_reported: sum(n, 'reported'),
        cases_resolved: sum(n, 'resolved'),
        households_with_cases: 0,
        median_days: 4,
        first_report: null,
        last_report: null,
      },
      needs: n,
      months: m,
      districts: d,
    };
  });

/**
 * What a reader of the needs table and the headline figures knows, as facts for the attacker: the
 * visible rows, the totals, cases resolved never exceed cases reported, and a listed need has a case.
 */
function needFacts(pub: PublishedProgramme) {
  const hidden = pub.needs.filter((n) => n.suppressed).map((n) => n.need);
  const unknowns = hidden.flatMap((n) => [`rep:${n}`, `res:${n}`]);
  const floors = Object.fromEntries(hidden.map((n) => [`rep:${n}`, 1]));
  const facts: Fact[] = hidden.map((n) => ({ terms: { [`res:${n}`]: 1, [`rep:${n}`]: -1 }, max: 0 }));
  const visible = (k: 'reported' | 'resolved') => pub.needs.reduce((s, n) => s + (n[k] ?? 0), 0);
  if (pub.summary.cases_reported !== null)
    facts.push({
      terms: Object.fromEntries(hidden.map((n) => [`rep:${n}`, 1])),
      equal: pub.summary.cases_reported - visible('reported'),
    });
  if (pub.summary.cases_resolved !== null)
    facts.push({
      terms: Object.fromEntries(hidden.map((n) => [`res:${n}`, 1])),
      equal: pub.summary.cases_resolved - visible('resolved'),
    });
  return { unknowns, facts, floors };
}

describe('programme figures as published (PDF report, presentation, panel)', () => {
  it('finding 4: PDF totals minus visible needs cannot recover a hidden need', () => {
    fc.assert(
      fc.property(programme, (p) => {
        const pub = publishProgramme(p);
        const { unknowns, facts, floors } = needFacts(pub);
        const ranges = attack(unknowns, facts, floors);
        expect(ranges).not.toBeNull();
        for (const n of p.needs) {
          const row = pub.needs.find((x) => x.need === n.need);
          if (isSmallGroup(n.households)) expect(row?.suppressed).toBe(true);
          if (!row?.suppressed) continue;
          const primary = isSmallGroup(n.households);
          for (const key of ['rep', 'res']) {
            // Cases reported are held to the small-group range; cases resolved only to "not pinned",
            // unless no case at all was resolved (then the total says it of every need).
            const strict = key === 'rep';
            if (!strict && p.summary.cases_resolved === 0) continue;
            const r = ranges?.get(`${key}:${n.need}`);
            expect(r && attackerCannotPin(r, primary, strict), `${key}:${n.need} ${JSON.stringify(r)}`).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finding 4: a hidden kecamatan or month cannot be recovered from the totals either', () => {
    fc.assert(
      fc.property(programme, (p) => {
        const pub = publishProgramme(p);
        // Each table's cases add up to the headline totals (in real data they are the same cases).
        const shownTotal = (
          rows: readonly { reported: number | null; resolved: number | null }[],
          k: 'reported' | 'resolved',
        ) =>
          pub.summary[k === 'reported' ? 'cases_reported' : 'cases_resolved'] === null
            ? null
            : rows.reduce((s, r) => s + (r[k] ?? 0), 0);
        const tables = [
          {
            rows: pub.districts,
            source: p.districts,
            columns: ['households', 'families_reached', 'reported', 'resolved'] as const,
            strict: ['households'],
            totals: {
              households: pub.summary.households,
              families_reached: pub.summary.families_reached,
              reported: shownTotal(p.districts, 'reported'),
              resolved: shownTotal(p.districts, 'resolved'),
            },
          },
          {
            rows: pub.months,
            source: p.months,
            columns: ['reported', 'resolved'] as const,
            strict: ['reported'],
            totals: {
              reported: shownTotal(p.months, 'reported'),
              resolved: shownTotal(p.months, 'resolved'),
            },
          },
        ];
        for (const table of tables) {
          const hidden = table.rows.map((r, i) => (r.suppressed ? i : -1)).filter((i) => i >= 0);
          for (const col of table.columns) {
            const total = (table.totals as Record<string, number | null>)[col];
            const unknowns = hidden.map((i) => `${col}:${i}`);
            const shown = table.rows.reduce(
              (s, r) => s + (((r as Record<string, unknown>)[col] as number | null) ?? 0),
              0,
            );
            const facts: Fact[] =
              total === null || total === undefined
                ? []
                : [{ terms: Object.fromEntries(unknowns.map((u) => [u, 1])), equal: total - shown }];
            const ranges = attack(unknowns, facts);
            const strict = table.strict.includes(col);
            const sum = table.source.reduce(
              (s, r) => s + ((r as unknown as Record<string, number>)[col] ?? 0),
              0,
            );
            if (!strict && sum === 0) continue; // the total alone says every row is 0
            hidden.forEach((i) => {
              const primary = isSmallGroup((table.source[i] as { households: number }).households);
              const r = ranges?.get(`${col}:${i}`);
              expect(r && attackerCannotPin(r, primary, strict), `${col}:${i} ${JSON.stringify(r)}`).toBe(
                true,
              );
            });
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('labels nothing as a small number: hidden rows carry no value at all', () => {
    const p = fc.sample(programme, { seed: 4, numRuns: 1 })[0] as ProgrammeResults;
    const pub = publishProgramme({
      ...p,
      needs: [
        { need: 'health', households: 2, reported: 4, resolved: 1, median_days: 3 },
        { need: 'housing', households: 30, reported: 50, resolved: 20, median_days: 9 },
        { need: 'school', households: 12, reported: 15, resolved: 5, median_days: 9 },
      ],
    });
    const health = pub.needs.find((n) => n.need === 'health');
    expect(health).toMatchObject({ suppressed: true, reported: null, resolved: null, households: null });
    // A second need is hidden with it, so the total minus the visible one leaves two unknowns.
    expect(pub.needs.filter((n) => n.suppressed).length).toBeGreaterThanOrEqual(2);
  });
});
