/**
 * SQL of the planner's view (Perencanaan). Every figure on the planner's screen — map classes,
 * table, key figures, histogram, village profile — comes from these queries over two compact
 * tables prepared once (`preparePlannerTables`), so the numbers agree with each other.
 *
 * What a household "has" depends on the source:
 * - **flags** (default): the household's need flags (`need_<code>`, NULL = unknown);
 * - **cases**, as soon as a case filter (status, report date range) or a month is chosen: the
 *   household has a need when it has a case of that need matching the filters — with a month,
 *   a case still open at the end of that month (reported by then, not resolved by then).
 */
import { DEFAULT_COVERAGE_THRESHOLD_M, NEED_CODES, type NeedCode, needColumn } from './schema';
import { type Bind, ident, inlineValue, literal, preparedRows, type SqlClient } from './sql-client';

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
export const DEFAULT_WEIGHTS: NeedWeights = {
  kesehatan: 3,
  bencana: 3,
  rtlh: 2,
  adminduk: 1,
  putus_sekolah: 2,
  lingkungan: 1,
};

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
}

export const NO_FILTERS: PlannerFilters = {
  district: null,
  village: null,
  decileMin: 1,
  decileMax: 10,
  agent: 'all',
  status: 'all',
  from: null,
  to: null,
};

