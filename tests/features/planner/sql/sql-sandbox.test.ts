import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMaskingPolicy } from '../../../../src/core/privacy/privacy';
import { startNodeDuckDb } from '../../../../src/core/sql/duckdb-node';
import { queryRows, type SqlClient } from '../../../../src/core/sql/sql-client';
import {
  createSqlSandbox,
  type SandboxResult,
  type SqlSandbox,
  wrappedQuery,
} from '../../../../src/features/planner/sql/sql-sandbox';
import { fixtureDb } from '../../../helpers/fixture-db';
import { NAME_PATTERN, type PersonalFixture, personalFixture } from '../../../helpers/personal-fixture';

// The boundary is tested here WITHOUT the panel's friendly text hint: every query goes straight in.

const policy = createMaskingPolicy(new Uint8Array(16).fill(42));
const CANARY = 'CANARY-7f3a9c-file-content';
let canaryFile: string;
let fx: PersonalFixture;
let main: SqlClient;
let sandbox: SqlSandbox;
let secretSet: Set<string>;
let mainBefore: string;

/** A fingerprint of every table in the app's database (names, row counts, contents). */
async function mainFingerprint(): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    main,
    'SELECT table_name AS name FROM duckdb_tables() ORDER BY 1',
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      main,
      `SELECT count(*)::INTEGER AS n, sum(hash(t::VARCHAR))::VARCHAR AS h FROM "${name}" t`,
    );
    parts.push(`${name}:${row?.n}:${row?.h}`);
  }
  return parts.join('|');
}

