/**
 * The coverage engine: per household, per agent and per area, from typed arrays (no DOM, no DuckDB;
 * safe to run in a Web Worker and to transfer its result arrays).
 *
 * Rules (PRODUCT.md: "each agent looks after at least ten neighbouring families"), written once in
 * household-status.ts:
 * - near ⇔ the household's recorded agent is active and lives within thresholdM of it (INCLUSIVE);
 *   covered (terjangkau) ⇔ near AND visited within visitDays (inclusive); unvisited (belum dikunjungi) ⇔
 *   near and not visited within the window, or never; visitUnknown ⇔ near in a dataset without visit dates.
 * - far (jauh) ⇔ the recorded agent is active but farther than thresholdM — or either side has no usable
 *   coordinates (the distance cannot be checked, so the household is not counted as near).
 * - noAgent (tanpa agen) ⇔ no recorded agent (agentIndex −1) OR the recorded agent is INACTIVE (moved or
 *   retired: nobody looks after the family any more). These are counted in totals.inactiveAgent as well.
 * - Distances are geodesic (haversine on Turf's sphere, projection.ts). assignedDistanceM is measured to the
 *   recorded agent even when it is inactive (useful to show), but area quantiles only use households with
 *   an ACTIVE agent.
 * - Agent flags: belowMin = active && families < minFamilies; aboveCap = families > maxFamilies, where
 *   families counts every household recorded with the agent.
 * - Households with villageIndex −1 count in the totals only; a village with district −1 feeds no district.
 */
import { aggregateAreas } from './aggregate';
import { householdStatus, OWN_AGENT } from './household-status';
import { type AgentIndex, buildAgentIndex, nearestAgentsInto } from './nearest';
import { DEG, haversineToAgent } from './projection';
import {
  type AreaCoverage,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type CoverageTotals,
  HOUSEHOLD_STATUS,
  HOUSEHOLD_STATUS_COUNT,
} from './types';

/** Throws a RangeError when arrays disagree in length or indices point outside their tables. */
export function validateInput(input: CoverageInput): void {
  const h = input.households;
  const n = h.lon.length;
  if (h.lat.length !== n || h.agentIndex.length !== n || h.villageIndex.length !== n) {
    throw new RangeError('households: lon, lat, agentIndex and villageIndex must have the same length');
  }
  if (h.visitAgeDays && h.visitAgeDays.length !== n)
    throw new RangeError('households: visitAgeDays must have one entry per household');
  const a = input.agents;
  const m = a.lon.length;
  if (a.lat.length !== m || a.active.length !== m || a.villageIndex.length !== m) {
    throw new RangeError('agents: lon, lat, active and villageIndex must have the same length');
  }
  const villages = input.villageDistrict.length;
  const districts = input.districtCount;
  if (!Number.isInteger(districts) || districts < 0)
    throw new RangeError('districtCount must be an integer ≥ 0');
  for (let v = 0; v < villages; v++) {
    const d = input.villageDistrict[v] as number;
    if (d < -1 || d >= districts)
      throw new RangeError(`villageDistrict[${v}] = ${d} is not a district index`);
  }
  for (let i = 0; i < n; i++) {
    const k = h.agentIndex[i] as number;
    if (k < -1 || k >= m) throw new RangeError(`households.agentIndex[${i}] = ${k} is not an agent index`);
    const v = h.villageIndex[i] as number;
    if (v < -1 || v >= villages)
      throw new RangeError(`households.villageIndex[${i}] = ${v} is not a village index`);
  }
  for (let i = 0; i < m; i++) {
    const v = a.villageIndex[i] as number;
    if (v < -1 || v >= villages)
      throw new RangeError(`agents.villageIndex[${i}] = ${v} is not a village index`);
  }
}

