import type {
  CoverageInput,
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';

/** Options that give the same coverage have the same key (the page and the worker each keep their last answers). */
export const coverageOptionsKey = (o: CoverageOptions): string =>
  `${o.thresholdM}/${o.visitDays}/${o.minFamilies}/${o.maxFamilies}`;

/** Messages to the coverage worker. */
export type CoverageRequest =
  | { id: number; kind: 'init'; input: CoverageInput; villageLabel: { lon: Float64Array; lat: Float64Array } }
  /**
   * `ahead`: asked before the user needs it (the slider's next positions); skipped, with a `skipped` answer,
   * when another request waits.
   */
  | { id: number; kind: 'compute'; options: CoverageOptions; ahead?: boolean }
  | { id: number; kind: 'propose'; options: CoverageOptions }
  /** Work the proposal out in idle time, so that `propose` finds it ready (no answer). */
  | { id: number; kind: 'prepare'; options: CoverageOptions }
  | { id: number; kind: 'sites'; options: CoverageOptions; count: number };

/** Its answers, matched by id. */
export type CoverageResponse =
  | { id: number; kind: 'init' }
  | { id: number; kind: 'compute'; result: CoverageResult }
  | { id: number; kind: 'skipped' }
  | { id: number; kind: 'propose'; proposal: ReassignmentProposal }
  | { id: number; kind: 'sites'; sites: NewAgentSite[] }
  | { id: number; kind: 'error'; message: string };

/**
 * How many answers the page and the worker each keep: the one shown and the two positions next to it on the
 * slider last moved (asked ahead). At a million households each answer is about 21 MB.
 */
export const KEPT_ANSWERS = 3;
