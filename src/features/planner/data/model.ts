/**
 * The planner's model: what the map measures, the filters and the query the planner's SQL answers,
 * and the weights of the composite need score.
 */
import { perNeed } from '../../../core/domain/needs';
import { NEED_CODES, type NeedCode } from '../../../core/domain/schema';

/** What the map measures: one need, households with any need, or the weighted composite score. */
export type PlannerNeed = NeedCode | 'any' | 'score';
/** Households with the need, per 100 households (with known status), or per km². */
export type PlannerUnit = 'count' | 'rate' | 'density';
/** Type of the household's agent: ASN, PPPK/honorer, or no agent. */
export type AgentFilter = 'all' | 'asn' | 'pppk' | 'none';
export type StatusFilter = 'all' | 'dilaporkan' | 'ditangani' | 'selesai';
export type NeedWeights = Record<NeedCode, number>;

/**
 * Default weights of the composite need score (0–5 each, adjustable in the view): needs that
 * put health, shelter or schooling at risk weigh more than paperwork and surroundings.
 * Score of a household = Σ wᵢ·needᵢ / Σ wᵢ (0–1, unknown flags count as 0); shown per 100 households.
 */
export const DEFAULT_WEIGHTS: NeedWeights = perNeed((n) => n.defaultWeight);

export interface PlannerFilters {
  /** Kecamatan code (`17.01.DD`) or null for all. */
  district: string | null;
  /** Village code or null for all. */
  village: string | null;
  /** Welfare decile range 1–10; households without a decile count only when the range is 1–10. */
  decileMin: number;
  decileMax: number;
  agent: AgentFilter;
  status: StatusFilter;
  /** Case report dates, ISO `YYYY-MM-DD`, inclusive; null = open-ended. */
  from: string | null;
  to: string | null;
  /**
   * Referral channel of the cases (kanal layanan) as its key (channelKey: tidied, lower-case); NO_CHANNEL =
   * cases without one; null = every case, whatever its channel.
   */
  channel: string | null;
}

/** The channel filter's value for cases without a channel: the key of a blank value (never a channel's). */
export const NO_CHANNEL = '';

export const NO_FILTERS: PlannerFilters = {
  district: null,
  village: null,
  decileMin: 1,
  decileMax: 10,
  agent: 'all',
  status: 'all',
  from: null,
  to: null,
  channel: null,
};

export interface PlannerQuery {
  need: PlannerNeed;
  weights: NeedWeights;
  filters: PlannerFilters;
  /** `YYYY-MM`: the map shows cases open at the end of that month; null = no time filter. */
  month: string | null;
}

/** Needs that count towards the measure (the score: those with a positive weight). */
export function measuredNeeds(need: PlannerNeed, weights: NeedWeights): NeedCode[] {
  if (need === 'any') return [...NEED_CODES];
  if (need === 'score') return NEED_CODES.filter((c) => (weights[c] ?? 0) > 0);
  return [need];
}

/** Weights made safe: finite, 0–5; all zero falls back to the defaults. */
export function safeWeights(weights: Partial<NeedWeights>): NeedWeights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const c of NEED_CODES) {
    const w = Number(weights[c]);
    out[c] = Number.isFinite(w) ? Math.max(0, Math.min(5, w)) : DEFAULT_WEIGHTS[c];
  }
  return NEED_CODES.some((c) => out[c] > 0) ? out : { ...DEFAULT_WEIGHTS };
}

/** Every measure the planner maps: each need, any need, and the composite score. */
export const PLANNER_NEEDS: readonly PlannerNeed[] = [...NEED_CODES, 'any', 'score'];

/** What the map's area rows depend on: everything but the measure (one query answers all measures). */
export type AreaQuery = Omit<PlannerQuery, 'need'>;
