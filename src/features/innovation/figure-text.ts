import type { TFunction } from 'i18next';
import {
  type DataTable,
  firstMissing,
  type TableStatus,
  unavailableKey,
} from '../../core/dataset/table-status';

/**
 * A programme figure as text: formatted, or — when it is null because a table it needs is missing —
 * "tidak tersedia — impor data agen/kasus"; '–' when it is null for another reason (e.g. nothing resolved yet).
 */
export function figureText(
  value: number | null,
  needs: readonly DataTable[] | undefined,
  tables: TableStatus,
  format: (n: number) => string,
  t: TFunction,
): string {
  if (value !== null) return format(value);
  const missing = firstMissing(tables, needs ?? []);
  return missing === null ? '–' : t(unavailableKey(tables, missing));
}
