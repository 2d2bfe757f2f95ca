import { useCallback, useEffect, useRef } from 'react';
import { plannerTables } from '../../core/cube/prepared';
import { useLoadedData } from '../../core/dataset/loaded-context';
import type { SqlClient } from '../../core/sql/sql-client';
import { publishNotices } from '../../core/ui/settings-notices';
import { useLinkState } from '../../core/url/use-link-state';
import { describeData, validatePlannerState } from './settings-check';
import { PLANNER_LINK, type PlannerUrlState } from './url-state';

export type PlannerPatch = Partial<PlannerUrlState> | ((s: PlannerUrlState) => PlannerUrlState);

/**
 * The planner's settings, read from the URL once and written back on every change
 * (history.replaceState keeps the app's own parameters — section, need, lang — as they are).
 * Malformed values fall back at once; then the settings are checked against the loaded data (months,
 * kecamatan, villages, channels) and what does not exist falls back too — each with a notice naming it.
 */
export function usePlannerState(client: SqlClient): [PlannerUrlState, (patch: PlannerPatch) => void] {
  const [state, setState] = useLinkState(PLANNER_LINK, 'planner-link');
  const channels = useLoadedData().config.channels;
  const current = useRef(state);
  current.current = state;
  useEffect(() => {
    let live = true;
    // The months are those of the planner's tables (the slider's): described once they are ready.
    void plannerTables(client)
      .then(() => (live ? describeData(client, channels) : null))
      .then(
        (data) => {
          if (!live || !data) return;
          const checked = validatePlannerState(current.current, data);
          publishNotices('planner-data', checked.notices);
          if (checked.state !== current.current) setState(checked.state);
        },
        (error: unknown) => console.error(error),
      );
    return () => {
      live = false;
    };
  }, [client, channels, setState]);
  const update = useCallback(
    (patch: PlannerPatch) => setState((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [setState],
  );
  return [state, update];
}
