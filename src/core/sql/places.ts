/**
 * The gazetteer's villages with their kecamatan, by kecamatan and village name: the planner's filters list them
 * and every section names its areas with them. Read once per loaded dataset by whichever section asks first, so
 * Pengawasan opened right after the planner has its names at once instead of queueing behind DuckDB's work.
 */
import { arrivedForDataset, perDataset } from './per-dataset';
import { queryRows, type SqlClient } from './sql-client';

export interface PlaceName {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
}

const PLACES = 'places';

export const placeNames = (client: SqlClient): Promise<PlaceName[]> =>
  perDataset(client, PLACES, () =>
    queryRows<PlaceName>(
      client,
      'SELECT village_code, village_name, district_code, district_name FROM villages ORDER BY district_name, village_name',
    ),
  );

/** The place names when they have already arrived, without waiting a turn for them. */
export const placeNamesIfRead = (client: SqlClient): PlaceName[] | undefined =>
  arrivedForDataset(client, PLACES);
