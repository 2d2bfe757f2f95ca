/**
 * The demo with small villages: three kecamatan of the demo, four of their villages cut down to 1–2 households
 * (their cases with them). Published and opened again: small villages hidden (rows present, figures empty),
 * nothing hidden can be pinned by the LP attacker, and every shown village's figures equal the household-level
 * ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CollectedFigures, collectFigures } from '../../../src/core/aggregates/collect';
import {
  FIGURE_COLUMNS,
  FIGURES_FILE,
  MONTH_COLUMNS,
  MONTHS_FILE,
} from '../../../src/core/aggregates/format';
import { type AggregateReport, HIDDEN_VILLAGES_SQL } from '../../../src/core/aggregates/load-aggregates';
import { protectAggregates } from '../../../src/core/aggregates/suppress';
import { SUPPRESSED_COLOR } from '../../../src/core/map/palette';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { programmeFromVillageFigures } from '../../../src/features/innovation/data/programme-figures';
import { MAP_THEMES, themeFills } from '../../../src/features/innovation/map-themes';
import { periodMeasuresSql } from '../../../src/features/planner/data/planner-period';
import {
  type AreaMeasures,
  DEFAULT_WEIGHTS,
  NO_FILTERS,
  villageMeasuresSql,
} from '../../../src/features/planner/data/planner-queries';
import { attackPublished, readCsv } from './attack-files';
import { openPublished, publishTexts, readText } from './publish-helpers';

const DISTRICTS = ['17.01.01', '17.01.02', '17.01.10'];
/** Village → households kept. */
const SMALL = new Map([
  ['17.01.01.2001', 1],
  ['17.01.01.2002', 2],
  ['17.01.02.2004', 2],
  ['17.01.10.2004', 1],
]);

/** The demo's households of DISTRICTS, SMALL villages cut down; cases of the households kept. */
function thinnedDemo() {
  const [head, ...lines] = readText('data/demo/households.csv').trimEnd().split('\n');
  const seen = new Map<string, number>();
  const kept = lines.filter((line) => {
    const code = line.split(',')[1] ?? '';
    if (!DISTRICTS.some((d) => code.startsWith(`${d}.`))) return false;
    const n = (seen.get(code) ?? 0) + 1;
    seen.set(code, n);
    return n <= (SMALL.get(code) ?? Number.POSITIVE_INFINITY);
  });
  const ids = new Set(kept.map((line) => line.split(',')[0]));
  const [caseHead, ...cases] = readText('data/demo/cases.csv').trimEnd().split('\n');
  return {
    households: `${head}\n${kept.join('\n')}\n`,
    agents: readText('data/demo/agents.csv'),
    cases: `${caseHead}\n${cases.filter((line) => ids.has(line.split(',')[1])).join('\n')}\n`,
  };
}

let household: SqlClient;
let aggregate: SqlClient;
let files: Record<string, string>;
let hidden: ReadonlySet<string>;
let truth: CollectedFigures;
let report: AggregateReport;

beforeAll(async () => {
  const published = await publishTexts(thinnedDemo());
  household = published.db;
  files = published.outcome.files;
  hidden = published.outcome.hidden;
  truth = await collectFigures(household);
  const opened = await openPublished(files);
  aggregate = opened.db;
  report = opened.report;
}, 300_000);

describe('aggregate dataset with small villages', () => {
  it('hides every small village (and more), their rows present with every figure empty in both files', () => {
    for (const [code, n] of SMALL) {
      expect(truth.villages.find((v) => v.village_code === code)?.figures.households).toBe(n);
      expect(hidden.has(code)).toBe(true);
    }
    expect(hidden.size).toBeGreaterThan(SMALL.size);
    const figures = readCsv(files[FIGURES_FILE] ?? '');
    expect(figures.map((r) => r.village_code)).toEqual(truth.villages.map((v) => v.village_code));
    for (const r of figures)
      expect(FIGURE_COLUMNS.every((c) => r[c] === '')).toBe(hidden.has(r.village_code ?? ''));
    const months = readCsv(files[MONTHS_FILE] ?? '');
    expect(months).toHaveLength(truth.months.length * truth.villages.length);
    for (const r of months)
      expect(MONTH_COLUMNS.every((c) => r[c] === '')).toBe(hidden.has(r.village_code ?? ''));
    expect(report.hiddenVillages).toEqual([...hidden].sort());
    expect(report.issueCount).toBe(0);
  });

  it('no hidden figure can be pinned, even knowing the true kecamatan and regency totals of every column', () => {
    const suppression = protectAggregates(truth.villages, truth.months);
    expect([...suppression.hidden].sort()).toEqual([...hidden].sort());
    expect(
      attackPublished(files[FIGURES_FILE] ?? '', files[MONTHS_FILE] ?? '', truth.villages, suppression),
    ).toEqual([]);
  });

  it('shown villages read as in the household data; hidden ones have NULL figures in the cube', async () => {
    const q = { weights: DEFAULT_WEIGHTS, filters: NO_FILTERS, month: null };
    const h = await queryRows<AreaMeasures>(household, villageMeasuresSql(q));
    const a = await queryRows<AreaMeasures>(aggregate, villageMeasuresSql(q));
    expect(a.map((r) => r.code)).toEqual(h.map((r) => r.code));
    a.forEach((row, i) => {
      if (hidden.has(row.code)) {
        expect(row.households).toBe(0);
        expect(row.c_any).toBe(0);
      } else expect(row).toEqual(h[i]);
    });
    const cube = await queryRows<{ village_code: string; n: number | null; s_any: number | null }>(
      aggregate,
      'SELECT village_code, n, s_any FROM planner_cube ORDER BY village_code',
    );
    expect(cube.filter((r) => r.n === null && r.s_any === null).map((r) => r.village_code)).toEqual(
      [...hidden].sort(),
    );
    const listed = await queryRows<{ village_code: string }>(aggregate, HIDDEN_VILLAGES_SQL);
    expect(listed.map((r) => r.village_code)).toEqual([...hidden].sort());
  });

  it("Inovasi's village figures mark exactly the hidden villages, and their map sheet greys them as hidden", async () => {
    const { villages } = await programmeFromVillageFigures(aggregate);
    expect(villages.filter((v) => v.hidden).map((v) => v.village_code)).toEqual([...hidden].sort());
    for (const theme of MAP_THEMES) {
      const fills = themeFills(villages, theme, { noData: 'no data', suppressed: 'hidden' }, String);
      for (const code of hidden) expect(fills.fillByCode.get(code)).toBe(SUPPRESSED_COLOR);
      expect(fills.suppressed).toBeGreaterThanOrEqual(hidden.size);
    }
  });

  it('shown villages have the household-level figures in every month', async () => {
    const sql = periodMeasuresSql({ weights: DEFAULT_WEIGHTS, filters: NO_FILTERS }, truth.months, 'village');
    const h = await queryRows<AreaMeasures & { period_month: string }>(household, sql);
    const a = await queryRows<AreaMeasures & { period_month: string }>(aggregate, sql);
    expect(a.length).toBe(h.length);
    const shown = (rows: typeof a) => rows.filter((r) => !hidden.has(r.code));
    expect(shown(a)).toEqual(shown(h));
    expect(shown(a).some((r) => r.c_any > 0)).toBe(true);
  });
});
