import type { CheckedTable } from './dataset-source';
import type { StoredDataset } from './local-store';
import type { DataTable } from './table-status';

/** An import just kept, with the tables its check built: handed from the import dialog to the next load. */
export interface CheckedImport {
  dataset: StoredDataset;
  tables: Partial<Record<DataTable, CheckedTable>>;
}

let handed: CheckedImport | null = null;

/** Hands the import just kept to the next load of the page (which takes it once). */
export function handOverCheckedImport(checked: CheckedImport): void {
  handed = checked;
}

/** The import handed over since the last load, once; null when there is none. */
export function takeCheckedImport(): CheckedImport | null {
  const taken = handed;
  handed = null;
  return taken;
}
