/**
 * Results by referral channel (kanal layanan: JSPS, SPADA, TRC, Bujang Dusun, Era Gro, …): per channel the
 * cases referred, resolved and still open and the median days to resolve, for the whole regency or one
 * kecamatan, all time or one month. The channel list and its order come from config.json (`channels`, see
 * app-config.ts); the SQL only groups the cases by their channel value, orderChannels puts the groups in the
 * configured order and hides small groups for publication.
 */
import { type ChannelConfig, channelKey as normaliseChannel } from '../../../core/dataset/app-config';
import { DISTRICT_CODE } from '../../../core/domain/schema';
import { protectRows } from '../../../core/privacy/complementary-suppression';
import { isSmallGroup } from '../../../core/privacy/small-groups';
import { inlineValue, queryRows, type SqlClient } from '../../../core/sql/sql-client';

export { channelKey } from '../../../core/dataset/app-config';

/** What the figures are limited to; null = no limit. Invalid values are ignored (see validChannelFilter). */
export interface ChannelFilter {
  /** Kemendagri kecamatan code `17.01.DD`. */
  district: string | null;
  /** `YYYY-MM`. */
  month: string | null;
}

/** One channel value as the SQL finds it in the cases. */
export interface ChannelRow {
  /** channelKey of the value; null = no channel (NULL or blank). */
  key: string | null;
  /** The value as written in the data (whitespace tidied; of several spellings the first by sort order). */
  channel: string | null;
  /** All time: every case. With a month: cases reported in the month. */
  referred: number;
  /** All time: status `selesai`. With a month: `selesai` with the resolution date in the month. */
  resolved: number;
  /** All time: not `selesai`. With a month: reported by its last day and not resolved by then. */
  open: number;
  /** Distinct households behind the row's cases (the group size for suppression). */
  households: number;
  /** Median days from report to resolution of the cases counted as resolved; null when none. */
  median_days: number | null;
}

