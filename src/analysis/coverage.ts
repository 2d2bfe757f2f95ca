import { distance } from '@turf/turf';

/** Household and agent positions as parallel typed arrays (WGS84 degrees). */
export interface AssignedPairs {
  householdLon: Float64Array;
  householdLat: Float64Array;
  /** The assigned agent's home; NaN when the household has no (known) agent. */
  agentLon: Float64Array;
  agentLat: Float64Array;
}

/**
 * Geodesic distance in metres (Turf's great-circle distance) from each household to its
 * own assigned agent; NaN where there is no agent.
 */
export function assignedAgentDistances(pairs: AssignedPairs): Float64Array {
  const n = pairs.householdLon.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const aLon = pairs.agentLon[i] as number;
    const aLat = pairs.agentLat[i] as number;
    out[i] =
      Number.isNaN(aLon) || Number.isNaN(aLat)
        ? Number.NaN
        : distance([pairs.householdLon[i] as number, pairs.householdLat[i] as number], [aLon, aLat], {
            units: 'meters',
          });
  }
  return out;
}

/**
 * A household is covered when its own agent lives within `thresholdM` metres (inclusive:
 * exactly at the threshold counts as covered). Households without an agent are not covered.
 */
export const isCovered = (distanceM: number, thresholdM: number): boolean =>
  !Number.isNaN(distanceM) && distanceM <= thresholdM;
