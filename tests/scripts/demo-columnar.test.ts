import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeColumnar } from '../../scripts/demo/columnar.ts';
import { createFileWriter } from '../../scripts/demo/output.ts';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { DATA_TABLES } from '../../src/core/dataset/table-status.ts';
import { type NodeSqlClient, startNodeDuckDb } from '../../src/core/sql/duckdb-node.ts';
import { loadArrowTable, loadCsvTable } from '../../src/core/sql/load-table.ts';

// The app loads the demo's columnar copy instead of its CSVs: it must be the very table the CSV load makes.
const dir = mkdtempSync(join(tmpdir(), 'gp-columnar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table's columns and its rows in order, as plain values. */
async function contents(client: NodeSqlClient, table: string) {
  const types = (await client.queryTable(`DESCRIBE ${table}`))
    .toArray()
    .map((r) => `${r.column_name} ${r.column_type}`);
  const rows = (await client.queryTable(`SELECT * FROM ${table}`)).toArray().map((r) => JSON.stringify(r));
  return { types, rows };
}

describe('the demo columnar copy', () => {
  let fromCsv: NodeSqlClient;
  let fromArrow: NodeSqlClient;
  beforeAll(async () => {
    generateDemo({ households: 2500, agents: 400, seed: 777 }, createFileWriter(dir));
    await writeColumnar(dir);
    [fromCsv, fromArrow] = await Promise.all([startNodeDuckDb(), startNodeDuckDb()]);
  });

  it('is named in the manifest, one file per table', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.columnar).toEqual({
      households: 'households.arrow',
      agents: 'agents.arrow',
      cases: 'cases.arrow',
    });
    expect(manifest.synthetic).toBe(true);
  });

  it.each(DATA_TABLES)('loads %s with the same columns, types, rows and order as its CSV', async (table) => {
    await fromCsv.registerFile(`${table}.csv`, new Uint8Array(readFileSync(join(dir, `${table}.csv`))));
    const csv = await loadCsvTable(fromCsv, table, `${table}.csv`);
    const arrow = await loadArrowTable(
      fromArrow,
      table,
      new Uint8Array(readFileSync(join(dir, `${table}.arrow`))),
    );
    expect(arrow).toEqual(csv);
    expect(csv.rows).toBeGreaterThan(0);
    const a = await contents(fromCsv, table);
    const b = await contents(fromArrow, table);
    expect(b.types).toEqual(a.types);
    expect(b.rows.length).toBe(a.rows.length);
    expect(b.rows).toEqual(a.rows);
    // rowid order is what later tables join on (household_coverage).
    const ids = async (c: NodeSqlClient) =>
      (await c.queryTable(`SELECT rowid::INTEGER AS r FROM ${table} ORDER BY rowid LIMIT 5 OFFSET 100`))
        .toArray()
        .map((r) => r.r);
    expect(await ids(fromArrow)).toEqual(await ids(fromCsv));
  });

  it('refuses a file whose columns are not the table’s, leaving no table behind (the CSV is loaded instead)', async () => {
    const client = await startNodeDuckDb();
    const agents = new Uint8Array(readFileSync(join(dir, 'agents.arrow')));
    await expect(loadArrowTable(client, 'households', agents)).resolves.toBeNull();
    const left = (
      await client.queryTable(
        "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'households%'",
      )
    ).toArray();
    expect(left[0]?.n).toBe(0);
  });
});
