/**
 * Which planner areas are hidden by small-group suppression for the rows on screen. Villages and
 * kecamatan are protected as one tree (./area-suppression), so at kecamatan level the villages of the
 * same query are fetched too; until they arrive the map hides the kecamatan found from their own rows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { protectDistricts, protectVillages } from '../../core/privacy/area-suppression';
import type { SqlClient } from '../../core/sql/sql-client';
import { type AreaStat, areaMeasures, type PlannerQuery, pickMeasure } from './data/planner-queries';

export interface AreaSuppressionState {
  /** Codes of the hidden areas at the level of `areas`. */
  hidden: ReadonlySet<string>;
  /** The same, once the whole tree is known (what exports use). */
  settled: () => Promise<ReadonlySet<string>>;
}

export function useAreaSuppression(
  client: SqlClient,
  query: PlannerQuery,
  level: 'village' | 'district',
  /** This month's rows of the level shown (not changes). */
  areas: readonly AreaStat[] | null,
): AreaSuppressionState {
  const own = useMemo<ReadonlySet<string>>(() => {
    if (!areas) return new Set<string>();
    return level === 'village' ? protectVillages(areas).villages : protectDistricts(areas);
  }, [areas, level]);
  // At kecamatan level: the kecamatan hidden by the village tree of the same query.
  const tree = useRef<Promise<ReadonlySet<string>> | null>(null);
  const [fromTree, setFromTree] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    setFromTree(null);
    tree.current = null;
    if (level !== 'district' || !areas) return;
    let live = true;
    const q = { weights: query.weights, filters: query.filters, month: query.month };
    const pending = areaMeasures(client, q, 'village').then(
      (rows) => protectVillages(pickMeasure(rows, query.need)).districts,
    );
    tree.current = pending;
    pending.then(
      (hidden) => live && setFromTree(hidden),
      () => {}, // the map keeps the kecamatan's own suppression; an export reports the error
    );
    return () => {
      live = false;
    };
  }, [client, query, level, areas]);
  const hidden = fromTree ?? own;
  return useMemo(() => ({ hidden, settled: () => tree.current ?? Promise.resolve(own) }), [hidden, own]);
}
