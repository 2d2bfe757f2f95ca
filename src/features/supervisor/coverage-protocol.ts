import type {
  CoverageInput,
  CoverageOptions,
  CoverageResult,
  NewAgentSite,
  ReassignmentProposal,
} from '../../core/coverage-engine';

/** Messages to the coverage worker. */
export type CoverageRequest =
  | { id: number; kind: 'init'; input: CoverageInput; villageLabel: { lon: Float64Array; lat: Float64Array } }
  | { id: number; kind: 'compute'; options: CoverageOptions }
  | { id: number; kind: 'propose'; options: CoverageOptions }
  | { id: number; kind: 'sites'; options: CoverageOptions; count: number };

/** Its answers, matched by id. */
export type CoverageResponse =
  | { id: number; kind: 'init' }
  | { id: number; kind: 'compute'; result: CoverageResult }
  | { id: number; kind: 'propose'; proposal: ReassignmentProposal }
  | { id: number; kind: 'sites'; sites: NewAgentSite[] }
  | { id: number; kind: 'error'; message: string };