export function validateOptions(options: CoverageOptions): void {
  const { thresholdM, visitDays, minFamilies, maxFamilies } = options;
  if (!(Number.isFinite(thresholdM) && thresholdM >= 0))
    throw new RangeError('thresholdM must be a number ≥ 0');
  if (!(Number.isFinite(visitDays) && visitDays >= 0)) throw new RangeError('visitDays must be a number ≥ 0');
  if (!(Number.isFinite(minFamilies) && minFamilies >= 0)) throw new RangeError('minFamilies must be ≥ 0');
  if (!(Number.isFinite(maxFamilies) && maxFamilies >= 0)) throw new RangeError('maxFamilies must be ≥ 0');
}

/** Area index of each household for villages (as given) or districts (via villageDistrict). */
export function districtOfHouseholds(input: CoverageInput): Int32Array {
  const v = input.households.villageIndex;
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const k = v[i] as number;
    out[i] = k >= 0 ? (input.villageDistrict[k] as number) : -1;
  }
  return out;
}

export function districtOfAgents(input: CoverageInput): Int32Array {
  const v = input.agents.villageIndex;
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const k = v[i] as number;
    out[i] = k >= 0 ? (input.villageDistrict[k] as number) : -1;
  }
  return out;
}

/**
 * Geodesic distance from every household to its recorded agent (active or not): household-status.ts's
 * ownAgentDistanceM, bit for bit (the agent's cos/sin of latitude are computed once here, as haversineM
 * computes them); NaN without an agent or with a coordinate missing. Depends only on the data, so callers
 * compute it once per load and pass it to computeCoverage.
 */
export function ownAgentDistances(input: CoverageInput): Float64Array {
  const { lon, lat, agentIndex } = input.households;
  const agents = input.agents;
  const m = agents.lon.length;
  const aCos = new Float64Array(m);
  const aSin = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    aCos[a] = Math.cos((agents.lat[a] as number) * DEG);
    aSin[a] = Math.sin((agents.lat[a] as number) * DEG);
  }
  const out = new Float64Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const a = agentIndex[i] as number;
    if (a < 0) {
      out[i] = Number.NaN;
      continue;
    }
    const d = haversineToAgent(
      lon[i] as number,
      lat[i] as number,
      agents.lon[a] as number,
      agents.lat[a] as number,
      aCos[a] as number,
      aSin[a] as number,
    );
    out[i] = Number.isFinite(d) ? d : Number.NaN;
  }
  return out;
}

/**
 * Status of every household (household-status.ts's householdStatus) from its own-agent distance and visit age.
 * Writes into `status`; returns the number of households whose agent is inactive.
 */
export function classifyHouseholds(
  input: CoverageInput,
  options: Pick<CoverageOptions, 'thresholdM' | 'visitDays'>,
  distance: Float64Array,
  status: Uint8Array,
): number {
  const { agentIndex, visitAgeDays } = input.households;
  const active = input.agents.active;
  let inactive = 0;
  for (let i = 0; i < agentIndex.length; i++) {
    const a = agentIndex[i] as number;
    // agentIndex −1 is "none" or "unknown" (an id not in the agents table): both tanpa agen.
    const own = a < 0 ? OWN_AGENT.none : active[a] === 0 ? OWN_AGENT.inactive : OWN_AGENT.active;
    if (own === OWN_AGENT.inactive) inactive++;
    const visit = visitAgeDays ? (visitAgeDays[i] as number) : null;
    status[i] = householdStatus(own, distance[i] as number, options.thresholdM, visit, options.visitDays);
  }
  return inactive;
}

