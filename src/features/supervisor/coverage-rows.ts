import type { AreaCoverage } from '../../core/coverage-engine';
import { type SortDirection, sortByKey } from '../../core/ui/sort-rows';

/** One row of the supervisor's table: a village or a kecamatan. */
export interface AreaRow {
  code: string;
  name: string;
  /** Kecamatan of a village row; the kecamatan itself for a kecamatan row. */
  districtCode: string;
  districtName: string;
  households: number;
  /** Terjangkau: near and visited within the window. */
  covered: number;
  coveragePct: number | null;
  /** Near, visited or not (distance only). */
  nearPct: number | null;
  /** Near but not visited within the window. */
  unvisited: number;
  medianM: number | null;
  p90M: number | null;
  residentAgents: number;
  needingAgent: number;
}

export interface AreaName {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

/** An engine figure, or null where it has none (NaN, or past the end). */
export const orNull = (v: number | undefined): number | null =>
  v === undefined || Number.isNaN(v) ? null : v;

/** Rows of areas (in engine index order) from the engine's area coverage. */
export function areaRows(coverage: AreaCoverage, names: readonly AreaName[]): AreaRow[] {
  return names.map((n, i) => ({
    ...n,
    households: coverage.households[i] ?? 0,
    covered: coverage.covered[i] ?? 0,
    coveragePct: orNull(coverage.coveragePct[i]),
    nearPct: orNull(coverage.nearPct[i]),
    unvisited: coverage.unvisited[i] ?? 0,
    medianM: orNull(coverage.medianDistanceM[i]),
    p90M: orNull(coverage.p90DistanceM[i]),
    residentAgents: coverage.residentAgents[i] ?? 0,
    needingAgent: coverage.needingAgent[i] ?? 0,
  }));
}

export type SortKey = Exclude<keyof AreaRow, 'code' | 'districtCode'>;
export type { SortDirection };

/**
 * Sorted copy; "no data" (null) always sorts last. Ties keep the worst first by households needing
 * an agent, then by name, so the order is stable and meaningful.
 */
export function sortRows(rows: readonly AreaRow[], key: SortKey, direction: SortDirection): AreaRow[] {
  return sortByKey(
    rows,
    key,
    direction,
    (a, b) => b.needingAgent - a.needingAgent || a.name.localeCompare(b.name, 'id'),
  );
}

/** Rows of one kecamatan (or all when empty) whose name contains `text` (case-insensitive). */
export function filterRows(rows: readonly AreaRow[], districtCode: string, text: string): AreaRow[] {
  const needle = text.trim().toLocaleLowerCase('id');
  return rows.filter(
    (r) =>
      (!districtCode || r.districtCode === districtCode) &&
      (!needle || r.name.toLocaleLowerCase('id').includes(needle)),
  );
}
