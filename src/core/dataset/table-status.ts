/**
 * Which of a dataset's tables were loaded and which are missing. A missing table is still created, empty, so
 * every query runs; but a figure that needs it must say "not available", never show the 0 the empty table gives.
 */

export const DATA_TABLES = ['households', 'agents', 'cases'] as const;
export type DataTable = (typeof DATA_TABLES)[number];
/**
 * 'loaded': its rows are in the dataset; 'missing': not supplied; 'aggregated': only as published village
 * figures (an aggregate-only dataset) — area figures can be shown, anything needing its rows cannot.
 */
export type TableState = 'loaded' | 'aggregated' | 'missing';
export type TableStatus = Record<DataTable, TableState>;

export const ALL_LOADED: TableStatus = { households: 'loaded', agents: 'loaded', cases: 'loaded' };

/**
 * The first of `needs` a figure cannot be computed without, or null when it can: a figure needs the rows of
 * its tables, unless it is one the village figures give (`fromVillageFigures`: area and regency totals).
 */
export function firstMissing(
  status: TableStatus,
  needs: readonly DataTable[],
  fromVillageFigures = false,
): DataTable | null {
  return (
    needs.find(
      (table) => status[table] === 'missing' || (!fromVillageFigures && status[table] === 'aggregated'),
    ) ?? null
  );
}

/** The i18n key of "not available" for a figure lacking `table`: import it, or it is only in village figures. */
export const unavailableKey = (status: TableStatus, table: DataTable): string =>
  status[table] === 'aggregated' ? 'storage.unavailable_aggregated' : `storage.unavailable_${table}`;
