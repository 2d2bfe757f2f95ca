import { ownAgentDistanceM } from '../coverage-engine/household-status';

/** Household and agent positions as parallel typed arrays (WGS84 degrees). */
export interface AssignedPairs {
  householdLon: Float64Array;
  householdLat: Float64Array;
  /** The recorded agent's home; NaN when the household has no (known) agent. */
  agentLon: Float64Array;
  agentLat: Float64Array;
}

/**
 * Distance in metres from each household to its own recorded agent, with the coverage engine's function
 * (household-status.ts: ownAgentDistanceM), so the SQL figures and the engine compare the very same
 * numbers with the limit; NaN where there is no agent or a coordinate is missing.
 */
export function assignedAgentDistances(pairs: AssignedPairs): Float64Array {
  const n = pairs.householdLon.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = ownAgentDistanceM(
      pairs.householdLon[i] as number,
      pairs.householdLat[i] as number,
      pairs.agentLon[i] as number,
      pairs.agentLat[i] as number,
    );
  }
  return out;
}
