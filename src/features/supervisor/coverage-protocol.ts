import type {
  CoverageInput,
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';

/** Options that give the same coverage have the same key (the page and the worker each keep their last answer). */
export const coverageOptionsKey = (o: CoverageOptions): string =>
  `${o.thresholdM}/${o.visitDays}/${o.minFamilies}/${o.maxFamilies}`;

/** Messages to the coverage worker. */
export type CoverageRequest =
  | { id: number; kind: 'init'; input: CoverageInput; villageLabel: { lon: Float64Array; lat: Float64Array } }
  | { id: number; kind: 'compute'; options: CoverageOptions }
  | { id: number; kind: 'propose'; options: CoverageOptions }
  /** Work the proposal out in idle time, so that `propose` finds it ready (no answer). */
  | { id: number; kind: 'prepare'; options: CoverageOptions }
  | { id: number; kind: 'sites'; options: CoverageOptions; count: number };

/** Its answers, matched by id. */
export type CoverageResponse =
  | { id: number; kind: 'init' }
  | { id: number; kind: 'compute'; result: CoverageResult }
  | { id: number; kind: 'propose'; proposal: ReassignmentProposal }
  | { id: number; kind: 'sites'; sites: NewAgentSite[] }
  | { id: number; kind: 'error'; message: string };
