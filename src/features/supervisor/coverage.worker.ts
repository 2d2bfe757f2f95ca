/// <reference lib="webworker" />
import { LRUCache } from 'lru-cache';
import {
  type AgentIndex,
  type CoverageInput,
  type CoverageResult,
  computeCoverage,
  ownAgentDistances,
  proposalSteps,
  type ReassignmentProposal,
  rankNewAgentSites,
} from '../../core/coverage-engine';
import { searchNearestOnce } from './coverage-nearest';
import {
  type CoverageRequest,
  type CoverageResponse,
  coverageOptionsKey,
  KEPT_ANSWERS,
  leanResult,
} from './coverage-protocol';
import { ProposalAhead } from './proposal-ahead';

// The coverage engine runs here, off the main thread; the map stays responsive while it works.
let input: CoverageInput | null = null;
let villageLabel: { lon: Float64Array; lat: Float64Array } | null = null;
let index: AgentIndex | null = null;
/** Own-agent distances and nearest agents depend only on the data: measured once per load. */
let ownDistances: Float64Array | null = null;
let nearest: { agent: Int32Array; distanceM: Float64Array } | null = null;
/** The last answers by their options' key (the data is the same): the same object while it is kept. */
const answers = new LRUCache<string, CoverageResult>({ max: KEPT_ANSWERS });
/** The proposal the panel asked for ahead of the click, advanced while no request waits. */
const ahead = new ProposalAhead<CoverageResult, ReassignmentProposal>();
/** Requests received and not yet started. */
let waiting = 0;
/** Milliseconds of proposal work between two looks for a waiting request. */
const AHEAD_SLICE_MS = 25;
/**
 * Quiet time before that work starts, so that the request that usually follows goes first (as the distance
 * limit moves, the panel asks ahead just before the figures are asked for) and the page has begun drawing
 * them. Longer would spare an interaction in the first second after the panel opens, on two cores, at the
 * price of a proposal not ready after a few seconds of reading (measured: 1 s quiet left the 10 km proposal
 * unfinished after 3 s).
 */
const AHEAD_AFTER_MS = 300;
/** Ends the current quiet time early (a request arrived). */
let wake: (() => void) | null = null;

const reply = (message: CoverageResponse) => (self as DedicatedWorkerGlobalScope).postMessage(message);

async function handle(request: CoverageRequest): Promise<void> {
  if (request.kind === 'init') {
    input = request.input;
    villageLabel = request.villageLabel;
    answers.clear();
    ahead.clear();
    // Large datasets search on all cores (nested workers, loading meanwhile); small ones right here.
    const search = searchNearestOnce(input);
    ownDistances = ownAgentDistances(input);
    ({ index, nearest } = await search);
    // Sent once: every answer's household arrays but the statuses (coverage-protocol.ts).
    const households = {
      assignedDistanceM: ownDistances,
      nearestAgent: nearest.agent,
      nearestDistanceM: nearest.distanceM,
    };
    reply({ id: request.id, kind: 'init', households });
    return;
  }
  const data = input;
  const labels = villageLabel;
  const idx = index;
  const own = ownDistances;
  const near = nearest;
  if (!data || !labels || !idx || !own || !near) throw new Error('coverage worker used before init');
  const key = coverageOptionsKey(request.options);
  /** The coverage for the request's options: a kept one when it has them. */
  const coverage = (): CoverageResult => {
    let result = answers.get(key);
    if (!result) {
      result = computeCoverage(data, request.options, idx, own, near);
      answers.set(key, result);
    }
    return result;
  };
  if (request.kind === 'compute') {
    // What the user waits for goes first: an answer asked ahead waits for nobody.
    if (request.ahead && waiting > 0 && !answers.has(key)) reply({ id: request.id, kind: 'skipped' });
    else reply({ id: request.id, kind: 'compute', result: leanResult(coverage()) });
  } else if (request.kind === 'prepare') {
    const base = coverage();
    ahead.want(key, base, () => proposalSteps(data, base, request.options));
  } else if (request.kind === 'propose') {
    const base = coverage();
    const proposal = ahead.take(key, base, () => proposalSteps(data, base, request.options));
    reply({ id: request.id, kind: 'propose', proposal });
  } else {
    const sites = rankNewAgentSites(data, coverage(), request.options, labels, request.count);
    reply({ id: request.id, kind: 'sites', sites });
  }
}

/** Resolves after `ms`, or as soon as a request arrives. */
function quiet(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(end, ms);
    function end() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = end;
  });
}

/** After a quiet time, advances the proposal asked for ahead in slices, until it is done or a request arrives. */
async function workAhead(): Promise<void> {
  if (!ahead.hasWork() || waiting > 0) return;
  await quiet(AHEAD_AFTER_MS);
  while (waiting === 0 && !ahead.advance(AHEAD_SLICE_MS))
    await new Promise((resolve) => setTimeout(resolve, 0));
}

// One request at a time, in order (init awaits the nearest search); work ahead in between.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<CoverageRequest>) => {
  const request = event.data;
  waiting++;
  wake?.();
  queue = queue.then(async () => {
    waiting--;
    await handle(request).catch((error: unknown) => {
      reply({
        id: request.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    });
    await workAhead();
  });
};