/** One month × channel cell of the trend; month semantics as ChannelRow with that month. */
export interface ChannelMonthRow {
  month: string;
  key: string | null;
  channel: string | null;
  referred: number;
  resolved: number;
  open: number;
  households: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filter with every value that is not well-formed dropped (so nothing else ever reaches the SQL). */
export function validChannelFilter(filter: Partial<ChannelFilter> | null | undefined): ChannelFilter {
  const district = typeof filter?.district === 'string' ? filter.district.trim() : '';
  const month = typeof filter?.month === 'string' ? filter.month.trim() : '';
  return {
    district: DISTRICT_CODE.test(district) ? district : null,
    month: MONTH.test(month) ? month : null,
  };
}

/** Whitespace runs made one space and trimmed, as channelKey does (keep the two character classes equal). */
const CLEAN_SQL = `trim(regexp_replace(c.channel, '[\\t\\n\\v\\f\\r \\x{00A0}]+', ' ', 'g'))`;

/**
 * The cases with their channel key, limited to a kecamatan through households → villages. `spelling`: how a
 * channel value is shown — the first of its spellings (by sort order) over all cases, so a value not in the
 * configured list keeps its label whatever the filter.
 */
function casesCte(district: string | null): string {
  const area = district
    ? `JOIN households h USING (household_id) JOIN villages v USING (village_code)
    WHERE v.district_code = ${inlineValue(district)}`
    : '';
  return `c AS (
    SELECT c.household_id, c.status, c.reported_at::DATE AS reported_at, c.resolved_at::DATE AS resolved_at,
      lower(nullif(${CLEAN_SQL}, '')) AS key
    FROM cases c ${area}
  ),
  spelling AS (
    SELECT lower(clean) AS key, min(clean) AS channel
    FROM (SELECT nullif(${CLEAN_SQL}, '') AS clean FROM cases c) WHERE clean IS NOT NULL GROUP BY 1
  )`;
}

const IS_RESOLVED = `c.status = 'selesai'`;

/**
 * One row per channel value (ChannelRow): all time, or for one month when `filter.month` is set; one
 * kecamatan when `filter.district` is set. Rows with no case counted are left out (orderChannels adds the
 * configured channels without cases).
 */
export function channelResultsSql(filter: ChannelFilter): string {
  const { district, month } = validChannelFilter(filter);
  let flags: string;
  if (month) {
    const start = `(${inlineValue(month)} || '-01')::DATE`;
    const end = `last_day(${start})`;
    flags = `c.reported_at BETWEEN ${start} AND ${end} AS is_ref,
      ${IS_RESOLVED} AND c.resolved_at BETWEEN ${start} AND ${end} AS is_res,
      c.reported_at <= ${end} AND (c.resolved_at IS NULL OR c.resolved_at > ${end}) AS is_open`;
  } else {
    flags = `true AS is_ref, ${IS_RESOLVED} AS is_res, c.status IS DISTINCT FROM 'selesai' AS is_open`;
  }
  return `WITH ${casesCte(district)},
  f AS (
    SELECT c.*, ${flags} FROM c
  )
  SELECT key, any_value(s.channel) AS channel,
    count(*) FILTER (WHERE is_ref)::INTEGER AS referred,
    count(*) FILTER (WHERE is_res)::INTEGER AS resolved,
    count(*) FILTER (WHERE is_open)::INTEGER AS open,
    count(DISTINCT household_id)::INTEGER AS households,
    median(resolved_at - reported_at) FILTER (WHERE is_res AND resolved_at IS NOT NULL)::DOUBLE AS median_days
  FROM f LEFT JOIN spelling s USING (key) WHERE coalesce(is_ref OR is_res OR is_open, false)
  GROUP BY key ORDER BY referred DESC, key NULLS LAST`;
}

/**
 * Month × channel (ChannelMonthRow), every month from the first report to the last report or resolution
 * (the planner's period) × every channel value with a case, zeros included.
 */
export function channelMonthsSql(district: string | null): string {
  const valid = validChannelFilter({ district, month: null }).district;
  return `WITH ${casesCte(valid)},
  months AS (
    SELECT m::DATE AS s, last_day(m) AS e
    FROM (SELECT unnest(generate_series(date_trunc('month', min(reported_at)),
      date_trunc('month', greatest(max(reported_at), coalesce(max(resolved_at), max(reported_at)))),
      INTERVAL 1 MONTH)) AS m FROM c)
  ),
  keys AS (SELECT DISTINCT c.key, s.channel FROM c LEFT JOIN spelling s USING (key)),
  agg AS (
    SELECT o.s, c.key,
      count(*) FILTER (WHERE c.reported_at >= o.s)::INTEGER AS referred,
      count(*) FILTER (WHERE ${IS_RESOLVED} AND c.resolved_at BETWEEN o.s AND o.e)::INTEGER AS resolved,
      count(*) FILTER (WHERE c.resolved_at IS NULL OR c.resolved_at > o.e)::INTEGER AS open,
      count(DISTINCT c.household_id)::INTEGER AS households
    FROM c JOIN months o ON c.reported_at <= o.e AND (c.resolved_at IS NULL OR c.resolved_at >= o.s)
    GROUP BY o.s, c.key
  )
  SELECT strftime(o.s, '%Y-%m') AS month, k.key, k.channel,
    coalesce(a.referred, 0)::INTEGER AS referred, coalesce(a.resolved, 0)::INTEGER AS resolved,
    coalesce(a.open, 0)::INTEGER AS open, coalesce(a.households, 0)::INTEGER AS households
  FROM months o CROSS JOIN keys k
  LEFT JOIN agg a ON a.s = o.s AND a.key IS NOT DISTINCT FROM k.key
  ORDER BY o.s, k.key NULLS LAST`;
}

/** The rows of channelResultsSql (figures as counted, nothing hidden: pass them through orderChannels). */
export const channelResults = (client: SqlClient, filter: ChannelFilter) =>
  queryRows<ChannelRow>(client, channelResultsSql(filter));

/**
 * The trend series of channelMonthsSql. Not suppressed: for the planner (household-data users). A published
 * trend would need protection across months and channels at once (see data/README.md, Referral channels).
 */
export const channelMonths = (client: SqlClient, district: string | null) =>
  queryRows<ChannelMonthRow>(client, channelMonthsSql(district));

/** One row of the channel table as shown. */
export interface ChannelResult {
  /** channelKey; null for the no-channel row. */
  key: string | null;
  /** The configured code, or the value found in the data; null for the no-channel row. */
  code: string | null;
  /** The configured name, or the value found in the data; null for the no-channel row (the view names it). */
  name: string | null;
  description: string | null;
  /** True for a channel of the configured list. */
  listed: boolean;
  referred: number | null;
  resolved: number | null;
  open: number | null;
  households: number | null;
  median_days: number | null;
  /** The figures are hidden (small group, or so that a hidden one cannot be worked out). */
  suppressed: boolean;
}

export interface ChannelTable {
  rows: ChannelResult[];
  /** Sums of all rows; null when showing them would give a hidden row back (then show no total). */
  total: { referred: number; resolved: number; open: number } | null;
  anyHidden: boolean;
}

export interface OrderOptions {
  /** Hide small groups and their complements (default true: what Bappeda publishes). */
  suppress?: boolean;
}

const HIDDEN = { referred: null, resolved: null, open: null, households: null, median_days: null };

/**
 * The channel table in its order: configured channels in configured order (one with no case shows zeros),
 * then values not in the list (`listed: false`) by cases referred, then the no-channel row. With `suppress`,
 * groups of 1–2 households are hidden and further rows so that the total (shown here, or known from the
 * programme figures) minus the visible rows cannot give a hidden one back (complementary-suppression.ts, as
 * programme-suppression.ts does for needs); when even that is not enough every row is hidden. Hidden rows
 * not in the list are put after the visible ones by name, so their position says nothing of their size.
 */
export function orderChannels(
  rows: readonly ChannelRow[],
  configured: readonly ChannelConfig[],
  options: OrderOptions = {},
): ChannelTable {
  const suppress = options.suppress ?? true;
  const protection = suppress
    ? protectRows(rows, (r) => isSmallGroup(r.households), [
        // All time, a row exists only with a case referred (a hidden one is known to be ≥ 1); in a month it
        // may hold open cases only. Assuming 1 whenever every row has one only ever hides more.
        { value: (r) => r.referred, floor: rows.every((r) => r.referred >= 1) ? 1 : 0, strict: true },
        { value: (r) => r.resolved, floor: 0 },
        { value: (r) => r.open, floor: 0 },
      ])
    : { hidden: rows.map(() => false), totalHidden: false };
  const hiddenKeys = new Set(rows.filter((_, i) => protection.hidden[i]).map((r) => r.key));
  const isHidden = (r: ChannelRow) => protection.totalHidden || hiddenKeys.has(r.key);
  const byKey = new Map(rows.map((r) => [r.key, r] as const));
  const show = (r: ChannelRow | undefined, label: Pick<ChannelResult, 'code' | 'name' | 'description'>) => {
    const figures = r ?? { referred: 0, resolved: 0, open: 0, households: 0, median_days: null };
    const hidden = r ? isHidden(r) : protection.totalHidden;
    return {
      key: r?.key ?? null,
      ...label,
      listed: false,
      referred: figures.referred,
      resolved: figures.resolved,
      open: figures.open,
      households: figures.households,
      median_days: figures.median_days,
      ...(hidden ? HIDDEN : {}),
      suppressed: hidden,
    };
  };

  const listedKeys = new Set<string>();
  const listed: ChannelResult[] = configured.map((c) => {
    const key = normaliseChannel(c.code);
    listedKeys.add(key);
    return { ...show(byKey.get(key), c), key, listed: true };
  });
  const others = rows.filter((r) => r.key !== null && !listedKeys.has(r.key));
  const visible = others
    .filter((r) => !isHidden(r))
    .sort((a, b) => b.referred - a.referred || b.open - a.open || cmp(a.channel, b.channel));
  const hidden = others.filter(isHidden).sort((a, b) => cmp(a.channel, b.channel));
  const unlisted = [...visible, ...hidden].map((r) =>
    show(r, { code: r.channel, name: r.channel, description: null }),
  );
  const none = byKey.get(null);
  const noChannel = none ? [show(none, { code: null, name: null, description: null })] : [];

  const sum = (k: 'referred' | 'resolved' | 'open') => rows.reduce((s, r) => s + r[k], 0);
  const all = [...listed, ...unlisted, ...noChannel];
  return {
    rows: all,
    total: protection.totalHidden
      ? null
      : { referred: sum('referred'), resolved: sum('resolved'), open: sum('open') },
    anyHidden: protection.totalHidden || all.some((r) => r.suppressed),
  };
}

const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'id');