/** Families, mean and max distance per agent, the load flags and visit recency. */
export function agentLoads(
  input: CoverageInput,
  distance: Float64Array,
  options: CoverageOptions,
): CoverageResult['agent'] {
  const m = input.agents.lon.length;
  const families = new Int32Array(m);
  const sum = new Float64Array(m);
  const measured = new Int32Array(m);
  const maxDistanceM = new Float64Array(m).fill(Number.NaN);
  const visitedRecently = new Int32Array(m);
  const neverVisited = new Int32Array(m);
  const { agentIndex, visitAgeDays } = input.households;
  for (let i = 0; i < agentIndex.length; i++) {
    const a = agentIndex[i] as number;
    if (a < 0) continue;
    families[a] = (families[a] as number) + 1;
    if (visitAgeDays) {
      const age = visitAgeDays[i] as number;
      if (age <= options.visitDays) visitedRecently[a] = (visitedRecently[a] as number) + 1;
      else if (Number.isNaN(age)) neverVisited[a] = (neverVisited[a] as number) + 1;
    }
    const d = distance[i] as number;
    if (!Number.isNaN(d)) {
      sum[a] = (sum[a] as number) + d;
      measured[a] = (measured[a] as number) + 1;
      if (!(d <= (maxDistanceM[a] as number))) maxDistanceM[a] = d;
    }
  }
  const meanDistanceM = new Float64Array(m);
  const belowMin = new Uint8Array(m);
  const aboveCap = new Uint8Array(m);
  for (let a = 0; a < m; a++) {
    const k = measured[a] as number;
    meanDistanceM[a] = k > 0 ? (sum[a] as number) / k : Number.NaN;
    const f = families[a] as number;
    belowMin[a] = input.agents.active[a] !== 0 && f < options.minFamilies ? 1 : 0;
    aboveCap[a] = f > options.maxFamilies ? 1 : 0;
  }
  return { families, meanDistanceM, maxDistanceM, belowMin, aboveCap, visitedRecently, neverVisited };
}

/** Households per status, and the figures made of them (shared by the coverage and the proposal's "after"). */
export function statusCounts(
  status: Uint8Array,
  visitsRecorded: boolean,
): Pick<
  CoverageTotals,
  | 'households'
  | 'covered'
  | 'noAgent'
  | 'far'
  | 'unvisited'
  | 'visitUnknown'
  | 'near'
  | 'coveragePct'
  | 'nearPct'
  | 'visitsRecorded'
> {
  const counts = new Int32Array(HOUSEHOLD_STATUS_COUNT);
  for (let i = 0; i < status.length; i++)
    counts[status[i] as number] = (counts[status[i] as number] as number) + 1;
  const households = status.length;
  const count = (s: number) => counts[s] as number;
  const covered = count(HOUSEHOLD_STATUS.covered);
  const near = covered + count(HOUSEHOLD_STATUS.unvisited) + count(HOUSEHOLD_STATUS.visitUnknown);
  const pct = (k: number) => (households > 0 ? (100 * k) / households : Number.NaN);
  return {
    households,
    covered,
    noAgent: count(HOUSEHOLD_STATUS.noAgent),
    far: count(HOUSEHOLD_STATUS.far),
    unvisited: count(HOUSEHOLD_STATUS.unvisited),
    visitUnknown: count(HOUSEHOLD_STATUS.visitUnknown),
    near,
    coveragePct: pct(covered),
    nearPct: pct(near),
    visitsRecorded,
  };
}

/** Totals over all households (including those without a village). */
export function totalsOf(
  input: CoverageInput,
  status: Uint8Array,
  inactiveAgent: number,
  agent: Pick<CoverageResult['agent'], 'belowMin' | 'aboveCap'>,
): CoverageTotals {
  const { lon, lat, villageIndex } = input.households;
  let missingCoordinates = 0;
  let unknownVillage = 0;
  for (let i = 0; i < status.length; i++) {
    if (!(Number.isFinite(lon[i]) && Number.isFinite(lat[i]))) missingCoordinates++;
    if ((villageIndex[i] as number) < 0) unknownVillage++;
  }
  let activeAgents = 0;
  let agentsBelowMin = 0;
  let agentsAboveCap = 0;
  for (let a = 0; a < input.agents.active.length; a++) {
    if (input.agents.active[a] !== 0) activeAgents++;
    agentsBelowMin += agent.belowMin[a] as number;
    agentsAboveCap += agent.aboveCap[a] as number;
  }
  return {
    ...statusCounts(status, input.households.visitAgeDays !== undefined),
    inactiveAgent,
    missingCoordinates,
    unknownVillage,
    activeAgents,
    agentsBelowMin,
    agentsAboveCap,
  };
}

