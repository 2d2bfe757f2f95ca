import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_LOADED, type DataTable, firstMissing, type TableStatus } from '../data/table-status';

/** Which tables the loaded dataset supplied (all, until one is loaded). */
export const TableStatusContext = createContext<TableStatus>(ALL_LOADED);

export const useTableStatus = (): TableStatus => useContext(TableStatusContext);

/**
 * `unavailable(needs)`: "tidak tersedia — impor data agen" when a table the figure needs is missing, else null —
 * so a view writes `unavailable(['agents']) ?? f.pct(value)` and never shows the 0 of an empty table.
 */
export function useUnavailable(): (needs: readonly DataTable[]) => string | null {
  const status = useTableStatus();
  const { t } = useTranslation();
  return useCallback(
    (needs) => {
      const missing = firstMissing(status, needs);
      return missing === null ? null : t(`storage.unavailable_${missing}`);
    },
    [status, t],
  );
}

/** A note saying which figures below cannot be computed, one line per missing table of `needs`. */
export function MissingTablesNote({ needs }: { needs: readonly DataTable[] }) {
  const status = useTableStatus();
  const { t } = useTranslation();
  const missing = needs.filter((table) => status[table] === 'missing');
  if (missing.length === 0) return null;
  return (
    <div className="warning missing-tables" role="note" data-testid="missing-tables-note">
      {missing.map((table) => (
        <p key={table} data-testid={`missing-note-${table}`}>
          {t(`storage.missingNote_${table}`)}
        </p>
      ))}
    </div>
  );
}