/** Every cell of a result as text. */
function cells(result: SandboxResult): string[] {
  if (!result.ok) return [];
  const out: string[] = [];
  for (const field of result.table.schema.fields) {
    const column = result.table.getChild(field.name);
    for (let i = 0; i < result.table.numRows; i++) {
      const v = column?.get(i);
      out.push(
        typeof v === 'object' && v !== null
          ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}` : x))
          : String(v),
      );
    }
    out.push(field.name);
  }
  return out;
}

/** Raw personal values found in a result: NIKs, NIPs, raw ids (by their shapes), names, the canary. */
function leaks(result: SandboxResult): string[] {
  const found: string[] = [];
  for (const text of cells(result)) {
    for (const token of text.match(/P?\d{16,18}|AG\d{5}|KS\d{7}/g) ?? [])
      if (secretSet.has(token)) found.push(token);
    if (NAME_PATTERN.test(text)) found.push(text);
    if (text.includes(CANARY)) found.push(text);
  }
  return found;
}

beforeAll(async () => {
  fx = personalFixture();
  const s = fx.secrets;
  secretSet = new Set([...s.niks, ...s.nips, ...s.householdIds, ...s.agentIds, ...s.caseIds]);
  canaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-')), 'canary.csv');
  writeFileSync(canaryFile, `secret\n${CANARY}\n`);
  main = await fixtureDb(fx.tables);
  mainBefore = await mainFingerprint();
  sandbox = await createSqlSandbox(main, startNodeDuckDb, policy);
}, 120_000);

describe('the test itself can see leaks', () => {
  it('an unlocked DuckDB reads the canary file, and the raw tables show NIKs and names', async () => {
    const open = await startNodeDuckDb();
    const read = await open.queryTable(`SELECT * FROM read_text('${canaryFile}')`);
    expect(leaks({ ok: true, table: read, truncated: false }).length).toBeGreaterThan(0);
    const raw = await main.queryTable('SELECT head_nik, head_name FROM households LIMIT 5');
    expect(leaks({ ok: true, table: raw, truncated: false }).length).toBeGreaterThan(0);
  });
});

describe('SQL sandbox', () => {
  it('answers ordinary questions, joins across tables on pseudonyms, and matches the app’s counts', async () => {
    const joined = await sandbox.run(
      'SELECT count(*)::INTEGER AS n FROM cases c JOIN households h USING (household_id) JOIN agents a ON a.agent_id = c.agent_id',
      10,
    );
    const [expected] = await queryRows<{ n: number }>(
      main,
      'SELECT count(*)::INTEGER AS n FROM cases c JOIN households h USING (household_id) JOIN agents a ON a.agent_id = c.agent_id',
    );
    expect(joined.ok && joined.table.getChild('n')?.get(0)).toBe(expected?.n);
    const one = await sandbox.run(
      'SELECT household_id, lon FROM households ORDER BY household_id LIMIT 1',
      10,
    );
    const raw = fx.secrets.householdIds;
    const pseudonyms = new Map(raw.map((id) => [policy.pseudonym('household', id), id]));
    expect(one.ok && pseudonyms.has(String(one.table.getChild('household_id')?.get(0)))).toBe(true);
    // Coordinates are rounded to 3 decimals.
    const lon = one.ok ? Number(one.table.getChild('lon')?.get(0)) : Number.NaN;
    expect(Math.round(lon * 1000) / 1000).toBeCloseTo(lon, 9);
  });

  it('copies every released value faithfully (nulls, dates, numbers)', async () => {
    const sql =
      'SELECT count(agent_id)::INTEGER AS agents, count(last_visit)::INTEGER AS visits, max(last_visit)::VARCHAR AS last, ' +
      'sum(members)::INTEGER AS members, sum(need_rtlh)::INTEGER AS rtlh, count(DISTINCT household_id)::INTEGER AS ids, ' +
      'round(sum(round(lon, 3)), 3)::VARCHAR AS lon FROM households';
    const copy = await sandbox.run(sql, 1);
    const original = await main.queryTable(sql);
    expect(copy.ok && copy.table.toArray()[0]?.toJSON()).toEqual(original.toArray()[0]?.toJSON());
  });

  it('holds no personal column at all', async () => {
    const columns = await sandbox.run(
      'SELECT table_name, column_name FROM information_schema.columns ORDER BY 1, 2',
      1000,
    );
    const names = cells(columns);
    for (const personal of ['head_nik', 'head_name', 'nip', 'agent_name'])
      expect(names).not.toContain(personal);
    expect(names).toContain('household_id');
    const tables = await sandbox.run(
      'SELECT DISTINCT table_name FROM information_schema.tables ORDER BY 1',
      100,
    );
    expect(tables.ok && tables.table.getChild('table_name')?.toArray()).toEqual([
      'agents',
      'cases',
      'households',
      'villages',
    ]);
  });

  it('caps the rows and says so', async () => {
    const r = await sandbox.run('SELECT * FROM households', 25);
    expect(r.ok && [r.table.numRows, r.truncated]).toEqual([25, true]);
  });

  it('wraps the query as one subquery; a trailing comment cannot swallow the limit', () => {
    expect(wrappedQuery('SELECT 1; ', 10)).toBe('SELECT * FROM (\nSELECT 1\n) AS q LIMIT 11');
    expect(wrappedQuery('SELECT 1 --', 5)).toBe('SELECT * FROM (\nSELECT 1 --\n) AS q LIMIT 6');
  });

  const HOSTILE: [string, string][] = [
    [
      'escape-string UPDATE (issue 10.1)',
      "SELECT E'\\'' ; UPDATE households SET village_code = 'X'; SELECT '",
    ],
    ['escape-string CREATE', "SELECT E'\\''; CREATE TABLE households AS SELECT * FROM range(2700000); --'"],
    ['closing paren + DROP', 'SELECT 1) q; DROP TABLE households; SELECT (1'],
    ['plain DROP', 'DROP TABLE households'],
    ['UPDATE', "UPDATE households SET village_code = 'X'"],
    ['CREATE', 'CREATE TABLE x AS SELECT 1'],
    ['INSERT', 'INSERT INTO villages SELECT * FROM villages'],
    ['SET external access back on', 'SET enable_external_access = true'],
    ['RESET', 'RESET enable_external_access'],
    ['PRAGMA', 'PRAGMA enable_external_access=true'],
    ['autoload back on', 'SET autoload_known_extensions = true'],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD', 'LOAD httpfs'],
    ['ATTACH file', `ATTACH '${'/tmp/x.db'}' AS x`],
    ['COPY out', "COPY households TO '/tmp/leak.csv'"],
    ['EXPORT', "EXPORT DATABASE '/tmp/leakdb'"],
    ['CALL', 'CALL pragma_version()'],
    ['read the canary', `SELECT * FROM read_text('CANARY_FILE')`],
    ['read_csv the canary', `SELECT * FROM read_csv('CANARY_FILE')`],
    ['read_csv_auto URL', "SELECT * FROM read_csv_auto('http://127.0.0.1:9/x.csv')"],
    ['read_text URL with a NIK in it', "SELECT * FROM read_text('http://127.0.0.1:9/' || (SELECT 1))"],
    ['FROM a URL string', "SELECT * FROM 'http://127.0.0.1:9/x.csv'"],
    ['FROM the canary path', "SELECT * FROM 'CANARY_FILE'"],
    ['raw demo file', "SELECT * FROM read_csv('households.csv')"],
    ['glob', "SELECT * FROM glob('/tmp/*')"],
    ['read_parquet', "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')"],
    ['query() runs a write', "SELECT * FROM query('DROP TABLE households')"],
    ['query_table', "SELECT * FROM query_table('households')"],
    ['alias of a personal column (issue 10.3)', 'SELECT head_nik AS c, head_name AS b FROM households'],
    ['upper(name)', 'SELECT upper(head_name) FROM households'],
    ['nik || ""', "SELECT head_nik || '' FROM households"],
    ['renamed subquery', 'SELECT x FROM (SELECT head_nik AS x FROM households)'],
    ['agent NIP', 'SELECT nip, agent_name FROM agents'],
    ['star', 'SELECT * FROM households JOIN cases USING (household_id) JOIN agents USING (agent_id)'],
    ['block comment hides the rest', 'SELECT 1 /* ) q; DROP TABLE households; --'],
    ['dollar quoting', 'SELECT $$x$$; DROP TABLE households; SELECT $$y$$'],
    ['mixed case and comments', 'sElEcT/**/1;/**/DrOp/**/TaBlE/**/households'],
  ];

  it.each(HOSTILE)('%s: nothing written, read or revealed', async (_label, query) => {
    const r = await sandbox.run(query.replaceAll('CANARY_FILE', canaryFile), 1000);
    expect(leaks(r)).toEqual([]);
    // A file or URL read must fail (query_table/query only reach the sandbox's own de-identified tables).
    if (/read_|glob|FROM '/.test(query)) expect(r.ok).toBe(false);
    expect(await mainFingerprint()).toBe(mainBefore);
  });

  it('gives a plain reason for each refused query (never only a raw DuckDB dump)', async () => {
    const kinds = async (q: string) => {
      const r = await sandbox.run(q.replaceAll('CANARY_FILE', canaryFile), 10);
      return r.ok ? 'ok' : r.problem.kind;
    };
    expect(await kinds("SELECT * FROM read_text('CANARY_FILE')")).toBe('external');
    expect(await kinds('SELECT head_nik FROM households')).toBe('unknownName');
    expect(await kinds("SELECT 'a' + 1")).toBe('binder');
    expect(await kinds('SELECT * FROM planner_households')).toBe('unknownName');
    expect(await kinds('SELECT 1; DROP TABLE households')).toBe('syntax');
    expect(await kinds("SELECT current_setting('enable_external_access') AS v")).toBe('ok');
  });

  it('the sandbox itself stays closed and unchanged after all that', async () => {
    const setting = await sandbox.run("SELECT current_setting('enable_external_access')::VARCHAR AS v", 1);
    expect(setting.ok && setting.table.getChild('v')?.get(0)).toBe('false');
    const n = await sandbox.run('SELECT count(*)::INTEGER AS n FROM households', 1);
    expect(n.ok && n.table.getChild('n')?.get(0)).toBe(fx.secrets.householdIds.length);
  });
});

describe('SQL sandbox under generated hostile SQL (property)', () => {
  const target = fc.constantFrom(
    'CANARY_FILE',
    'households.csv',
    'villages.csv',
    'http://127.0.0.1:9/x.csv',
    'https://example.invalid/a.parquet',
    '/etc/hostname',
  );
  const tableFn = fc.constantFrom(
    'read_csv',
    'read_csv_auto',
    'read_text',
    'read_blob',
    'read_parquet',
    'read_json',
    'glob',
    'sniff_csv',
  );
  const read = fc.oneof(
    fc.tuple(tableFn, target).map(([f, t]) => `SELECT * FROM ${f}('${t}')`),
    target.map((t) => `SELECT * FROM '${t}'`),
    fc.constantFrom(
      "SELECT * FROM query('SELECT * FROM households')",
      "SELECT * FROM query_table('agents')",
      "SELECT * FROM query('DROP TABLE households')",
    ),
  );
  const write = fc.constantFrom(
    'SET enable_external_access=true',
    'RESET lock_configuration',
    "ATTACH 'CANARY_FILE' AS c",
    'INSTALL httpfs',
    'LOAD httpfs',
    "COPY households TO '/tmp/out.csv'",
    "EXPORT DATABASE '/tmp/out'",
    'PRAGMA enable_external_access=true',
    'CALL pragma_version()',
    'CREATE TABLE households AS SELECT 1',
    "UPDATE households SET village_code='X'",
    'DROP TABLE households',
    'DELETE FROM cases',
    'SET autoload_known_extensions=true',
  );
  const personal = fc.constantFrom(
    'SELECT head_nik AS a FROM households',
    'SELECT upper(head_name) FROM households',
    "SELECT nip || '' FROM agents",
    'SELECT * FROM households',
    'SELECT * FROM agents',
    'SELECT * FROM cases',
  );
  const statement = fc.oneof(read, write, personal);
  const caseMix = (text: string, flips: boolean[]) =>
    [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
  const disguise = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.replaceAll(' ', '/**/'),
    (s: string) => `-- note\n${s}`,
    (s: string) => `SELECT E'\\'' ; ${s}; SELECT '`,
    (s: string) => `SELECT 1) q; ${s}; SELECT (1`,
    (s: string) => `SELECT $$x$$; ${s}`,
    (s: string) => `${s} --`,
    (s: string) => `SELECT 1; ${s}`,
    (s: string) => `WITH x AS (${s}) SELECT * FROM x`,
  );
  const query = fc
    .tuple(
      fc.array(statement, { minLength: 1, maxLength: 3 }),
      disguise,
      fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      fc.boolean(),
    )
    .map(([statements, hide, flips, mix]) => {
      const text = hide(statements.join('; '));
      return mix ? caseMix(text, flips) : text;
    });

  it('never reveals a NIK, name, NIP or raw id, never reads a file or URL, never changes the app’s tables', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const r = await sandbox.run(
          q.replaceAll('CANARY_FILE', canaryFile).replaceAll(canaryFile.toLowerCase(), canaryFile),
          200,
        );
        expect(leaks(r)).toEqual([]);
        expect(await mainFingerprint()).toBe(mainBefore);
      }),
      { numRuns: 150 },
    );
    const closed = await sandbox.run("SELECT current_setting('enable_external_access')::VARCHAR AS v", 1);
    expect(closed.ok && closed.table.getChild('v')?.get(0)).toBe('false');
  }, 300_000);
});