export interface PlannerQuery {
  need: PlannerNeed;
  weights: NeedWeights;
  filters: PlannerFilters;
  /** `YYYY-MM`: the map shows cases open at the end of that month; null = no time filter. */
  month: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Bit of each need in the need masks `m` (needs) and `u` (unknown), NEED_CODES order. */
export const needBit = (code: NeedCode): number => 1 << NEED_CODES.indexOf(code);
const ALL_UNKNOWN = (1 << NEED_CODES.length) - 1;

/**
 * Prepares, once after the dataset loads:
 * - `planner_villages`: the gazetteer with a small integer id `vid`;
 * - `planner_households`: one row per household with its village id, decile, agent kind, coverage and
 *   need flags (`n_<code>`), plus the masks `m` (needs) and `u` (unknown needs);
 * - `planner_cube`: per (village, decile, agent kind) the households, those covered, and per need
 *   the households with it (`s_<code>`, `s_any`) and with its status known (`k_<code>`, `k_any`) —
 *   every area figure from need flags is a sum over this cube (at most villages × 11 × 4 rows,
 *   whatever the number of households); the composite score is linear in the needs, so it is too;
 * - `planner_cases`: cases with their household's village, decile and agent kind (no join at query time);
 * - `planner_month_cube`: per month and (village, decile, agent kind), households with a case of each
 *   need open at the end of the month (`o_<code>`, `o_any`): the time slider reads only this. It runs
 *   from the first report to the last report or resolution; after that nothing changes any more, so a
 *   later month reads the last one.
 * The derived tables keep the household columns the filters read (village_code, district_code, decile,
 * agent_kind), so one set of conditions (householdConditions) serves all of them.
 */
export function preparePlannerSql(thresholdM = DEFAULT_COVERAGE_THRESHOLD_M): string[] {
  const flags = NEED_CODES.map((c) => `h.${ident(needColumn(c))}::TINYINT AS n_${c}`).join(',\n      ');
  const mask = NEED_CODES.map((c, i) => `(coalesce(n_${c}, 0) << ${i})`).join(' | ');
  const unknown = NEED_CODES.map((c, i) => `((n_${c} IS NULL)::INTEGER << ${i})`).join(' | ');
  const bit = NEED_CODES.map((c) => `WHEN '${c}' THEN ${needBit(c)}`).join(' ');
  return [
    `CREATE OR REPLACE TABLE planner_villages AS
    SELECT (row_number() OVER (ORDER BY village_code) - 1)::SMALLINT AS vid, village_code, village_name,
      district_code, district_name, area_km2::DOUBLE AS area_km2
    FROM villages`,
    `CREATE OR REPLACE TABLE planner_households AS
    WITH base AS (
      SELECT h.rowid::INTEGER AS hid, g.vid, h.village_code, g.district_code, h.lon, h.lat,
        h.welfare_decile::TINYINT AS decile,
        CASE WHEN h.agent_id IS NULL THEN 'none' WHEN a.agent_type = 'asn' THEN 'asn'
          WHEN a.agent_type IN ('pppk', 'honorer') THEN 'pppk' END AS agent_kind,
        coalesce(c.agent_distance_m <= ${Number(thresholdM)}, false)::TINYINT AS covered,
        ${flags}
      FROM households h
      LEFT JOIN planner_villages g USING (village_code)
      LEFT JOIN agents a ON a.agent_id = h.agent_id
      LEFT JOIN household_coverage c ON c.row_id = h.rowid
    )
    SELECT *, (${mask})::TINYINT AS m, (${unknown})::TINYINT AS u FROM base ORDER BY hid`,
    `CREATE OR REPLACE TABLE planner_cube AS
    SELECT vid, village_code, district_code, decile, agent_kind, count(*)::INTEGER AS n,
      sum(covered)::INTEGER AS cov,
      ${NEED_CODES.map((c) => `coalesce(sum(n_${c}), 0)::INTEGER AS s_${c}, count(n_${c})::INTEGER AS k_${c}`).join(',\n      ')},
      count(*) FILTER (WHERE m > 0)::INTEGER AS s_any, count(*) FILTER (WHERE u <> ${ALL_UNKNOWN})::INTEGER AS k_any
    FROM planner_households GROUP BY ALL`,
    `CREATE OR REPLACE TABLE planner_cases AS
    SELECT p.hid, p.vid, p.village_code, p.district_code, p.decile, p.agent_kind, c.need, (CASE c.need ${bit} ELSE 0 END)::TINYINT AS bit,
      c.status, c.reported_at::DATE AS reported_at, c.resolved_at::DATE AS resolved_at
    FROM cases c
    JOIN (SELECT rowid::INTEGER AS hid, household_id FROM households) h USING (household_id)
    JOIN planner_households p USING (hid)`,
    `CREATE OR REPLACE TABLE planner_month_cube AS
    WITH months AS (
      SELECT strftime(m, '%Y-%m') AS month, last_day(m) AS e
      FROM (SELECT unnest(generate_series(date_trunc('month', min(reported_at)),
        date_trunc('month', greatest(max(reported_at), coalesce(max(resolved_at), max(reported_at)))),
        INTERVAL 1 MONTH)) AS m FROM planner_cases)
    ),
    open AS (
      SELECT o.month, c.hid, any_value(c.vid) AS vid, any_value(c.village_code) AS village_code,
        any_value(c.district_code) AS district_code, any_value(c.decile) AS decile,
        any_value(c.agent_kind) AS agent_kind, bit_or(c.bit) AS mask
      FROM planner_cases c JOIN months o ON c.reported_at <= o.e AND (c.resolved_at IS NULL OR c.resolved_at > o.e)
      GROUP BY o.month, c.hid
    )
    SELECT month, vid, village_code, district_code, decile, agent_kind,
      ${NEED_CODES.map((c, i) => `sum((mask >> ${i}) & 1)::INTEGER AS o_${c}`).join(', ')},
      count(*)::INTEGER AS o_any
    FROM open GROUP BY ALL`,
  ];
}

export async function preparePlannerTables(client: SqlClient): Promise<void> {
  for (const sql of preparePlannerSql()) await client.queryTable(sql);
}

/** Last day of a `YYYY-MM` month as an SQL date expression. */
const monthEnd = (month: string, bind: Bind = inlineValue) => `last_day((${bind(month)} || '-01')::DATE)`;

/** True when households are judged from their cases rather than their need flags. */
export const usesCases = (q: Pick<PlannerQuery, 'filters' | 'month'>): boolean =>
  (q.month !== null && MONTH.test(q.month)) ||
  q.filters.status !== 'all' ||
  (q.filters.from !== null && ISO_DATE.test(q.filters.from)) ||
  (q.filters.to !== null && ISO_DATE.test(q.filters.to));

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

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

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

/** The household's value of the measure from columns n_<code> (NULL = unknown). */
export function valueExpression(need: PlannerNeed, weights: NeedWeights): string {
  if (need !== 'any' && need !== 'score') return `n_${need}`;
  const cols = NEED_CODES.map((c) => `n_${c}`);
  const unknown = `coalesce(${cols.join(', ')}) IS NULL`;
  if (need === 'any') {
    return `CASE WHEN ${unknown} THEN NULL ELSE greatest(${cols.map((c) => `coalesce(${c}, 0)`).join(', ')}) END`;
  }
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((s, c) => s + w[c], 0);
  const sum = NEED_CODES.filter((c) => w[c] > 0)
    .map((c) => `${w[c]} * coalesce(n_${c}, 0)`)
    .join(' + ');
  return `CASE WHEN ${unknown} THEN NULL ELSE (${sum}) / ${total}.0 END`;
}

/** The measure from a need mask `mask` (0/1 per need bit; unknown needs are 0 in it). */
export function maskValueExpression(need: PlannerNeed, weights: NeedWeights, mask = 'm'): string {
  if (need === 'any') return `(${mask} > 0)::INTEGER`;
  if (need !== 'score') return `((${mask} >> ${NEED_CODES.indexOf(need)}) & 1)`;
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((sum, c) => sum + w[c], 0);
  const terms = NEED_CODES.map((c, i) => (w[c] > 0 ? `${w[c]} * ((${mask} >> ${i}) & 1)` : null)).filter(
    Boolean,
  );
  return `((${terms.join(' + ')}) / ${total}.0)`;
}

/**
 * Sum over cube rows of the measure from per-need columns `<prefix><code>` (households with the need):
 * one need, any need, or the composite score Σ wᵢ·Sᵢ / Σ w (the score is linear in the needs).
 */
export function cubeSum(need: PlannerNeed, weights: NeedWeights, prefix: 's_' | 'o_'): string {
  if (need !== 'score') return `sum(${prefix}${need})`;
  const w = safeWeights(weights);
  const total = NEED_CODES.reduce((sum, c) => sum + w[c], 0);
  const terms = NEED_CODES.filter((c) => w[c] > 0).map((c) => `${w[c]} * sum(${prefix}${c})`);
  return `(${terms.join(' + ')}) / ${total}.0`;
}

/** Every measure the planner maps: each need, any need, and the composite score. */
export const PLANNER_NEEDS: readonly PlannerNeed[] = [...NEED_CODES, 'any', 'score'];

/** What the map's area rows depend on: everything but the measure (one query answers all measures). */
export type AreaQuery = Omit<PlannerQuery, 'need'>;

/**
 * `a(vid, households, covered, c_<m>, k_<m>)` for every measure m of PLANNER_NEEDS: households with
 * the need (the score: the sum of household scores) and households whose status of it is known, per
 * village under the filters — from the cube (need flags), the month cube, or the cases (each household
 * with a matching case counts once).
 */
export function villageAggregateCte(q: AreaQuery, bind: Bind = inlineValue): string {
  const filters = householdConditions(q.filters, true, bind);
  const measures = (column: (m: PlannerNeed) => string) =>
    PLANNER_NEEDS.map((m) => `(${column(m)})::DOUBLE AS c_${m}`).join(', ');
  if (!usesCases(q)) {
    const known = PLANNER_NEEDS.map(
      (m) => `sum(${m === 'any' || m === 'score' ? 'k_any' : `k_${m}`})::INTEGER AS k_${m}`,
    ).join(', ');
    return `a AS (SELECT vid, sum(n)::INTEGER AS households, sum(cov)::INTEGER AS covered,
      ${measures((m) => cubeSum(m, q.weights, 's_'))}, ${known}
      FROM planner_cube ${where(filters)} GROUP BY vid)`;
  }
  // From cases, every household's status is known: it has a matching case or it has not.
  const fromNum = PLANNER_NEEDS.map((m) => `coalesce(num.c_${m}, 0) AS c_${m}, households AS k_${m}`).join(
    ', ',
  );
  const base = `base AS (SELECT vid, sum(n)::INTEGER AS households, sum(cov)::INTEGER AS covered
      FROM planner_cube ${where(filters)} GROUP BY vid)`;
  const a = `a AS (SELECT vid, households, covered, ${fromNum} FROM base LEFT JOIN num USING (vid))`;
  const f = q.filters;
  if (q.month && f.status === 'all' && !f.from && !f.to) {
    return `${base},
    num AS (SELECT vid, ${measures((m) => cubeSum(m, q.weights, 'o_'))}
      FROM planner_month_cube
      ${where([...filters, `month = least(${bind(q.month)}, (SELECT max(month) FROM planner_month_cube))`])}
      GROUP BY vid),
    ${a}`;
  }
  return `${base},
    hx AS (SELECT hid, any_value(vid) AS vid, bit_or(bit) AS mask
      FROM planner_cases ${where([...filters, ...caseConditions(q, true, bind)])} GROUP BY hid),
    num AS (SELECT vid, ${measures((m) => `sum(${maskValueExpression(m, q.weights, 'mask')})`)} FROM hx GROUP BY vid),
    ${a}`;
}

/**
 * `hh`: one row per household passing the filters, with its need columns (from flags or cases)
 * and `value`, the measure. `withArea` false ignores the kecamatan/village filter (for the profile).
 */
export function householdCte(q: PlannerQuery, withArea = true): string {
  const filters = where(householdConditions(q.filters, withArea));
  const value = valueExpression(q.need, q.weights);
  if (!usesCases(q)) {
    return `hh AS (SELECT *, ${value} AS value FROM planner_households ${filters})`;
  }
  const perNeed = NEED_CODES.map((c) => `max((need = '${c}')::TINYINT) AS n_${c}`).join(', ');
  const caseNeeds = NEED_CODES.map((c) => `coalesce(cx.n_${c}, 0)::TINYINT AS n_${c}`).join(', ');
  return `cx AS (SELECT hid, ${perNeed} FROM planner_cases ${where(caseConditions(q))} GROUP BY hid),
  hb AS (SELECT p.hid, p.village_code, p.district_code, p.lon, p.lat, p.decile, p.agent_kind, p.covered, ${caseNeeds}
    FROM planner_households p LEFT JOIN cx USING (hid) ${filters}),
  hh AS (SELECT *, ${value} AS value FROM hb)`;
}

export interface AreaStat {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  area_km2: number | null;
  households: number;
  /** Households with the need (for the score: the sum of household scores). */
  count: number;
  /** Per 100 households whose status is known; null without any. */
  rate: number | null;
  /** Per km² of the area; null without an area or without households. */
  density: number | null;
  /** Share of households whose own agent lives within 1 km, %. */
  coverage_pct: number | null;
  /** Households whose status of the need is known (the rate's denominator; small-group suppression adds it up). */
  known?: number;
}

/**
 * An area with the sums behind every measure m of PLANNER_NEEDS: `c_<m>` households with the need
 * (the score: the sum of household scores) and `k_<m>` households whose status of it is known.
 */
export type AreaMeasures = Pick<
  AreaStat,
  'code' | 'name' | 'district_code' | 'district_name' | 'area_km2' | 'households'
> & { covered: number } & Record<`c_${PlannerNeed}` | `k_${PlannerNeed}`, number>;

const sumColumns = ['households', 'covered', ...PLANNER_NEEDS.flatMap((m) => [`c_${m}`, `k_${m}`])];
/** The sums of an aggregate `x`, zero for an area without households in the filters. */
const areaColumns = (x: string) =>
  sumColumns
    .map((c) => `coalesce(${x}.${c}, 0)::${c.startsWith('c_') ? 'DOUBLE' : 'INTEGER'} AS ${c}`)
    .join(', ');

/** One row per gazetteer village (every village, with or without households in the filters). */
export function villageMeasuresSql(q: AreaQuery, bind: Bind = inlineValue): string {
  return `WITH ${villageAggregateCte(q, bind)}
  SELECT g.village_code AS code, g.village_name AS name, g.district_code, g.district_name,
    g.area_km2, ${areaColumns('a')}
  FROM planner_villages g LEFT JOIN a USING (vid)
  ORDER BY g.village_code`;
}

/** One row per kecamatan of the gazetteer; its area is the sum of its villages' areas. */
export function districtMeasuresSql(q: AreaQuery, bind: Bind = inlineValue): string {
  return `WITH ${villageAggregateCte(q, bind)},
  d AS (SELECT v.district_code, ${sumColumns.map((c) => `sum(a.${c}) AS ${c}`).join(', ')}
    FROM a JOIN planner_villages v USING (vid) GROUP BY 1),
  g AS (SELECT district_code, any_value(district_name) AS district_name, sum(area_km2) AS area_km2
    FROM planner_villages GROUP BY 1)
  SELECT g.district_code AS code, g.district_name AS name, g.district_code, g.district_name,
    g.area_km2::DOUBLE AS area_km2, ${areaColumns('d')}
  FROM g LEFT JOIN d ON d.district_code = g.district_code
  ORDER BY g.district_code`;
}

/**
 * The sums behind every measure of every village or kecamatan under the filters (and month), in one
 * query: a change of measure or unit needs no query.
 */
export async function areaMeasures(
  client: SqlClient,
  q: AreaQuery,
  level: 'village' | 'district',
): Promise<AreaMeasures[]> {
  return preparedRows<AreaMeasures>(client, (bind) =>
    (level === 'village' ? villageMeasuresSql : districtMeasuresSql)(q, bind),
  );
}

/**
 * The rows of one measure from the sums (pure): rate per 100 households whose status is known,
 * per km² of the area, and coverage — the same ratios as the key figures' SQL (totalsSql).
 */
export function pickMeasure(rows: readonly AreaMeasures[], need: PlannerNeed): AreaStat[] {
  return rows.map((r) => {
    const count = r[`c_${need}`];
    const known = r[`k_${need}`];
    return {
      code: r.code,
      name: r.name,
      district_code: r.district_code,
      district_name: r.district_name,
      area_km2: r.area_km2,
      households: r.households,
      count,
      rate: known > 0 ? (100 * count) / known : null,
      density: r.area_km2 !== null && r.area_km2 > 0 && r.households > 0 ? count / r.area_km2 : null,
      coverage_pct: r.households > 0 ? (100 * r.covered) / r.households : null,
      known,
    };
  });
}

export interface PlannerTotals {
  households: number;
  count: number;
  rate: number | null;
  coverage_pct: number | null;
  villages_with_need: number;
  cases_reported: number;
  cases_resolved: number;
  cases_open: number;
}

/** Key figures of the filtered households (equal to the sum of the table's rows). */
export function totalsSql(q: PlannerQuery, bind: Bind = inlineValue): string {
  const needs = measuredNeeds(q.need, q.weights);
  const caseWhere = [
    ...householdConditions(q.filters, true, bind),
    `need IN (${needs.map(literal).join(', ') || "''"})`,
    ...caseConditions(q, false, bind),
  ];
  const openAt = q.month && MONTH.test(q.month) ? monthEnd(q.month, bind) : null;
  const [count, known] = [`c_${q.need}`, `k_${q.need}`];
  return `WITH ${villageAggregateCte(q, bind)},
  c AS (SELECT reported_at, resolved_at FROM planner_cases ${where(caseWhere)})
  SELECT coalesce(sum(households), 0)::INTEGER AS households,
    coalesce(sum(${count}), 0)::DOUBLE AS count,
    CASE WHEN sum(${known}) > 0 THEN 100.0 * sum(${count}) / sum(${known}) END::DOUBLE AS rate,
    CASE WHEN sum(households) > 0 THEN 100.0 * sum(covered) / sum(households) END::DOUBLE AS coverage_pct,
    (count(*) FILTER (WHERE ${count} > 0 AND vid IS NOT NULL))::INTEGER AS villages_with_need,
    (SELECT count(*) FROM c ${openAt ? `WHERE reported_at <= ${openAt}` : ''})::INTEGER AS cases_reported,
    (SELECT count(*) FROM c WHERE resolved_at IS NOT NULL ${openAt ? `AND resolved_at <= ${openAt}` : ''})::INTEGER
      AS cases_resolved,
    (SELECT count(*) FROM c WHERE ${
      openAt
        ? `reported_at <= ${openAt} AND (resolved_at IS NULL OR resolved_at > ${openAt})`
        : 'resolved_at IS NULL'
    })::INTEGER AS cases_open
  FROM a`;
}

export async function plannerTotals(client: SqlClient, q: PlannerQuery): Promise<PlannerTotals> {
  const [row] = await preparedRows<PlannerTotals>(client, (bind) => totalsSql(q, bind));
  if (!row) throw new Error('totals query returned no row');
  return row;
}

export interface MonthBin {
  /** `YYYY-MM`. */
  month: string;
  reported: number;
  resolved: number;
  /** Cases open at the end of the month (reported so far − resolved so far). */
  open: number;
}

/**
 * Cases reported and resolved per month for the filtered households and the measured needs
 * (the month itself is not a filter here: the histogram is what the slider moves over).
 * `village` narrows to one village (the profile's trend).
 */
export function monthlyCasesSql(
  q: PlannerQuery,
  village: string | null = null,
  bind: Bind = inlineValue,
): string {
  const needs = measuredNeeds(q.need, q.weights);
  const filters = village === null ? q.filters : { ...q.filters, district: null, village };
  const caseWhere = [
    ...householdConditions(filters, true, bind),
    `need IN (${needs.map(literal).join(', ') || "''"})`,
    ...caseConditions(q, false, bind),
  ];
  return `WITH c AS (SELECT reported_at, resolved_at FROM planner_cases ${where(caseWhere)}),
  e AS (
    SELECT strftime(reported_at, '%Y-%m') AS month, 1 AS rep, 0 AS res FROM c
    UNION ALL
    SELECT strftime(resolved_at, '%Y-%m'), 0, 1 FROM c WHERE resolved_at IS NOT NULL
  ),
  m AS (SELECT month, sum(rep)::INTEGER AS reported, sum(res)::INTEGER AS resolved FROM e GROUP BY month)
  SELECT month, reported, resolved,
    (sum(reported - resolved) OVER (ORDER BY month))::INTEGER AS open
  FROM m ORDER BY month`;
}

export const monthlyCases = (client: SqlClient, q: PlannerQuery, village: string | null = null) =>
  preparedRows<MonthBin>(client, (bind) => monthlyCasesSql(q, village, bind));

/**
 * The first and last month of the period: from the first case reported to the last report or resolution —
 * or, for an aggregate dataset (no case rows), the published months of the month figures (for household data
 * those lie within the cases' period, so the union changes nothing there).
 */
export const MONTH_RANGE_SQL = `WITH r AS (
    SELECT strftime(min(reported_at), '%Y-%m') AS first,
      strftime(greatest(max(reported_at), coalesce(max(resolved_at), max(reported_at))), '%Y-%m') AS last
    FROM planner_cases
    UNION ALL
    SELECT min(month), max(month) FROM planner_month_cube
  )
  SELECT min(first) AS first, max(last) AS last FROM r`;

/** Side of the cells (degrees, ≈ 55 m) households are gathered in for the heatmap and hexagons. */
export const POINT_CELL_DEG = 0.0005;

/**
 * The measure of the households (value > 0) summed per cell of POINT_CELL_DEG, at the cell's centre, for
 * the heatmap and the 1 km hexagons: a fraction of the points to draw (households cluster in villages),
 * a shift of at most ≈ 40 m, and the same total.
 */
export function weightedPointsSql(q: PlannerQuery): string {
  const cell = (c: string) => `((floor(${c} / ${POINT_CELL_DEG}) + 0.5) * ${POINT_CELL_DEG})::FLOAT`;
  return `WITH ${householdCte(q)} SELECT ${cell('lon')} AS lon, ${cell('lat')} AS lat, sum(value)::FLOAT AS w
    FROM hh WHERE value > 0 GROUP BY 1, 2`;
}

/** Filtered households inside a box (the points layer at high zoom), at most `limit`. */
export function boxPointsSql(q: PlannerQuery, box: [number, number, number, number], limit: number): string {
  const [w, s, e, n] = box.map(Number) as [number, number, number, number];
  return `WITH ${householdCte(q)} SELECT hid, lon::FLOAT AS lon, lat::FLOAT AS lat,
      coalesce(value, 0)::FLOAT AS w, covered
    FROM hh WHERE lon BETWEEN ${w} AND ${e} AND lat BETWEEN ${s} AND ${n} LIMIT ${Math.round(limit)}`;
}

export interface HouseholdCard {
  household_id: string;
  village_name: string;
  district_name: string;
  decile: number | null;
  agent_kind: string | null;
  covered: number;
  needs: string;
}

/** One household's card for the point tooltip (its id is masked by the view). */
export function householdCardSql(hid: number): string {
  const needs = NEED_CODES.map((c) => `CASE WHEN p.n_${c} = 1 THEN '${c}' END`).join(', ');
  return `SELECT h.household_id, v.village_name, v.district_name, p.decile::INTEGER AS decile, p.agent_kind, p.covered::INTEGER AS covered,
      concat_ws(',', ${needs}) AS needs
    FROM planner_households p JOIN households h ON h.rowid = p.hid
    LEFT JOIN villages v ON v.village_code = p.village_code
    WHERE p.hid = ${Math.round(hid)}`;
}

export interface NeedBreakdown {
  need: NeedCode;
  count: number;
  rate: number | null;
}

/** Households with each need in one village (flags or cases, as the screen), under the filters. */
export function villageNeedsSql(q: PlannerQuery, village: string): string {
  const parts = NEED_CODES.map(
    (c) => `SELECT '${c}' AS need, coalesce(sum(n_${c}), 0)::INTEGER AS count,
      CASE WHEN count(n_${c}) > 0 THEN 100.0 * sum(n_${c}) / count(n_${c}) END::DOUBLE AS rate
      FROM hh WHERE village_code = ${literal(village)}`,
  );
  return `WITH ${householdCte(q, false)} ${parts.join('\nUNION ALL ')}`;
}

export interface DecileBin {
  decile: number | null;
  households: number;
  with_need: number;
}

/** Households per welfare decile in one village, and how many have the measured need. */
export function villageDecilesSql(q: PlannerQuery, village: string): string {
  return `WITH ${householdCte(q, false)}
  SELECT decile::INTEGER AS decile, count(*)::INTEGER AS households,
    count(*) FILTER (WHERE value > 0)::INTEGER AS with_need
  FROM hh WHERE village_code = ${literal(village)} GROUP BY decile ORDER BY decile NULLS LAST`;
}

export interface VillageAgent {
  agent_id: string;
  agent_type: string | null;
  home_village_code: string | null;
  families: number;
  covered: number;
}

/** Agents looking after households of one village (under the household filters), most families first. */
export function villageAgentsSql(q: PlannerQuery, village: string, limit = 12): string {
  return `WITH ${householdCte(q, false)}
  SELECT h.agent_id, a.agent_type, a.home_village_code, count(*)::INTEGER AS families,
    sum(hh.covered)::INTEGER AS covered
  FROM hh JOIN households h ON h.rowid = hh.hid LEFT JOIN agents a ON a.agent_id = h.agent_id
  WHERE hh.village_code = ${literal(village)} AND h.agent_id IS NOT NULL
  GROUP BY 1, 2, 3 ORDER BY families DESC, h.agent_id LIMIT ${Math.round(limit)}`;
}

export interface VillageFacts {
  agents_serving: number;
  resident_agents: number;
  households_no_agent: number;
}

export function villageFactsSql(q: PlannerQuery, village: string): string {
  return `WITH ${householdCte(q, false)}
  SELECT (SELECT count(DISTINCT h.agent_id) FROM hh JOIN households h ON h.rowid = hh.hid
      WHERE hh.village_code = ${literal(village)})::INTEGER AS agents_serving,
    (SELECT count(*) FROM agents WHERE home_village_code = ${literal(village)} AND active = 1)::INTEGER
      AS resident_agents,
    (SELECT count(*) FROM hh WHERE village_code = ${literal(village)} AND agent_kind = 'none')::INTEGER
      AS households_no_agent`;
}
