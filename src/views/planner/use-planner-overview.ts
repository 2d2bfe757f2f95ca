import { useEffect, useState } from 'react';
import { type RegencySummary, regencySummary, type VillageStats, villageStats } from '../../data/queries';
import { DEFAULT_COVERAGE_THRESHOLD_M } from '../../data/schema';
import { queryRows, type SqlClient } from '../../data/sql-client';
import type { PlaceName } from './FilterControls';

/** Read once per dataset: the place names for the filters, and the regency summary beside the map. */
export function usePlannerOverview(client: SqlClient) {
  const [places, setPlaces] = useState<PlaceName[]>([]);
  const [overview, setOverview] = useState<{ summary: RegencySummary; villages: VillageStats[] } | null>(
    null,
  );
  useEffect(() => {
    void queryRows<PlaceName>(
      client,
      'SELECT village_code, village_name, district_code, district_name FROM villages ORDER BY district_name, village_name',
    ).then(setPlaces);
    void Promise.all([
      regencySummary(client, DEFAULT_COVERAGE_THRESHOLD_M),
      villageStats(client, 'any', DEFAULT_COVERAGE_THRESHOLD_M),
    ]).then(([summary, villages]) => setOverview({ summary, villages }));
  }, [client]);
  return { places, overview };
}
