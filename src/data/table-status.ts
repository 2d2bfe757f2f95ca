/**
 * Which of a dataset's tables were loaded and which are missing. A missing table is still created, empty, so
 * every query runs; but a figure that needs it must say "not available", never show the 0 the empty table gives.
 */

export const DATA_TABLES = ['households', 'agents', 'cases'] as const;
export type DataTable = (typeof DATA_TABLES)[number];
export type TableStatus = Record<DataTable, 'loaded' | 'missing'>;

export const ALL_LOADED: TableStatus = { households: 'loaded', agents: 'loaded', cases: 'loaded' };

/** The first of `needs` that is missing, or null when a figure needing them can be computed. */
export function firstMissing(status: TableStatus, needs: readonly DataTable[]): DataTable | null {
  return needs.find((table) => status[table] === 'missing') ?? null;
}
