/**
 * The checks, in SQL over the staging table. Each check inserts row-level issues (row, source column, code, value)
 * into the issues table; the canonical table is then built from the rows with no rejecting issue.
 */
import { REGENCY_BBOX, SQL_TYPE, TABLES, type TableName } from '../domain/schema';
import { ident, literal, queryRows, type SqlClient } from '../sql/sql-client';
import { RULES } from './rules';
import {
  codeDigits,
  dateExpr,
  dottedFromDigits,
  enumExpr,
  flagExpr,
  haversineKm,
  integerExpr,
  isSeparatedCode,
  numberExpr,
  rawCell,
} from './sql-expr';
import { stageColumn } from './staging';
import { FAR_MIN_KM, FAR_RADIUS_FACTOR, ISSUE_CODES, type IssueCode, isRejecting } from './types';

export interface CheckTables {
  stage: string;
  /** Raw + typed values, one row per staged row. */
  typed: string;
  issues: string;
  /** Scratch names. */
  scratch: (name: string) => string;
}

export interface CheckPlan {
  kind: TableName;
  /** canonical column → staging column index. */
  columns: ReadonlyMap<string, number>;
  /** canonical column → source header. */
  headers: ReadonlyMap<string, string>;
  /** The source header of the village code column names BPS (forces BPS reading of ambiguous codes). */
  bpsHint: boolean;
}

export interface CheckOutcome {
  villageCodeSystem: 'kemendagri' | 'bps' | null;
  skippedChecks: IssueCode[];
}

const r = (name: string): string => ident(`r_${name}`);
const v = (name: string): string => ident(`v_${name}`);
const n = (name: string): string => ident(`n_${name}`);

