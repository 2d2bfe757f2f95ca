import { regencySummary, villageCoverage } from '../../core/cube/overview';
import { afterPlannerCube } from '../../core/cube/prepared';
import type { PlaceName } from '../../core/sql/places';
import type { SqlClient } from '../../core/sql/sql-client';
import { useDatasetAnswer } from '../../core/ui/use-dataset-answer';
import { usePlaceNames } from '../../core/ui/use-place-names';

const NO_PLACES: PlaceName[] = [];

/** Read once per dataset: the place names for the filters, and the regency summary beside the map. */
export function usePlannerOverview(client: SqlClient) {
  const places = usePlaceNames(client) ?? NO_PLACES;
  const overview = useDatasetAnswer(client, 'planner-overview', async () => {
    // Read from the map's prepared tables (made under the default rule): no second scan of the households.
    const [summary, villages] = await afterPlannerCube(client, () =>
      Promise.all([regencySummary(client), villageCoverage(client)]),
    );
    return { summary, villages };
  }).data;
  return { places, overview };
}
