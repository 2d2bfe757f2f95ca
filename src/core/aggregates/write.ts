/**
 * The aggregate dataset's files as text: the two CSV files (hidden villages with empty figures) and the
 * manifest. Plain comma-separated, LF, no quoting: every cell is a village code, a month or an integer.
 */
import {
  AGGREGATE_FORMAT,
  AGGREGATE_VERSION,
  type AggregateManifest,
  FIGURE_COLUMNS,
  FIGURES_FILE,
  MONTH_COLUMNS,
  MONTHS_FILE,
  type MonthColumn,
} from './format';
import type { VillageRow } from './suppress';

const line = (cells: readonly (string | number)[]) => `${cells.join(',')}\n`;

/** village-figures.csv: one row per village, in the order given; a hidden village's figures empty. */
export function figuresCsv(villages: readonly VillageRow[], hidden: ReadonlySet<string>): string {
  let out = line(['village_code', ...FIGURE_COLUMNS]);
  for (const v of villages) {
    const shown = !hidden.has(v.village_code);
    out += line([v.village_code, ...FIGURE_COLUMNS.map((c) => (shown ? v.figures[c] : ''))]);
  }
  return out;
}

const ZERO = Object.fromEntries(MONTH_COLUMNS.map((c) => [c, 0])) as Record<MonthColumn, number>;

/** village-months.csv: every month × every village (zeros written), a hidden village's figures empty. */
export function monthsCsv(
  villages: readonly VillageRow[],
  months: readonly string[],
  hidden: ReadonlySet<string>,
): string {
  let out = line(['month', 'village_code', ...MONTH_COLUMNS]);
  for (const month of months) {
    for (const v of villages) {
      const row = hidden.has(v.village_code) ? null : (v.months.get(month) ?? ZERO);
      out += line([month, v.village_code, ...MONTH_COLUMNS.map((c) => (row ? row[c] : ''))]);
    }
  }
  return out;
}

export type ManifestFields = Pick<
  AggregateManifest,
  'name' | 'date' | 'thresholdM' | 'minGroup' | 'synthetic' | 'tables' | 'months' | 'hiddenVillages'
>;

export function manifestJson(fields: ManifestFields, created: Date): string {
  const manifest: AggregateManifest = {
    format: AGGREGATE_FORMAT,
    version: AGGREGATE_VERSION,
    name: fields.name,
    date: fields.date,
    created: created.toISOString(),
    thresholdM: fields.thresholdM,
    minGroup: fields.minGroup,
    synthetic: fields.synthetic,
    files: { figures: FIGURES_FILE, months: MONTHS_FILE },
    tables: fields.tables,
    months: fields.months,
    hiddenVillages: fields.hiddenVillages,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