/** Rows (and non-empty) count of a table, or null when it does not exist. */
export async function tableRows(client: SqlClient, table: string): Promise<number | null> {
  const [found] = await queryRows<{ n: number }>(
    client,
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_name = ${literal(table)}`,
  );
  if (!found?.n) return null;
  const [count] = await queryRows<{ n: number }>(
    client,
    `SELECT count(*)::INTEGER AS n FROM ${ident(table)}`,
  );
  return count?.n ?? 0;
}

async function hasColumn(client: SqlClient, table: string, column: string): Promise<boolean> {
  const [found] = await queryRows<{ n: number }>(
    client,
    `SELECT count(*)::INTEGER AS n FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ${literal(table)}
       AND column_name = ${literal(column)}`,
  );
  return (found?.n ?? 0) > 0;
}

/** Builds the typed table and runs every check. `step` is called between checks (progress, cancellation). */
export async function runChecks(
  client: SqlClient,
  plan: CheckPlan,
  t: CheckTables,
  step: (fraction: number) => void,
): Promise<CheckOutcome> {
  const { kind } = plan;
  const rules = RULES[kind];
  const specs = TABLES[kind].filter((s) => plan.columns.has(s.name));
  const skippedChecks: IssueCode[] = [];
  const q = (sql: string) => client.queryTable(sql);

  // 1. Raw values (trimmed, empty → NULL); for the village code column also its digits and form.
  const codeColumn = kind === 'villages' ? null : (rules.villageRef ?? null);
  const hasCode = codeColumn !== null && plan.columns.has(codeColumn);
  const villageRows = await tableRows(client, 'villages');
  const gazetteer = hasCode && (villageRows ?? 0) > 0;
  const d = ident(`d_${codeColumn}`);
  const g = ident(`g_${codeColumn}`);
  const k = ident(`k_${codeColumn}`);
  const b = ident(`b_${codeColumn}`);
  const rawCols = specs.map((s) => `${rawCell(stageColumn(plan.columns.get(s.name) ?? 0))} AS ${r(s.name)}`);
  const codeCols =
    hasCode && codeColumn !== null
      ? `, ${isSeparatedCode(r(codeColumn))} AS ${d}, ${codeDigits(r(codeColumn))} AS ${g}`
      : '';
  // Materialised: DuckDB inlines a subquery's expressions into every reference, and the typed values refer to
  // each raw value several times (measured: 15 s instead of 8 s at 1 M rows).
  const raw0 = t.scratch('raw');
  await q(`CREATE OR REPLACE TABLE ${ident(raw0)} AS
    SELECT * ${codeCols} FROM (SELECT _row, ${rawCols.join(', ')} FROM ${ident(t.stage)})`);
  const rawSql = ident(raw0);

  // 2. Village codes: both readings of a 10-digit code (Kemendagri and BPS) from the gazetteer, and the file's
  // dominant system for codes valid in both.
  let villageCodeSystem: CheckOutcome['villageCodeSystem'] = hasCode ? 'kemendagri' : null;
  let codeSelect = '';
  let codeJoin = '';
  if (hasCode && !gazetteer) skippedChecks.push('unknown_village', 'far_from_village');
  if (gazetteer) {
    const lookup = t.scratch('codes');
    const bps = await hasColumn(client, 'villages', 'village_code_bps');
    await q(`CREATE OR REPLACE TABLE ${ident(lookup)} AS
      SELECT key, system, min(code) AS code FROM (
        SELECT replace(village_code, '.', '') AS key, 'kemendagri' AS system, village_code AS code FROM villages
        ${bps ? `UNION ALL SELECT trim(village_code_bps), 'bps', village_code FROM villages WHERE village_code_bps IS NOT NULL` : ''}
      ) GROUP BY key, system`);
    codeSelect = `, kc.code AS ${k}, bc.code AS ${b}`;
    codeJoin = `LEFT JOIN ${ident(lookup)} kc ON kc.system = 'kemendagri' AND kc.key = x.${g}
      LEFT JOIN ${ident(lookup)} bc ON bc.system = 'bps' AND bc.key = x.${g} AND NOT x.${d}`;
    const [votes] = await queryRows<{ kem: number; bps: number }>(
      client,
      `SELECT count(*) FILTER (WHERE ${d} OR (${k} IS NOT NULL AND ${b} IS NULL))::INTEGER AS kem,
              count(*) FILTER (WHERE NOT ${d} AND ${k} IS NULL AND ${b} IS NOT NULL)::INTEGER AS bps
       FROM (SELECT x.${d} ${codeSelect} FROM ${rawSql} x ${codeJoin})`,
    );
    villageCodeSystem = plan.bpsHint || (votes?.bps ?? 0) > (votes?.kem ?? 0) ? 'bps' : 'kemendagri';
  }
  step(0.15);

  // 3. Typed values (integer columns need their number first: two projections).
  const numbers = specs.filter((s) => s.type === 'integer' && !rules.enums[s.name]);
  const firstPass = ['x.*', ...numbers.map((s) => `${numberExpr(`x.${r(s.name)}`)} AS ${n(s.name)}`)];
  const secondPass = ['*'];
  for (const s of specs) {
    const raw = r(s.name);
    if (s.name === codeColumn || (kind === 'villages' && s.name === 'village_code')) continue;
    if (rules.enums[s.name]) secondPass.push(`${enumExpr(raw, rules.enums[s.name] ?? [])} AS ${v(s.name)}`);
    else if (s.type === 'integer') secondPass.push(`${integerExpr(n(s.name))} AS ${v(s.name)}`);
    else if (s.type === 'double') secondPass.push(`${numberExpr(raw)} AS ${v(s.name)}`);
    else if (s.type === 'date') secondPass.push(`${dateExpr(raw)} AS ${v(s.name)}`);
    else if (s.type === 'flag') secondPass.push(`${flagExpr(raw)} AS ${v(s.name)}`);
    else secondPass.push(`${raw} AS ${v(s.name)}`);
  }
  if (hasCode && codeColumn !== null) {
    const code = gazetteer
      ? `CASE WHEN ${d} THEN ${k} WHEN ${k} IS NOT NULL AND ${b} IS NOT NULL THEN ${villageCodeSystem === 'bps' ? b : k}
          ELSE coalesce(${k}, ${b}) END`
      : dottedFromDigits(g);
    secondPass.push(`${code} AS ${v(codeColumn)}`);
  }
  if (kind === 'villages' && plan.columns.has('village_code')) {
    secondPass.push(`${dottedFromDigits(codeDigits(r('village_code')))} AS ${v('village_code')}`);
  }
  await q(`CREATE OR REPLACE TABLE ${ident(t.typed)} AS
    SELECT ${secondPass.join(', ')} FROM (SELECT ${firstPass.join(', ')} ${codeSelect} FROM ${rawSql} x ${codeJoin})`);
  await q(`DROP TABLE ${ident(raw0)}`);
  step(0.3);

  // 4. Checks.
  const checks: { code: IssueCode; column: string | null; where: string; value: string; from?: string }[] =
    [];
  const header = (name: string): string | null => plan.headers.get(name) ?? null;
  const add = (code: IssueCode, column: string | null, where: string, value: string, from?: string) =>
    checks.push(from === undefined ? { code, column, where, value } : { code, column, where, value, from });

  const [lonName, latName] = rules.coordinates ?? [null, null];
  const coordinateNames = new Set([lonName, latName]);
  for (const s of TABLES[kind]) {
    if (!s.required || coordinateNames.has(s.name) || !plan.columns.has(s.name)) continue;
    add('required_missing', header(s.name), `${r(s.name)} IS NULL`, 'NULL');
  }
  for (const s of specs) {
    const raw = r(s.name);
    const val = v(s.name);
    if (coordinateNames.has(s.name)) continue;
    const unread = `${raw} IS NOT NULL AND ${val} IS NULL`;
    if (s.name === codeColumn) {
      if (gazetteer) add('unknown_village', header(s.name), unread, raw);
      else add('invalid_village_code', header(s.name), unread, raw);
      continue;
    }
    if (kind === 'villages' && s.name === 'village_code') {
      add('invalid_village_code', header(s.name), unread, raw);
      continue;
    }
    if (rules.enums[s.name]) {
      add('invalid_value', header(s.name), unread, raw);
      continue;
    }
    switch (s.type) {
      case 'double':
        add('not_a_number', header(s.name), unread, raw);
        break;
      case 'integer':
        add('not_a_number', header(s.name), `${raw} IS NOT NULL AND ${n(s.name)} IS NULL`, raw);
        add('not_an_integer', header(s.name), `${n(s.name)} IS NOT NULL AND ${val} IS NULL`, raw);
        break;
      case 'date':
        add('not_a_date', header(s.name), unread, raw);
        break;
      case 'flag':
        add('invalid_flag', header(s.name), unread, raw);
        break;
      default: {
        const pattern = rules.patterns[s.name];
        if (pattern)
          add('invalid_value', header(s.name), `NOT regexp_full_match(${raw}, ${literal(pattern)})`, raw);
      }
    }
    const range = rules.ranges[s.name];
    if (range) {
      const conds = [
        range.min === undefined ? null : `${val} < ${range.min}`,
        range.max === undefined ? null : `${val} > ${range.max}`,
      ].filter((c): c is string => c !== null);
      add(
        range.decile ? 'decile_out_of_range' : 'value_out_of_range',
        header(s.name),
        conds.join(' OR '),
        raw,
      );
    }
  }

  // Coordinates.
  if (lonName && latName && plan.columns.has(lonName) && plan.columns.has(latName)) {
    const pairHeader = `${header(lonName)} / ${header(latName)}`;
    const pairValue = `concat_ws(' / ', coalesce(${r(lonName)}, ''), coalesce(${r(latName)}, ''))`;
    for (const name of [lonName, latName]) {
      add('coordinates_missing', header(name), `${r(name)} IS NULL`, 'NULL');
      add('coordinates_not_numeric', header(name), `${r(name)} IS NOT NULL AND ${v(name)} IS NULL`, r(name));
    }
    const lon = v(lonName);
    const lat = v(latName);
    const { west, east, south, north } = REGENCY_BBOX;
    const inside = (x: string, y: string) =>
      `(${x} BETWEEN ${west} AND ${east} AND ${y} BETWEEN ${south} AND ${north})`;
    const both = `${lon} IS NOT NULL AND ${lat} IS NOT NULL`;
    add(
      'coordinates_swapped',
      pairHeader,
      `${both} AND NOT ${inside(lon, lat)} AND ${inside(lat, lon)}`,
      pairValue,
    );
    add(
      'outside_regency',
      pairHeader,
      `${both} AND NOT ${inside(lon, lat)} AND NOT ${inside(lat, lon)}`,
      pairValue,
    );
    if (gazetteer && codeColumn !== null) {
      const dist = haversineKm(`x.${lon}`, `x.${lat}`, 'g.label_lon', 'g.label_lat');
      const limit = `greatest(${FAR_MIN_KM}, ${FAR_RADIUS_FACTOR} * sqrt(coalesce(g.area_km2, 0) / pi()))`;
      add(
        'far_from_village',
        pairHeader,
        `x.${both.replaceAll(' AND ', ' AND x.')} AND ${inside(`x.${lon}`, `x.${lat}`)} AND ${dist} > ${limit}`,
        `round(${dist}, 1)::VARCHAR || ' km'`,
        `${ident(t.typed)} x JOIN villages g ON g.village_code = x.${v(codeColumn)}`,
      );
    }
  }

  // Duplicate ids (all copies rejected).
  const id = rules.id;
  if (plan.columns.has(id)) {
    const key = kind === 'villages' ? `coalesce(${v(id)}, ${r(id)})` : r(id);
    add(
      'duplicate_id',
      header(id),
      `${r(id)} IS NOT NULL AND ${key} IN (SELECT ${key} FROM ${ident(t.typed)} WHERE ${r(id)} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)`,
      r(id),
    );
  }

  // References to other tables.
  for (const [column, ref] of Object.entries(rules.references)) {
    if (!plan.columns.has(column)) continue;
    const code: IssueCode = ref.table === 'households' ? 'unknown_household' : 'unknown_agent';
    if (((await tableRows(client, ref.table)) ?? 0) === 0) {
      if (!skippedChecks.includes(code)) skippedChecks.push(code);
      continue;
    }
    add(
      code,
      header(column),
      `${r(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ident(ref.table)} z WHERE z.${ident(ref.key)} = ${r(column)})`,
      r(column),
    );
  }

  // Cases: resolution date against status and report date.
  if (kind === 'cases') {
    if (plan.columns.has('resolved_at')) {
      add(
        'resolved_before_reported',
        header('resolved_at'),
        `${v('resolved_at')} < ${v('reported_at')}`,
        `concat_ws(' < ', ${r('resolved_at')}, ${r('reported_at')})`,
      );
      add(
        'resolved_but_open',
        header('resolved_at'),
        `${r('resolved_at')} IS NOT NULL AND ${v('status')} IN ('dilaporkan', 'ditangani')`,
        r('resolved_at'),
      );
    }
    add(
      'resolved_missing',
      header('resolved_at') ?? 'resolved_at',
      `${v('status')} = 'selesai' AND ${plan.columns.has('resolved_at') ? `${r('resolved_at')} IS NULL` : 'true'}`,
      'NULL',
    );
  }

  await q(
    `CREATE OR REPLACE TABLE ${ident(t.issues)} (row_no INTEGER, col VARCHAR, code VARCHAR, val VARCHAR, ord INTEGER)`,
  );
  for (const [i, c] of checks.entries()) {
    if (c.where.trim() === '') continue;
    const from = c.from ?? ident(t.typed);
    const rowCol = c.from ? 'x._row' : '_row';
    await q(`INSERT INTO ${ident(t.issues)}
      SELECT ${rowCol}, ${c.column === null ? 'NULL' : literal(c.column)}, ${literal(c.code)}, (${c.value})::VARCHAR, ${i}
      FROM ${from} WHERE ${c.where}`);
    step(0.3 + (0.7 * (i + 1)) / checks.length);
  }
  return { villageCodeSystem, skippedChecks };
}

/** SQL literal list of the codes that reject a row. */
export const rejectingCodesSql = (): string => ISSUE_CODES.filter(isRejecting).map(literal).join(', ');

/** Replaces the canonical table with the rows that have no rejecting issue, in file order. */
export async function loadCanonical(client: SqlClient, plan: CheckPlan, t: CheckTables): Promise<void> {
  const columns = TABLES[plan.kind].map((s) => {
    let expr = plan.columns.has(s.name) ? v(s.name) : `NULL::${SQL_TYPE[s.type]}`;
    if (s.name === 'active') expr = `COALESCE(${expr}, 1)`;
    return `${expr}::${SQL_TYPE[s.type]} AS ${ident(s.name)}`;
  });
  await client.queryTable(`CREATE OR REPLACE TABLE ${ident(plan.kind)} AS
    SELECT ${columns.join(', ')} FROM ${ident(t.typed)}
    WHERE _row NOT IN (SELECT row_no FROM ${ident(t.issues)} WHERE code IN (${rejectingCodesSql()}))
    ORDER BY _row`);
}
