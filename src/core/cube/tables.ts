/**
 * The planner's compact tables, prepared once after the dataset loads: every figure on the planner's
 * screen is a query over them, so the numbers agree with each other.
 */
import { type CoverageRule, coveredSql, nearSql, withAgentSql } from '../coverage-engine/household-status';
import { DEFAULT_COVERAGE_OPTIONS } from '../coverage-engine/types';
import { DEFAULT_COVERAGE_THRESHOLD_M, NEED_CODES, type NeedCode, needColumn } from '../domain/schema';
import { ident, type SqlClient } from '../sql/sql-client';

/** Bit of each need in the need masks `m` (needs) and `u` (unknown), NEED_CODES order. */
export const needBit = (code: NeedCode): number => 1 << NEED_CODES.indexOf(code);
const ALL_UNKNOWN = (1 << NEED_CODES.length) - 1;
/** The narrowest unsigned integer that holds a bit per need (the registry may grow past eight). */
const MASK_TYPE = NEED_CODES.length <= 8 ? 'UTINYINT' : NEED_CODES.length <= 16 ? 'USMALLINT' : 'UINTEGER';

/**
 * A channel value with whitespace runs (no-break spaces included) made one space and trimmed, in SQL: the same
 * character class as channelKey (core/dataset/app-config.ts) and channel-results.ts use (keep them equal).
 */
export const channelCleanSql = (column: string): string =>
  `trim(regexp_replace(${column}, '[\\t\\n\\v\\f\\r \\x{00A0}]+', ' ', 'g'))`;
/** A channel value's key in SQL, as channelKey computes it (tidied, lower-case); NULL when blank. */
export const channelKeySql = (column: string): string => `lower(nullif(${channelCleanSql(column)}, ''))`;

/**
 * Prepares, once after the dataset loads:
 * - `planner_villages`: the gazetteer with a small integer id `vid`;
 * - `planner_households`: one row per household with its village id, decile, agent kind, coverage (`covered`:
 *   near, an active agent within the limit, household-status.ts — the planner's map has no visit window),
 *   `reached` (covered as the summary counts it: near and visited within `visitDays`), `with_agent` (an
 *   active recorded agent) and need flags (`n_<code>`), plus the masks `m` (needs) and `u` (unknown needs);
 * - `planner_cube`: per (village, decile, agent kind) the households, those covered (`cov`), reached and with
 *   an agent, and per need the households with it (`s_<code>`, `s_any`) and with its status known
 *   (`k_<code>`, `k_any`) —
 *   every area figure from need flags is a sum over this cube (at most villages × 11 × 4 rows,
 *   whatever the number of households); the composite score is linear in the needs, so it is too;
 * - `planner_cases`: cases with their household's village, decile and agent kind (no join at query time)
 *   and `channel_key`, the referral channel as compared (channelKeySql; NULL when blank);
 * - `planner_month_cube`: per month and (village, decile, agent kind), households with a case of each
 *   need open at the end of the month (`o_<code>`, `o_any`): the time slider reads only this. It runs
 *   from the first report to the last report or resolution; after that nothing changes any more, so a
 *   later month reads the last one.
 * The derived tables keep the household columns the filters read (village_code, district_code, decile,
 * agent_kind), so one set of conditions (householdConditions) serves all of them.
 *
 * In three stages: `cube` makes planner_villages and planner_cube (from the household rows, without storing
 * them: the first map waits for it), all the map needs without a case filter or month; `households` stores
 * those rows (planner_households: the household points and the case tables read them); `cases` the last two.
 * prepared.ts makes the last two stages once the first map is drawn, or when an answer needs them.
 */
