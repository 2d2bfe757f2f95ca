/**
 * WHERE conditions of the planner's queries. What a household "has" depends on the source:
 * - **flags** (default): the household's need flags (`need_<code>`, NULL = unknown);
 * - **cases**, as soon as a case filter (status, report date range, referral channel) or a month is
 *   chosen: the household has a need when it has a case of that need matching the filters — with a
 *   month, a case still open at the end of that month (reported by then, not resolved by then).
 */
import { type Bind, inlineValue, literal } from '../../../core/sql/sql-client';
import { measuredNeeds, NO_CHANNEL, type PlannerFilters, type PlannerQuery } from './model';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH = /^\d{4}-\d{2}$/;

/** Last day of a `YYYY-MM` month as an SQL date expression. */
export const monthEnd = (month: string, bind: Bind = inlineValue) =>
  `last_day((${bind(month)} || '-01')::DATE)`;

/** True when households are judged from their cases rather than their need flags. */
export const usesCases = (q: Pick<PlannerQuery, 'filters' | 'month'>): boolean =>
  (q.month !== null && MONTH.test(q.month)) ||
  q.filters.status !== 'all' ||
  typeof q.filters.channel === 'string' ||
  (q.filters.from !== null && ISO_DATE.test(q.filters.from)) ||
  (q.filters.to !== null && ISO_DATE.test(q.filters.to));

/**
 * Whether `planner_month_cube` answers a month under these filters: it counts every case, whatever its status,
 * report date or channel, so any case filter beyond the month needs the cases themselves.
 */
export const monthCubeAnswers = (f: PlannerFilters): boolean =>
  f.status === 'all' && !f.from && !f.to && typeof f.channel !== 'string';

/** WHERE conditions on `planner_cases` for the case filters (and the month, unless `withMonth` is false). */
export function caseConditions(
  q: Pick<PlannerQuery, 'filters' | 'month'>,
  withMonth = true,
  bind: Bind = inlineValue,
): string[] {
  const f = q.filters;
  const out: string[] = [];
  if (f.status !== 'all') out.push(`status = ${bind(f.status)}`);
  if (f.from && ISO_DATE.test(f.from)) out.push(`reported_at >= ${bind(f.from)}::DATE`);
  if (f.to && ISO_DATE.test(f.to)) out.push(`reported_at <= ${bind(f.to)}::DATE`);
  // `channel_key` is the normalised channel (tables.ts), so "TRC" and "trc " are one channel.
  if (f.channel === NO_CHANNEL) out.push('channel_key IS NULL');
  else if (typeof f.channel === 'string') out.push(`channel_key = ${bind(f.channel)}`);
  if (withMonth && q.month && MONTH.test(q.month)) {
    const end = monthEnd(q.month, bind);
    out.push(`reported_at <= ${end}`);
    out.push(`(resolved_at IS NULL OR resolved_at > ${end})`);
  }
  return out;
}

/**
 * WHERE conditions for the household filters, on `planner_households` and on the tables made from it
 * (`planner_cube`, `planner_cases`, `planner_month_cube`: same columns).
 */
export function householdConditions(f: PlannerFilters, withArea = true, bind: Bind = inlineValue): string[] {
  const out: string[] = [];
  if (withArea && f.district) out.push(`district_code = ${bind(f.district)}`);
  if (withArea && f.village) out.push(`village_code = ${bind(f.village)}`);
  const lo = Math.max(1, Math.min(10, Math.round(f.decileMin)));
  const hi = Math.max(lo, Math.min(10, Math.round(f.decileMax)));
  if (lo > 1 || hi < 10) out.push(`decile BETWEEN ${bind(lo)} AND ${bind(hi)}`);
  if (f.agent !== 'all') out.push(`agent_kind = ${bind(f.agent)}`);
  return out;
}

/** `WHERE a AND b …`, or nothing without conditions. */
export const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * WHERE conditions on `planner_cases` for the cases behind the key figures and the histogram: the household
 * filters, the measured needs and the case filters (without the month).
 */
export const measuredCaseConditions = (q: PlannerQuery, filters: PlannerFilters, bind: Bind): string[] => [
  ...householdConditions(filters, true, bind),
  `need IN (${measuredNeeds(q.need, q.weights).map(literal).join(', ') || "''"})`,
  ...caseConditions(q, false, bind),
];
