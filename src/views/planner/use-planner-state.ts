import { useCallback, useState } from 'react';
import { type PlannerUrlState, readPlannerState, writePlannerState } from '../../app/url-state';
import { useUrlSync } from '../../app/use-url-sync';

export type PlannerPatch = Partial<PlannerUrlState> | ((s: PlannerUrlState) => PlannerUrlState);

/**
 * The planner's settings, read from the URL once and written back on every change
 * (history.replaceState keeps the app's own parameters — section, need, lang — as they are).
 */
export function usePlannerState(): [PlannerUrlState, (patch: PlannerPatch) => void] {
  const [state, setState] = useState<PlannerUrlState>(() => readPlannerState(window.location.search));
  useUrlSync(state, writePlannerState);
  const update = useCallback(
    (patch: PlannerPatch) => setState((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [],
  );
  return [state, update];
}
