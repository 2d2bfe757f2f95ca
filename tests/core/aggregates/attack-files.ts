/**
 * The disclosure attack on a published aggregate dataset, with the LP attacker (tests/helpers/disclosure-attacker):
 * the attacker reads the two CSV files back and, beyond them, knows the TRUE total of every column for every
 * kecamatan and for the regency (as if published elsewhere), except the totals the suppression said must be
 * withheld. Without those totals the files alone say nothing about a hidden village but that it has a household;
 * with them this is the strongest attacker the suppression claims to withstand. Column by column, each hidden
 * village's feasible range must not pin it: a small group's size keeps a range with a value below 3 and one at
 * or above, at least three wide; every other hidden figure at least two values wide — except in a column whose
 * kecamatan total is 0 (then every village in it is 0, which the total alone says).
 */

import { FIGURE_COLUMNS, MONTH_COLUMNS } from '../../../src/core/aggregates/format';
import type { AggregateSuppression, VillageRow } from '../../../src/core/aggregates/suppress';
import { isSmallGroup } from '../../../src/core/privacy/small-groups';
import { attack, type Fact } from '../../helpers/disclosure-attacker';

/** The CSV text as its reader sees it: rows of header → cell ('' = empty). */
export function readCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const keys = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

export interface Breach {
  village: string;
  column: string;
  range: { lo: number; hi: number };
}

/**
 * Every hidden figure the attacker can pin (none for a safe publication). `truth` gives the villages' true
 * figures and kecamatan (the attacker's known totals are computed from it); `districtOf` is the gazetteer.
 */
export function attackPublished(
  figuresText: string,
  monthsText: string,
  truth: readonly VillageRow[],
  suppression: AggregateSuppression,
): Breach[] {
  const byCode = new Map(truth.map((v) => [v.village_code, v]));
  const published = new Map<string, string>(); // `${column}|${village}` → cell
  const figures = readCsv(figuresText);
  for (const row of figures)
    for (const c of FIGURE_COLUMNS) published.set(`${c}|${row.village_code}`, row[c] ?? '');
  const months = [...new Set(readCsv(monthsText).map((r) => r.month ?? ''))];
  for (const row of readCsv(monthsText))
    for (const c of MONTH_COLUMNS) published.set(`${row.month}:${c}|${row.village_code}`, row[c] ?? '');
  const trueValue = (v: VillageRow, column: string): number => {
    const [month, c] = column.includes(':') ? column.split(':') : [null, column];
    if (month === null) return v.figures[c as (typeof FIGURE_COLUMNS)[number]];
    return v.months.get(month as string)?.[c as (typeof MONTH_COLUMNS)[number]] ?? 0;
  };
  const columns = [...FIGURE_COLUMNS, ...months.flatMap((m) => MONTH_COLUMNS.map((c) => `${m}:${c}`))];
  const villages = figures.map((r) => byCode.get(r.village_code ?? '') as VillageRow);
  const districts = [...new Set(villages.map((v) => v.district_code))];
  const breaches: Breach[] = [];
  for (const column of columns) {
    const unknowns: string[] = [];
    const facts: Fact[] = [];
    const regencyTerms: Record<string, number> = {};
    let regencyKnown = 0;
    let regencyTotal = 0;
    const districtTotal = new Map<string, number>();
    for (const d of districts) {
      const members = villages.filter((v) => v.district_code === d);
      const total = members.reduce((s, v) => s + trueValue(v, column), 0);
      districtTotal.set(d, total);
      regencyTotal += total;
      const terms: Record<string, number> = {};
      let visible = 0;
      for (const v of members) {
        const cell = published.get(`${column}|${v.village_code}`) ?? '';
        if (cell === '') {
          unknowns.push(`v:${v.village_code}`);
          terms[`v:${v.village_code}`] = 1;
        } else visible += Number(cell);
      }
      if (suppression.withheldDistricts.has(d)) {
        unknowns.push(`d:${d}`);
        terms[`d:${d}`] = -1;
        regencyTerms[`d:${d}`] = 1;
        facts.push({ terms, equal: -visible });
      } else {
        regencyKnown += total;
        if (Object.keys(terms).length > 0) facts.push({ terms, equal: total - visible });
      }
    }
    if (!suppression.totalWithheld && Object.keys(regencyTerms).length > 0)
      facts.push({ terms: regencyTerms, equal: regencyTotal - regencyKnown });
    const hiddenVillages = unknowns.filter((u) => u.startsWith('v:'));
    if (hiddenVillages.length === 0) continue;
    const strict = column === 'households';
    const floors = Object.fromEntries(unknowns.map((u) => [u, strict ? 1 : 0]));
    const ranges = attack(unknowns, facts, floors);
    if (ranges === null) throw new Error(`the published facts of ${column} contradict each other`);
    for (const u of hiddenVillages) {
      const v = byCode.get(u.slice(2)) as VillageRow;
      const range = ranges.get(u) as { lo: number; hi: number };
      if (!strict && districtTotal.get(v.district_code) === 0) continue;
      const safe =
        strict && isSmallGroup(v.figures.households)
          ? range.lo < 3 && range.hi >= 3 && range.hi - range.lo >= 2
          : range.hi > range.lo;
      if (!safe) breaches.push({ village: v.village_code, column, range });
    }
  }
  return breaches;
}
