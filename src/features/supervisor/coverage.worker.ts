/// <reference lib="webworker" />
import {
  type AgentIndex,
  type CoverageInput,
  type CoverageResult,
  computeCoverage,
  ownAgentDistances,
  proposeReassignment,
  rankNewAgentSites,
} from '../../core/coverage-engine';
import { searchNearestOnce } from './coverage-nearest';
import type { CoverageRequest, CoverageResponse } from './coverage-protocol';

// The coverage engine runs here, off the main thread; the map stays responsive while it works.
let input: CoverageInput | null = null;
let villageLabel: { lon: Float64Array; lat: Float64Array } | null = null;
let index: AgentIndex | null = null;
/** Own-agent distances and nearest agents depend only on the data: measured once per load. */
let ownDistances: Float64Array | null = null;
let nearest: { agent: Int32Array; distanceM: Float64Array } | null = null;
let last: CoverageResult | null = null;

const reply = (message: CoverageResponse) => (self as DedicatedWorkerGlobalScope).postMessage(message);

async function handle(request: CoverageRequest): Promise<void> {
  if (request.kind === 'init') {
    input = request.input;
    villageLabel = request.villageLabel;
    last = null;
    // Large datasets search on all cores (nested workers, loading meanwhile); small ones right here.
    const search = searchNearestOnce(input);
    ownDistances = ownAgentDistances(input);
    ({ index, nearest } = await search);
    reply({ id: request.id, kind: 'init' });
    return;
  }
  const data = input;
  const labels = villageLabel;
  const idx = index;
  const own = ownDistances;
  const near = nearest;
  if (!data || !labels || !idx || !own || !near) throw new Error('coverage worker used before init');
  const compute = () => computeCoverage(data, request.options, idx, own, near);
  if (request.kind === 'compute') {
    last = compute();
    reply({ id: request.id, kind: 'compute', result: last });
  } else if (request.kind === 'propose') {
    last ??= compute();
    reply({ id: request.id, kind: 'propose', proposal: proposeReassignment(data, last, request.options) });
  } else {
    last ??= compute();
    const sites = rankNewAgentSites(data, last, request.options, labels, request.count);
    reply({ id: request.id, kind: 'sites', sites });
  }
}

// One request at a time, in order (init awaits the nearest search).
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<CoverageRequest>) => {
  const request = event.data;
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => {
      reply({
        id: request.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }),
  );
};
