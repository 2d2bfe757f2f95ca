import type {
  CoverageInput,
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../analysis/coverage-engine';
import type { CoverageRequest, CoverageResponse } from './coverage-protocol';

type Pending = { resolve: (r: CoverageResponse) => void; reject: (e: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Promise-based handle on the coverage engine's Web Worker. */
export class CoverageClient {
  private readonly worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

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

  async init(input: CoverageInput, villageLabel: { lon: Float64Array; lat: Float64Array }): Promise<void> {
    await this.send({ kind: 'init', input, villageLabel });
  }

  async compute(options: CoverageOptions): Promise<CoverageResult> {
    const response = await this.send({ kind: 'compute', options });
    if (response.kind !== 'compute') throw new Error(`unexpected ${response.kind}`);
    return response.result;
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
    this.worker.terminate();
  }
}
