import { useCallback, useEffect, useState } from 'react';
import { type PlannerUrlState, readPlannerState, writePlannerState } from '../../app/url-state';

export type PlannerPatch = Partial<PlannerUrlState> | ((s: PlannerUrlState) => PlannerUrlState);

/**
 * The planner's settings, read from the URL once and written back on every change
 * (history.replaceState keeps the app's own parameters — section, need, lang — as they are).
 */
export function usePlannerState(): [PlannerUrlState, (patch: PlannerPatch) => void] {
  const [state, setState] = useState<PlannerUrlState>(() => readPlannerState(window.location.search));
  // Written a moment after the last change: replaceState costs a few ms, and a slider or a map
  // move makes many changes in a row.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const next = writePlannerState(window.location.search, state);
      if (next !== window.location.search) window.history.replaceState(window.history.state, '', next);
    }, 150);
    return () => window.clearTimeout(timer);
  }, [state]);
  const update = useCallback(
    (patch: PlannerPatch) => setState((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [],
  );
  return [state, update];
}