export function plannerTableStages(
  thresholdM = DEFAULT_COVERAGE_THRESHOLD_M,
  visitDays = DEFAULT_COVERAGE_OPTIONS.visitDays,
): {
  cube: string[];
  households: string[];
  cases: string[];
} {
  const flags = NEED_CODES.map((c) => `h.${ident(needColumn(c))}::TINYINT AS n_${c}`).join(',\n      ');
  const mask = NEED_CODES.map((c, i) => `(coalesce(n_${c}, 0)::INTEGER << ${i})`).join(' | ');
  const unknown = NEED_CODES.map((c, i) => `((n_${c} IS NULL)::INTEGER << ${i})`).join(' | ');
  const bit = NEED_CODES.map((c) => `WHEN '${c}' THEN ${needBit(c)}`).join(' ');
  const villages = `CREATE OR REPLACE TABLE planner_villages AS
    SELECT (row_number() OVER (ORDER BY village_code) - 1)::SMALLINT AS vid, village_code, village_name,
      district_code, district_name, area_km2::DOUBLE AS area_km2
    FROM villages`;
  // One row per household, as planner_households holds them (the cube reads the same rows, unstored).
  const householdRows = `WITH base AS (
      SELECT h.rowid::INTEGER AS hid, g.vid, h.village_code, g.district_code, h.lon, h.lat,
        h.welfare_decile::TINYINT AS decile,
        CASE WHEN h.agent_id IS NULL THEN 'none' WHEN a.agent_type = 'asn' THEN 'asn'
          WHEN a.agent_type IN ('pppk', 'honorer') THEN 'pppk' END AS agent_kind,
        ${nearSql(thresholdM)}::TINYINT AS covered,
        ${coveredSql({ thresholdM, visitDays })}::TINYINT AS reached,
        ${withAgentSql()}::TINYINT AS with_agent,
        ${flags}
      FROM households h
      LEFT JOIN planner_villages g USING (village_code)
      LEFT JOIN agents a ON a.agent_id = h.agent_id
      LEFT JOIN household_coverage c ON c.row_id = h.rowid
    )
    SELECT *, (${mask})::${MASK_TYPE} AS m, (${unknown})::${MASK_TYPE} AS u FROM base`;
  // Grouped by the village's small id, its codes looked up once per group after: grouping a million rows by
  // their text codes cost a sixth of the statement. A household of no gazetteer village keeps its own code.
  const cube = `CREATE OR REPLACE TABLE planner_cube AS
    WITH rows AS (${householdRows}),
    g AS (SELECT vid, CASE WHEN vid IS NULL THEN village_code END AS unknown_code, decile, agent_kind,
      count(*)::INTEGER AS n,
      sum(covered)::INTEGER AS cov, sum(reached)::INTEGER AS reached, sum(with_agent)::INTEGER AS with_agent,
      ${NEED_CODES.map((c) => `coalesce(sum(n_${c}), 0)::INTEGER AS s_${c}, count(n_${c})::INTEGER AS k_${c}`).join(',\n      ')},
      count(*) FILTER (WHERE m > 0)::INTEGER AS s_any, count(*) FILTER (WHERE u <> ${ALL_UNKNOWN})::INTEGER AS k_any
    FROM rows GROUP BY ALL)
    SELECT g.vid, coalesce(v.village_code, g.unknown_code) AS village_code, v.district_code,
      g.* EXCLUDE (vid, unknown_code)
    FROM g LEFT JOIN planner_villages v USING (vid)`;
  const households = `CREATE OR REPLACE TABLE planner_households AS ${householdRows} ORDER BY hid`;
  const cases = [
    `CREATE OR REPLACE TABLE planner_cases AS
    SELECT p.hid, p.vid, p.village_code, p.district_code, p.decile, p.agent_kind, c.need, (CASE c.need ${bit} ELSE 0 END)::${MASK_TYPE} AS bit,
      c.status, c.reported_at::DATE AS reported_at, c.resolved_at::DATE AS resolved_at,
      ${channelKeySql('c.channel')} AS channel_key
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
  return { cube: [villages, cube], households: [households], cases };
}

/** Every statement of plannerTableStages, in order. */
export function preparePlannerSql(
  thresholdM = DEFAULT_COVERAGE_THRESHOLD_M,
  visitDays = DEFAULT_COVERAGE_OPTIONS.visitDays,
): string[] {
  const { cube, households, cases } = plannerTableStages(thresholdM, visitDays);
  return [...cube, ...households, ...cases];
}

/** Makes the planner's tables under `rule` (the app uses the default rule). */
export async function preparePlannerTables(
  client: SqlClient,
  rule: CoverageRule = DEFAULT_COVERAGE_OPTIONS,
): Promise<void> {
  for (const sql of preparePlannerSql(rule.thresholdM, rule.visitDays)) await client.queryTable(sql);
}

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
