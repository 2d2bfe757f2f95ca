import type {
  CoverageInput,
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';
import { reportLoadFailure, runStep, workerFailure } from '../../core/dataset/load-guard';
import {
  type CoverageRequest,
  type CoverageResponse,
  type DataHouseholds,
  fullResult,
} from './coverage-protocol';

/** How the worker script is named in messages (the built file carries a content hash after it). */
const WORKER_FILE = 'coverage.worker';

type Pending = { resolve: (r: CoverageResponse) => void; reject: (e: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Promise-based handle on the coverage engine's Web Worker. */
export class CoverageClient {
  private readonly worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' });
  /** Rejects when the worker fails to load (watched from its creation: that can happen before init). */
  private readonly failed = workerFailure(this.worker);
  private readonly pending = new Map<number, Pending>();
  /** Aborted by terminate(): a step still waiting then ends quietly (the view went away, nothing failed). */
  private readonly lifetime = new AbortController();
  private nextId = 1;
  /** The household arrays every answer shares, from the worker's answer to init. */
  private households: DataHouseholds | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<CoverageResponse>) => {
      const pending = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      if (!pending) return;
      if (event.data.kind === 'error') pending.reject(new Error(event.data.message));
      else pending.resolve(event.data);
    };
  }

  private send(request: WithoutId<CoverageRequest>): Promise<CoverageResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /**
   * Hands the data to the worker — its first answer, so it runs under the load deadline: a worker script that
   * fails to load or never answers ends the dashboard's loading with a message naming it (unless `report` is
   * false: started ahead of need, the caller deals with the failure).
   */
  async init(
    input: CoverageInput,
    villageLabel: { lon: Float64Array; lat: Float64Array },
    { report }: { report: boolean },
  ): Promise<void> {
    try {
      const response = await runStep(
        { step: 'coverage-worker', file: WORKER_FILE, signal: this.lifetime.signal },
        () => Promise.race([this.send({ kind: 'init', input, villageLabel }), this.failed]),
      );
      if (response.kind !== 'init') throw new Error(`unexpected ${response.kind}`);
      this.households = response.households;
    } catch (error) {
      if (report) reportLoadFailure(error);
      throw error;
    }
  }

  async compute(options: CoverageOptions): Promise<CoverageResult> {
    const response = await this.send({ kind: 'compute', options });
    if (response.kind !== 'compute') throw new Error(`unexpected ${response.kind}`);
    return this.full(response);
  }

  /** The coverage for options the user may choose next; null when the worker had a request waiting. */
  async computeAhead(options: CoverageOptions): Promise<CoverageResult | null> {
    const response = await this.send({ kind: 'compute', options, ahead: true });
    if (response.kind === 'skipped') return null;
    if (response.kind !== 'compute') throw new Error(`unexpected ${response.kind}`);
    return this.full(response);
  }

  private full(response: Extract<CoverageResponse, { kind: 'compute' }>): CoverageResult {
    if (!this.households) throw new Error('coverage answer before init');
    return fullResult(response.result, this.households);
  }

  /** Lets the worker work the proposal for `options` out while it is idle (nothing to wait for). */
  prepareProposal(options: CoverageOptions): void {
    this.worker.postMessage({ kind: 'prepare', options, id: this.nextId++ } satisfies CoverageRequest);
  }

  async propose(options: CoverageOptions): Promise<ReassignmentProposal> {
    const response = await this.send({ kind: 'propose', options });
    if (response.kind !== 'propose') throw new Error(`unexpected ${response.kind}`);
    return response.proposal;
  }

  async rankSites(options: CoverageOptions, count: number): Promise<NewAgentSite[]> {
    const response = await this.send({ kind: 'sites', options, count });
    if (response.kind !== 'sites') throw new Error(`unexpected ${response.kind}`);
    return response.sites;
  }

  terminate(): void {
    this.lifetime.abort();
    this.worker.terminate();
  }
}
