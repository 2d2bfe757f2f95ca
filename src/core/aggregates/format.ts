/**
 * The aggregate-only dataset (`npm run publish:aggregates`): village-level figures that may be public, in three
 * files beside each other.
 *
 * - `village-figures.csv`: one row per gazetteer village with households — households, households whose agent
 *   lives within the coverage distance, and per need the households with it (`s_<need>`) and those whose status
 *   of it is known (`k_<need>`), the same for any need (`s_any`, `k_any`). A hidden village's row is present with
 *   every figure empty.
 * - `village-months.csv`: per month (`YYYY-MM`) and published village, households with a case of each need still
 *   open at the end of the month (`o_<need>`, `o_any`): every month of the period, every village of the figures
 *   file; a hidden village's rows have every figure empty.
 * - `aggregates.json`: the manifest (AggregateManifest).
 *
 * These are the sums of the planner's cubes (planner/tables.ts) over decile and agent kind, so loading them
 * back gives the planner's village and kecamatan figures with no filter.
 */

import type { TableStatus } from '../dataset/table-status';
import { NEED_CODES, type NeedCode } from '../domain/schema';

export const AGGREGATE_FORMAT = 'gancang-aggregates';
export const AGGREGATE_VERSION = 1;

export const MANIFEST_FILE = 'aggregates.json';
export const FIGURES_FILE = 'village-figures.csv';
export const MONTHS_FILE = 'village-months.csv';

/** The figure columns of village-figures.csv after village_code, in file order. */
export const FIGURE_COLUMNS = [
  'households',
  'covered',
  ...NEED_CODES.flatMap((c) => [`s_${c}`, `k_${c}`] as const),
  's_any',
  'k_any',
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** The figure columns of village-months.csv after month and village_code. */
export const MONTH_COLUMNS = [...NEED_CODES.map((c) => `o_${c}` as const), 'o_any'] as const;
export type MonthColumn = (typeof MONTH_COLUMNS)[number];

/** A village's figures; null for a hidden village. */
export interface VillageFigures {
  village_code: string;
  figures: Record<FigureColumn, number> | null;
}

/** A village's cases open at the end of a month; null for a hidden village. */
export interface VillageMonth {
  month: string;
  village_code: string;
  figures: Record<MonthColumn, number> | null;
}

/** The needs a measure is published for: each need and any need (the composite score is their sum). */
export const MEASURES: readonly (NeedCode | 'any')[] = [...NEED_CODES, 'any'];

export interface AggregateManifest {
  format: typeof AGGREGATE_FORMAT;
  version: typeof AGGREGATE_VERSION;
  /** Shown in the header, e.g. "Data P3KE Bengkulu Selatan". */
  name: string;
  /** Date the data stands for, `YYYY-MM-DD`. */
  date: string;
  /** When the files were made (ISO 8601). */
  created: string;
  /** Coverage distance (m) behind `covered`. */
  thresholdM: number;
  /** Groups of fewer households are hidden. */
  minGroup: number;
  /** Synthetic (demo) data, labelled so wherever it is shown. */
  synthetic: boolean;
  /** The file names, relative to the manifest. */
  files: { figures: string; months: string };
  /** Which household-level tables the figures were made from: without agents `covered` means nothing, without cases there are no months. */
  tables: TableStatus;
  /** First and last month of village-months.csv; null without cases. */
  months: { first: string; last: string } | null;
  /** Villages whose figures are hidden (small groups and those hidden with them). */
  hiddenVillages: number;
}
