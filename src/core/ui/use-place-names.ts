import { type PlaceName, placeNames, placeNamesIfRead } from '../sql/places';
import type { SqlClient } from '../sql/sql-client';
import { useAsync } from './use-async';

/** The dataset's place names for a view (places.ts): from the first render when another view has read them. */
export const usePlaceNames = (client: SqlClient): PlaceName[] | null =>
  useAsync(
    () => placeNames(client),
    [client],
    true,
    () => placeNamesIfRead(client),
  ).data;
