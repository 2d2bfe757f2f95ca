import { useEffect, useRef, useState } from 'react';
import { hexToRgba } from '../../core/map/palette';
import type { SqlClient } from '../../core/sql/sql-client';
import { boxPointsSql, type PlannerQuery, weightedPointsSql } from './data/planner-queries';
import { type BoxPoints, NEED_POINT_COLOR, NO_NEED_POINT_COLOR, type WeightedPoints } from './planner-layers';
import { householdTablesFor } from './planner-tables';

/** Zoom from which individual households are drawn. */
export const POINTS_ZOOM = 12;
const MAX_BOX_POINTS = 60_000;

/** Household positions weighted by the measure, loaded only while the heatmap or hexagons are on. */
export function useWeightedPoints(client: SqlClient, query: PlannerQuery, enabled: boolean) {
  const [points, setPoints] = useState<{ key: string; data: WeightedPoints } | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const request = ++latest.current;
    void (async () => {
      await householdTablesFor(client, query);
      const table = await client.queryTable(weightedPointsSql(query));
      if (request !== latest.current) return;
      const col = (name: string) => table.getChild(name)?.toArray() as Float32Array;
      const data = { length: table.numRows, lon: col('lon'), lat: col('lat'), weight: col('w') };
      setPoints({ key: String(request), data });
    })();
  }, [client, query, enabled]);
  return enabled ? points : null;
}

/** Households in the map's view at high zoom: purple with the measured need, grey without. */
export function useBoxPoints(
  client: SqlClient,
  query: PlannerQuery,
  bounds: [number, number, number, number] | null,
  enabled: boolean,
) {
  const [points, setPoints] = useState<BoxPoints | null>(null);
  const latest = useRef(0);
  const key = bounds?.map((b) => b.toFixed(4)).join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `bounds` (a new array each move)
  useEffect(() => {
    if (!enabled || !bounds) return;
    const request = ++latest.current;
    void (async () => {
      await householdTablesFor(client, query);
      const table = await client.queryTable(boxPointsSql(query, bounds, MAX_BOX_POINTS));
      if (request !== latest.current) return;
      const n = table.numRows;
      const hid = table.getChild('hid')?.toArray() as Int32Array;
      const lon = table.getChild('lon')?.toArray() as Float32Array;
      const lat = table.getChild('lat')?.toArray() as Float32Array;
      const w = table.getChild('w')?.toArray() as Float32Array;
      const positions = new Float32Array(n * 2);
      const colors = new Uint8Array(n * 4);
      const yes = hexToRgba(NEED_POINT_COLOR);
      const no = hexToRgba(NO_NEED_POINT_COLOR, 200);
      for (let i = 0; i < n; i++) {
        positions[2 * i] = lon[i] as number;
        positions[2 * i + 1] = lat[i] as number;
        colors.set((w[i] as number) > 0 ? yes : no, 4 * i);
      }
      setPoints({ length: n, hid: Int32Array.from(hid), positions, colors });
    })();
  }, [client, query, key, enabled]);
  return enabled ? points : null;
}
