import { DEFAULT_COVERAGE_OPTIONS } from '../../core/coverage-engine/types';
import type { PlaceName } from '../../core/sql/places';
import { regencySummary, villageCoverage } from '../../core/sql/queries';
import type { SqlClient } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';
import { usePlaceNames } from '../../core/ui/use-place-names';

const NO_PLACES: PlaceName[] = [];

/** Read once per dataset: the place names for the filters, and the regency summary beside the map. */
export function usePlannerOverview(client: SqlClient) {
  const places = usePlaceNames(client) ?? NO_PLACES;
  const overview = useDatasetAnswer(client, 'planner-overview', async () => {
    const [summary, villages] = await Promise.all([
      regencySummary(client, DEFAULT_COVERAGE_OPTIONS),
      villageCoverage(client, DEFAULT_COVERAGE_OPTIONS),
    ]);
    return { summary, villages };
  }).data;
  return { places, overview };
}
