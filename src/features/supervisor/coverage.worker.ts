/// <reference lib="webworker" />
import {
  type AgentIndex,
  buildAgentIndex,
  type CoverageInput,
  type CoverageResult,
  computeCoverage,
  ownAgentDistances,
  proposeReassignment,
  rankNewAgentSites,
} from '../../core/coverage-engine';
import type { CoverageRequest, CoverageResponse } from './coverage-protocol';

// The coverage engine runs here, off the main thread; the map stays responsive while it works.
let input: CoverageInput | null = null;
let villageLabel: { lon: Float64Array; lat: Float64Array } | null = null;
let index: AgentIndex | null = null;
/** Own-agent distances depend only on the data: measured once per load. */
let ownDistances: Float64Array | null = null;
let last: CoverageResult | null = null;

const reply = (message: CoverageResponse) => (self as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<CoverageRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'init') {
      input = request.input;
      villageLabel = request.villageLabel;
      index = buildAgentIndex(input.agents);
      ownDistances = ownAgentDistances(input);
      reply({ id: request.id, kind: 'init' });
      return;
    }
    if (!input || !index || !villageLabel || !ownDistances)
      throw new Error('coverage worker used before init');
    if (request.kind === 'compute') {
      last = computeCoverage(input, request.options, index, ownDistances);
      reply({ id: request.id, kind: 'compute', result: last });
    } else if (request.kind === 'propose') {
      last ??= computeCoverage(input, request.options, index, ownDistances);
      reply({ id: request.id, kind: 'propose', proposal: proposeReassignment(input, last, request.options) });
    } else {
      last ??= computeCoverage(input, request.options, index, ownDistances);
      const sites = rankNewAgentSites(input, last, request.options, villageLabel, request.count);
      reply({ id: request.id, kind: 'sites', sites });
    }
  } catch (error) {
    reply({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
