import { useCallback, useEffect, useState } from 'react';
import { describeData, validatePlannerState } from '../../app/settings-check';
import { publishNotices } from '../../app/settings-notices';
import { type PlannerUrlState, parsePlannerState, writePlannerState } from '../../app/url-state';
import { useUrlSync } from '../../app/use-url-sync';
import type { SqlClient } from '../../data/sql-client';

export type PlannerPatch = Partial<PlannerUrlState> | ((s: PlannerUrlState) => PlannerUrlState);

/**
 * The planner's settings, read from the URL once and written back on every change
 * (history.replaceState keeps the app's own parameters — section, need, lang — as they are).
 * Malformed values fall back at once; then the settings are checked against the loaded data (months,
 * kecamatan, villages) and what does not exist falls back too — each with a notice naming it.
 */
export function usePlannerState(client: SqlClient): [PlannerUrlState, (patch: PlannerPatch) => void] {
  const [state, setState] = useState<PlannerUrlState>(() => {
    const parsed = parsePlannerState(window.location.search);
    publishNotices('planner-link', parsed.notices);
    return parsed.state;
  });
  useEffect(() => {
    let live = true;
    void describeData(client).then(
      (data) => {
        if (!live) return;
        setState((s) => {
          const checked = validatePlannerState(s, data);
          publishNotices('planner-data', checked.notices);
          return checked.state;
        });
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      live = false;
    };
  }, [client]);
  useUrlSync(state, writePlannerState);
  const update = useCallback(
    (patch: PlannerPatch) => setState((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [],
  );
  return [state, update];
}
