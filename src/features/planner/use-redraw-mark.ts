import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { AreaStat } from './data/planner-queries';
import { lastAreasQuery } from './use-planner-data';

/*
 * Time from a change of the measure, a filter or the month to the map drawn with the new data, marked as
 * `gancang:planner-drawn` (read by scripts/bench-planner.ts).
 */

interface Pending {
  t0: number;
  areas: AreaStat[] | null;
  committed?: number;
}

export interface RedrawClock {
  /** Starts the clock: called on every change that redraws the map. */
  markChange: () => void;
  pending: RefObject<Pending | null>;
}

/** The clock, started against the areas the data hook holds now. */
export function useRedrawClock(dataAreas: AreaStat[] | null): RedrawClock {
  const pending = useRef<Pending | null>(null);
  const latest = useRef<AreaStat[] | null>(null);
  latest.current = dataAreas;
  const markChange = useCallback(() => {
    pending.current = { t0: performance.now(), areas: latest.current };
  }, []);
  return { markChange, pending };
}

/** Stops the clock once new `areas` are committed and then drawn: returns the "drawn" callback. */
export function useRedrawDrawn({ pending }: RedrawClock, areas: AreaStat[] | null): () => void {
  useEffect(() => {
    const p = pending.current;
    if (p && p.areas !== areas && p.committed === undefined) p.committed = performance.now();
  }, [pending, areas]);

  return useCallback(() => {
    const p = pending.current;
    if (!p || p.areas === areas) return;
    pending.current = null;
    performance.mark('gancang:planner-drawn', {
      detail: {
        ms: performance.now() - p.t0,
        queryMs: lastAreasQuery.ms,
        cached: lastAreasQuery.cached,
        sentMs: lastAreasQuery.sentAt - p.t0,
        committedMs: (p.committed ?? Number.NaN) - p.t0,
      },
    });
  }, [pending, areas]);
}