/** Village and district coverage from statuses and distances. */
export function aggregateVillagesAndDistricts(
  input: CoverageInput,
  status: Uint8Array,
  distance: Float64Array,
): { village: AreaCoverage; district: AreaCoverage } {
  const active = input.agents.active;
  const village = aggregateAreas(
    input.households.villageIndex,
    input.villageDistrict.length,
    status,
    distance,
    input.agents.villageIndex,
    active,
  );
  const district = aggregateAreas(
    districtOfHouseholds(input),
    input.districtCount,
    status,
    distance,
    districtOfAgents(input),
    active,
  );
  return { village, district };
}

/**
 * Coverage of every household, agent, village and district.
 * Pass an index from buildAgentIndex(input.agents, { cover: input.households }) and ownAgentDistances(input)
 * to skip rebuilding / remeasuring them when only the options change (its quadtree, built lazily for ≥ 100 households per agent, is kept on it).
 * The nearest agents depend only on the data too: pass them (nearestAgents' answer, e.g. from all cores with
 * nearest-parallel.ts) to skip the search. Given arrays are the result's own (never written): the answers for
 * other options share them instead of a copy each (21 MB per answer at a million households).
 * timingsMs: index = input validation + index build (≈0 when given), nearest = nearest-agent search
 * (including a first quadtree build), assigned = own-agent distances, statuses and agent loads,
 * aggregate = villages, districts and totals.
 */
export function computeCoverage(
  input: CoverageInput,
  options: CoverageOptions,
  index?: AgentIndex,
  ownDistances?: Float64Array,
  nearest?: { agent: Int32Array; distanceM: Float64Array },
): CoverageResult {
  const t0 = performance.now();
  validateInput(input);
  validateOptions(options);
  const n = input.households.lon.length;
  if (index && index.agentCount !== input.agents.lon.length) {
    throw new RangeError('index was built for a different agents table');
  }
  const idx = index ?? buildAgentIndex(input.agents, { cover: input.households });
  const t1 = performance.now();

  let nearestAgent: Int32Array;
  let nearestDistanceM: Float64Array;
  if (nearest) {
    if (nearest.agent.length !== n || nearest.distanceM.length !== n)
      throw new RangeError('nearest does not match households');
    nearestAgent = nearest.agent;
    nearestDistanceM = nearest.distanceM;
  } else {
    nearestAgent = new Int32Array(n);
    nearestDistanceM = new Float64Array(n);
    nearestAgentsInto(idx, input.households.lon, input.households.lat, nearestAgent, nearestDistanceM);
  }
  const t2 = performance.now();

  if (ownDistances && ownDistances.length !== n)
    throw new RangeError('ownDistances does not match households');
  const assignedDistanceM = ownDistances ?? ownAgentDistances(input);
  const status = new Uint8Array(n);
  const inactive = classifyHouseholds(input, options, assignedDistanceM, status);
  const agent = agentLoads(input, assignedDistanceM, options);
  const t3 = performance.now();

  const { village, district } = aggregateVillagesAndDistricts(input, status, assignedDistanceM);
  const totals = totalsOf(input, status, inactive, agent);
  const t4 = performance.now();

  return {
    household: { assignedDistanceM, nearestAgent, nearestDistanceM, status },
    agent,
    village,
    district,
    totals,
    timingsMs: { index: t1 - t0, nearest: t2 - t1, assigned: t3 - t2, aggregate: t4 - t3, total: t4 - t0 },
  };
}
