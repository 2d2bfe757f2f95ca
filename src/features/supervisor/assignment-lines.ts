import { type CoverageResult, HOUSEHOLD_STATUS } from '../../core/coverage-engine';
import type { CoverageArrays } from './coverage-input';
import type { AssignmentLine } from './coverage-layers';

export type Selection = { kind: 'village'; code: string } | { kind: 'agent'; agent: number };

/**
 * Household → agent lines of a selected village or agent (at most `max`): to the household's own agent, or —
 * for a household without one — to its nearest active agent, showing how far help would be.
 */
export function assignmentLines(
  arrays: CoverageArrays,
  result: CoverageResult,
  selection: Selection,
  max: number,
): AssignmentLine[] {
  const { households, agents } = arrays;
  const villageIndex = selection.kind === 'village' ? arrays.villageCodes.indexOf(selection.code) : -1;
  const out: AssignmentLine[] = [];
  for (let h = 0; h < households.lon.length && out.length < max; h++) {
    const own = households.agentIndex[h] ?? -1;
    if (selection.kind === 'village' ? households.villageIndex[h] !== villageIndex : own !== selection.agent)
      continue;
    // A household without an agent is linked to its nearest active agent: how far help would be.
    const a = own >= 0 ? own : (result.household.nearestAgent[h] ?? -1);
    if (a < 0) continue;
    out.push({
      from: [households.lon[h] as number, households.lat[h] as number],
      to: [agents.lon[a] as number, agents.lat[a] as number],
      kind: own < 0 ? 'nearest' : result.household.status[h] === HOUSEHOLD_STATUS.far ? 'far' : 'covered',
    });
  }
  return out;
}
