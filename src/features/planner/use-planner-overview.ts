import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import { regencySummary, villageCoverage } from '../../core/sql/queries';
import { queryRows, type SqlClient } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';
import type { PlaceName } from './FilterControls';

const NO_PLACES: PlaceName[] = [];

/** Read once per dataset: the place names for the filters, and the regency summary beside the map. */
export function usePlannerOverview(client: SqlClient) {
  const places =
    useDatasetAnswer(client, 'planner-places', () =>
      queryRows<PlaceName>(
        client,
        'SELECT village_code, village_name, district_code, district_name FROM villages ORDER BY district_name, village_name',
      ),
    ).data ?? NO_PLACES;
  const overview = useDatasetAnswer(client, 'planner-overview', async () => {
    const [summary, villages] = await Promise.all([
      regencySummary(client, DEFAULT_COVERAGE_OPTIONS),
      villageCoverage(client, DEFAULT_COVERAGE_OPTIONS),
    ]);
    return { summary, villages };
  }).data;
  return { places, overview };
}
