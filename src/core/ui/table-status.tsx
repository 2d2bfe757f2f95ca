import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALL_LOADED,
  type DataTable,
  firstMissing,
  type TableStatus,
  unavailableKey,
} from '../dataset/table-status';

/** Which tables the loaded dataset supplied (all, until one is loaded). */
export const TableStatusContext = createContext<TableStatus>(ALL_LOADED);

export const useTableStatus = (): TableStatus => useContext(TableStatusContext);

/**
 * `unavailable(needs)`: "tidak tersedia — impor data agen" when a table the figure needs is missing (or only
 * published as village figures: "tidak tersedia pada data agregat"), else null — so a view writes
 * `unavailable(['agents']) ?? f.pct(value)` and never shows the 0 of an empty table. `fromVillageFigures`: the
 * figure is one the village figures give (area totals, coverage).
 */
export function useUnavailable(): (
  needs: readonly DataTable[],
  fromVillageFigures?: boolean,
) => string | null {
  const status = useTableStatus();
  const { t } = useTranslation();
  return useCallback(
    (needs, fromVillageFigures = false) => {
      const missing = firstMissing(status, needs, fromVillageFigures);
      if (missing === null) return null;
      return t(unavailableKey(status, missing));
    },
    [status, t],
  );
}

/** True when the dataset holds village figures only (published aggregates): no household rows. */
export const useAggregatesOnly = (): boolean => useTableStatus().households === 'aggregated';

/** A note saying which figures below cannot be computed, one line per missing table of `needs`. */
export function MissingTablesNote({ needs }: { needs: readonly DataTable[] }) {
  const status = useTableStatus();
  const { t } = useTranslation();
  const missing = needs.filter((table) => status[table] === 'missing');
  const aggregated = needs.some((table) => status[table] === 'aggregated');
  if (missing.length === 0 && !aggregated) return null;
  return (
    <div className="warning missing-tables" role="note" data-testid="missing-tables-note">
      {aggregated && <p data-testid="missing-note-aggregated">{t('storage.missingNote_aggregated')}</p>}
      {missing.map((table) => (
        <p key={table} data-testid={`missing-note-${table}`}>
          {t(`storage.missingNote_${table}`)}
        </p>
      ))}
    </div>
  );
}
