import { useDeferredValue, useMemo } from 'react';
import { NO_DATA_COLOR } from '../../core/map/palette';
import type { AreaRow } from './AreaTable';
import { areaValue, type Choropleth, insideAreaFilter } from './choropleth';
import type { AreaStat, PlannerFilters, PlannerUnit } from './data/planner-queries';

/**
 * The area table's rows: each area with its map value (written as the legend reads it) and colour; areas
 * without households in the filters are left out (they are "no data" on the map), and with a legend class
 * picked only its areas stay. Deferred: the table may follow a frame later than the map; `shown` says whether
 * the rows are the latest ones.
 */
export function useTableRows(
  areas: readonly AreaStat[] | null,
  unit: PlannerUnit,
  map: Choropleth | null,
  level: 'village' | 'district',
  filters: PlannerFilters,
  picked: string | null,
): { rows: AreaRow[]; shown: boolean } {
  const rows: AreaRow[] = useMemo(
    () =>
      (areas ?? []).map((a) => {
        const value = areaValue(a, unit);
        return {
          ...a,
          value,
          valueText: value === null || !map ? undefined : map.write(value),
          color: map?.fillByCode.get(a.code) ?? NO_DATA_COLOR,
        };
      }),
    [areas, unit, map],
  );
  const tableRows = useMemo(
    () =>
      rows.filter(
        (r) =>
          r.households > 0 && insideAreaFilter(r, level, filters) && (picked === null || r.color === picked),
      ),
    [rows, level, filters, picked],
  );
  const deferred = useDeferredValue(tableRows);
  return { rows: deferred, shown: deferred === tableRows };
}
