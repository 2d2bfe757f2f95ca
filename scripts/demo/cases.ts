/**
 * Cases: one need of one household followed from report to resolution, between the assumed
 * programme start and the fixed reference date (no wall clock).
 */
import { type CaseStatus, NEED_CODES, type NeedCode } from '../../src/core/domain/schema.ts';
import { NEED_BIT } from './needs.ts';
import type { Rng } from './prng.ts';

/** Assumed start of the programme: first cases are reported from this date. */
export const PROGRAMME_START = '2024-01-01';
/** Fixed "today" of the demo data. */
export const REFERENCE_DATE = '2026-10-31';

/** Share of a covered household's needs its agent has reported as cases. */
export const REPORTED_SHARE_COVERED = 0.85;
/** Households without agent reach services less often (walk-in, TRC, village office). */
export const REPORTED_SHARE_UNCOVERED = 0.15;
/** Share of cases that stall (never resolved by the reference date; 40 % of them never picked up). */
export const STALL_SHARE = 0.12;

/**
 * Referral channel per need (weights). The regency names JSPS, SPADA, TRC, Bujang Dusun and Era Gro
 * without describing them in our sources, so this mapping is an assumption for the demo: TRC is the
 * quick-response team (disasters); the others are spread plausibly over the needs.
 */
export const CHANNEL_MIX: Record<NeedCode, readonly [string, number][]> = {
  kesehatan: [
    ['JSPS', 0.6],
    ['SPADA', 0.25],
    ['Bujang Dusun', 0.15],
  ],
  bencana: [
    ['TRC', 0.8],
    ['Bujang Dusun', 0.15],
    ['JSPS', 0.05],
  ],
  rtlh: [
    ['Bujang Dusun', 0.45],
    ['JSPS', 0.35],
    ['Era Gro', 0.2],
  ],
  adminduk: [
    ['SPADA', 0.8],
    ['JSPS', 0.2],
  ],
  putus_sekolah: [
    ['JSPS', 0.55],
    ['Era Gro', 0.25],
    ['SPADA', 0.2],
  ],
  lingkungan: [
    ['Bujang Dusun', 0.55],
    ['Era Gro', 0.35],
    ['TRC', 0.1],
  ],
};

/** Median days from report to resolution, by need (log-normal, sigma 0.7). */
export const RESOLUTION_MEDIAN_DAYS: Record<NeedCode, number> = {
  kesehatan: 14,
  bencana: 30,
  rtlh: 150,
  adminduk: 21,
  putus_sekolah: 60,
  lingkungan: 90,
};

export interface CaseDraft {
  need: NeedCode;
  status: CaseStatus;
  reported: number;
  /** Day number, -1 unless selesai. */
  resolved: number;
  channel: string;
}

export interface CaseContext {
  covered: boolean;
  /** The household's agent lives more than 1 km away. */
  far: boolean;
  upland: boolean;
  /** Day of the disaster that hit the village, -1 when none. */
  disasterDay: number;
  start: number;
  reference: number;
}

function channelOf(rng: Rng, need: NeedCode): string {
  const mix = CHANNEL_MIX[need];
  let x = rng.next();
  for (const [channel, w] of mix) {
    x -= w;
    if (x < 0) return channel;
  }
  return mix[0]?.[0] ?? 'JSPS';
}

export function casesForHousehold(rng: Rng, needs: number, ctx: CaseContext): CaseDraft[] {
  const out: CaseDraft[] = [];
  if (needs === 0) return out;
  const span = ctx.reference - ctx.start;
  for (const need of NEED_CODES) {
    if (!(needs & NEED_BIT[need])) continue;
    if (!rng.chance(ctx.covered ? REPORTED_SHARE_COVERED : REPORTED_SHARE_UNCOVERED)) continue;
    // Reports grow as the programme scales up: a quarter spread evenly, three quarters with a density
    // rising linearly over time. Disaster victims report in the three weeks after the event.
    const u = rng.next();
    let reported =
      need === 'bencana' && ctx.disasterDay >= 0 && rng.chance(0.8)
        ? ctx.disasterDay + rng.int(21)
        : ctx.start + Math.floor(span * (rng.chance(0.25) ? u : Math.sqrt(u)));
    reported = Math.min(ctx.reference, Math.max(ctx.start, reported));
    const slow = (ctx.far ? 1.4 : 1) * (ctx.covered ? 1 : 1.3) * (ctx.upland ? 1.2 : 1);
    const duration = Math.max(
      0,
      Math.round(RESOLUTION_MEDIAN_DAYS[need] * Math.exp(0.7 * rng.normal()) * slow),
    );
    const handledAfter = Math.round(rng.exponential(ctx.upland ? 20 : 12));
    const stalled = rng.chance(STALL_SHARE);
    const neverPicked = stalled && rng.chance(0.4);
    let status: CaseStatus = 'dilaporkan';
    let resolved = -1;
    if (!stalled && reported + duration <= ctx.reference) {
      status = 'selesai';
      resolved = reported + duration;
    } else if (!neverPicked && reported + handledAfter <= ctx.reference) {
      status = 'ditangani';
    }
    out.push({ need, status, reported, resolved, channel: channelOf(rng, need) });
  }
  return out;
}

/**
 * Day of the agent's last visit: recent for neighbours, rarer for far-away agents, never before the
 * programme start nor before the household's last reported case; -1 (never) for 4 % of families.
 */
export function lastVisitDay(rng: Rng, ctx: CaseContext, lastReported: number): number {
  if (!ctx.covered) return -1;
  if (lastReported < 0 && rng.chance(0.04)) return -1;
  const ago = Math.round(rng.exponential(ctx.far ? 75 : 30));
  return Math.min(ctx.reference, Math.max(ctx.start, ctx.reference - ago, lastReported));
}
