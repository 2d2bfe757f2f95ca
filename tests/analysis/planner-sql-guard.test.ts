import { describe, expect, it } from 'vitest';
import { checkReadOnly, limitedSql, stripLiterals } from '../../src/analysis/planner-sql-guard';

describe('checkReadOnly', () => {
  it.each([
    'SELECT * FROM households',
    '  select count(*) from villages;  ',
    'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
    'FROM villages',
    'DESCRIBE households',
    'SHOW TABLES',
    'SUMMARIZE cases',
    'EXPLAIN SELECT 1',
    "SELECT 'drop table households; delete' AS note",
    'SELECT 1 -- drop\n',
    'SELECT "update" FROM (SELECT 1 AS "update")',
    'SELECT last_update, reset_count FROM t',
  ])('accepts %j', (sql) => {
    expect(checkReadOnly(sql).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['-- only a comment', 'empty'],
    ['DROP TABLE households', 'notReadOnly'],
    ['delete from cases', 'notReadOnly'],
    ['INSERT INTO villages VALUES (1)', 'notReadOnly'],
    ['WITH x AS (SELECT 1) DELETE FROM cases', 'notReadOnly'],
    ['SELECT 1; DROP TABLE households', 'multiple'],
    ["COPY households TO 'x.csv'", 'notReadOnly'],
    ["ATTACH 'x.db'", 'notReadOnly'],
    ['SET threads = 1', 'notReadOnly'],
    ['INSTALL httpfs', 'notReadOnly'],
    ['PRAGMA database_list', 'notReadOnly'],
    ['EXPLAIN ANALYZE SELECT 1', 'notReadOnly'],
    ['CREATE TABLE t AS SELECT 1', 'notReadOnly'],
    ["SELECT '--' ; DROP TABLE households", 'multiple'],
    ['SELECT $$ x $$; DELETE FROM cases', 'multiple'],
  ])('rejects %j (%s)', (sql, reason) => {
    const check = checkReadOnly(sql);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toBe(reason);
  });

  it('names the keyword it refused', () => {
    expect(checkReadOnly('update households set lon = 0')).toEqual({
      ok: false,
      reason: 'notReadOnly',
      keyword: 'UPDATE',
    });
  });
});

describe('limitedSql', () => {
  it('wraps SELECT/WITH to cap rows, leaves DESCRIBE as it is', () => {
    const select = checkReadOnly('SELECT * FROM villages;');
    if (!select.ok) throw new Error('rejected');
    expect(limitedSql(select, 1000)).toBe('SELECT * FROM (SELECT * FROM villages\n) AS q LIMIT 1001');
    const describe = checkReadOnly('DESCRIBE villages');
    if (!describe.ok) throw new Error('rejected');
    expect(limitedSql(describe, 1000)).toBe('DESCRIBE villages');
  });
  it('blanks strings and comments before looking for keywords', () => {
    expect(stripLiterals("SELECT 'a;b' -- x\n /* drop */ FROM t")).toBe("SELECT ''  \n   FROM t");
  });
});
