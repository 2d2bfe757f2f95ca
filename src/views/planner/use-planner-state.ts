import { useCallback, useEffect, useRef, useState } from 'react';
import { describeData, validatePlannerState } from '../../app/settings-check';
import { publishNotices } from '../../app/settings-notices';
import { type PlannerUrlState, parsePlannerState, writePlannerState } from '../../app/url-state';
import { useUrlSync } from '../../app/use-url-sync';
import { plannerTables } from '../../data/planner-tables';
import type { SqlClient } from '../../data/sql-client';

export type PlannerPatch = Partial<PlannerUrlState> | ((s: PlannerUrlState) => PlannerUrlState);

/**
 * The planner's settings, read from the URL once and written back on every change
 * (history.replaceState keeps the app's own parameters — section, need, lang — as they are).
 * Malformed values fall back at once; then the settings are checked against the loaded data (months,
 * kecamatan, villages) and what does not exist falls back too — each with a notice naming it.
 */
export function usePlannerState(client: SqlClient): [PlannerUrlState, (patch: PlannerPatch) => void] {
  const [fromLink] = useState(() => parsePlannerState(window.location.search));
  const [state, setState] = useState<PlannerUrlState>(fromLink.state);
  const current = useRef(state);
  current.current = state;
  useEffect(() => publishNotices('planner-link', fromLink.notices), [fromLink]);
  useEffect(() => {
    let live = true;
    // The months are those of the planner's tables (the slider's): described once they are ready.
    void plannerTables(client)
      .then(() => describeData(client))
      .then(
        (data) => {
          if (!live) return;
          const checked = validatePlannerState(current.current, data);
          publishNotices('planner-data', checked.notices);
          if (checked.state !== current.current) setState(checked.state);
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
