import { describe, expect, it } from 'vitest';
import { sqlHint, stripLiterals } from '../../../../src/features/planner/sql/planner-sql-guard';

// Only the friendly message: the boundary is the sandbox (tests/data/sql-sandbox.test.ts runs hostile SQL
// straight into it, without this hint).
describe('sqlHint', () => {
  it.each([
    'SELECT * FROM households',
    '  select count(*) from villages;  ',
    'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
    'FROM villages',
    'DESCRIBE households',
    'SHOW TABLES',
    'SUMMARIZE cases',
    '(SELECT 1)',
    '-- a comment first\nSELECT 1',
    "/* x */ SELECT 'drop' AS note",
  ])('has nothing to say about %j', (sql) => {
    expect(sqlHint(sql)).toBeNull();
  });

  it.each([
    ['', { kind: 'empty' }],
    ['-- only a comment', { kind: 'empty' }],
    [' ; ', { kind: 'empty' }],
    ['DROP TABLE households', { kind: 'notReadOnly', keyword: 'DROP' }],
    ['update households set lon = 0', { kind: 'notReadOnly', keyword: 'UPDATE' }],
    ["/* SELECT */ COPY households TO 'x.csv'", { kind: 'notReadOnly', keyword: 'COPY' }],
    ["E'SELECT' ATTACH", { kind: 'notReadOnly', keyword: '' }],
  ])('explains %j', (sql, hint) => {
    expect(sqlHint(sql)).toEqual(hint);
  });

  it('blanks strings (escape strings too) and comments', () => {
    expect(stripLiterals("SELECT 'a;b' -- x\n /* drop */ FROM t")).toBe("SELECT ''  \n   FROM t");
    expect(stripLiterals("SELECT E'\\' ; DROP' AS x")).toBe("SELECT '' AS x");
  });
});
