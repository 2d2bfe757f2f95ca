import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import { regencySummary, villageCoverage } from '../../core/sql/queries';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import { useAsync } from '../../core/ui/use-async';
import type { PlaceName } from './FilterControls';

const NO_PLACES: PlaceName[] = [];

/** Read once per dataset: the place names for the filters, and the regency summary beside the map. */
export function usePlannerOverview(client: SqlClient) {
  const places =
    useAsync(
      () =>
        queryRows<PlaceName>(
          client,
          'SELECT village_code, village_name, district_code, district_name FROM villages ORDER BY district_name, village_name',
        ),
      [client],
    ).data ?? NO_PLACES;
  const overview = useAsync(async () => {
    const [summary, villages] = await Promise.all([
      regencySummary(client, DEFAULT_COVERAGE_OPTIONS),
      villageCoverage(client, DEFAULT_COVERAGE_OPTIONS),
    ]);
    return { summary, villages };
  }, [client]).data;
  return { places, overview };
}
