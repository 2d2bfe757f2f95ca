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

/** The household arrays that depend on the data only: the same in every answer. */
export type DataHouseholds = Pick<
  CoverageResult['household'],
  'assignedDistanceM' | 'nearestAgent' | 'nearestDistanceM'
>;

/** An answer as it crosses to the page: without the arrays of DataHouseholds, which `init` sent once. */
export type LeanCoverageResult = Omit<CoverageResult, 'household'> & {
  household: Pick<CoverageResult['household'], 'status'>;
};

/** `result` without the arrays that are the same in every answer. */
export const leanResult = (result: CoverageResult): LeanCoverageResult => ({
  ...result,
  household: { status: result.household.status },
});

/** The whole answer again, around the data's arrays (one copy shared by every answer the page keeps). */
export const fullResult = (lean: LeanCoverageResult, data: DataHouseholds): CoverageResult => ({
  ...lean,
  household: { ...data, status: lean.household.status },
});

/** Its answers, matched by id. */
export type CoverageResponse =
  | { id: number; kind: 'init'; households: DataHouseholds }
  | { id: number; kind: 'compute'; result: LeanCoverageResult }
  | { id: number; kind: 'skipped' }
  | { id: number; kind: 'propose'; proposal: ReassignmentProposal }
  | { id: number; kind: 'sites'; sites: NewAgentSite[] }
  | { id: number; kind: 'error'; message: string };

/**
 * How many answers the page and the worker each keep: the one shown and the two positions next to it on the
 * slider last moved (asked ahead). At a million households each answer holds about 1 MB of its own (the
 * households' statuses) beside the 20 MB of DataHouseholds they all share.
 */
export const KEPT_ANSWERS = 3;
