import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureGazetteerCopy } from '../../scripts/gazetteer-copy.ts';
import { gazetteerCopyPath } from '../../src/core/dataset/gazetteer-copy.ts';
import { type NodeSqlClient, startNodeDuckDb } from '../../src/core/sql/duckdb-node.ts';
import { loadArrowTable, loadCsvTable } from '../../src/core/sql/load-table.ts';

// The app inserts the gazetteer's copy instead of loading its CSV: it must be the very table the CSV load makes,
// and only the copy of the CSV served may be found.
const dir = mkdtempSync(join(tmpdir(), 'gp-gazetteer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync('data/villages.csv', join(dir, 'villages.csv'));
const csvBytes = () => new Uint8Array(readFileSync(join(dir, 'villages.csv')));

async function contents(client: NodeSqlClient) {
  const types = (await client.queryTable('DESCRIBE villages'))
    .toArray()
    .map((r) => `${r.column_name} ${r.column_type}`);
  const rows = (await client.queryTable('SELECT * FROM villages')).toArray().map((r) => JSON.stringify(r));
  return { types, rows };
}

describe('the gazetteer copy', () => {
  it('holds the same columns, types, rows and order as the CSV load, under the CSV’s name', async () => {
    expect(await ensureGazetteerCopy(dir)).toEqual({ written: gazetteerCopyPath(csvBytes()) });
    const [fromCsv, fromCopy] = await Promise.all([startNodeDuckDb(), startNodeDuckDb()]);
    await fromCsv.registerFile('villages.csv', csvBytes());
    const csv = await loadCsvTable(fromCsv, 'villages', 'villages.csv');
    const copy = await loadArrowTable(
      fromCopy,
      'villages',
      new Uint8Array(readFileSync(join(dir, gazetteerCopyPath(csvBytes())))),
    );
    expect(copy).toEqual(csv);
    expect(csv.rows).toBeGreaterThan(100);
    expect(await contents(fromCopy)).toEqual(await contents(fromCsv));
  });

  it('is made again by this checkout’s rules: a copy of other bytes under the CSV’s name is replaced', async () => {
    const path = join(dir, gazetteerCopyPath(csvBytes()));
    const made = readFileSync(path);
    const modified = statSync(path).mtimeMs;
    // The same bytes: left as they are, file date included.
    expect(await ensureGazetteerCopy(dir)).toEqual({ present: gazetteerCopyPath(csvBytes()) });
    expect(statSync(path).mtimeMs).toBe(modified);
    // As an older version of the load rules could have made it (here: its rows in another order).
    const client = await startNodeDuckDb();
    await client.insertArrowStream('villages', new Uint8Array(made));
    writeFileSync(path, await client.arrowStream('SELECT * FROM villages ORDER BY village_code DESC'));
    expect(readFileSync(path).equals(made)).toBe(false);
    expect(await ensureGazetteerCopy(dir)).toEqual({ written: gazetteerCopyPath(csvBytes()) });
    expect(readFileSync(path).equals(made)).toBe(true);
  });

  it('is left as it is when present, and replaced (the old one removed) when the CSV is edited', async () => {
    const before = gazetteerCopyPath(csvBytes());
    expect(await ensureGazetteerCopy(dir)).toEqual({ present: before });
    const text = readFileSync(join(dir, 'villages.csv'), 'utf8');
    writeFileSync(join(dir, 'villages.csv'), text.replace(/,Manna,/, ',Manna Baru,'));
    const after = gazetteerCopyPath(csvBytes());
    expect(after).not.toBe(before);
    expect(await ensureGazetteerCopy(dir)).toEqual({ written: after });
    expect(readdirSync(join(dir, 'gazetteer'))).toEqual([after.replace('gazetteer/', '')]);
  });

  it('is not made from a CSV that loses rows: the app loads the CSV and reports them', async () => {
    const text = readFileSync(join(dir, 'villages.csv'), 'utf8');
    writeFileSync(
      join(dir, 'villages.csv'),
      `${text.trimEnd()}\n,Nowhere,17.01.04,Manna,desa,102.9,-4.4,1,1,1701049999\n`,
    );
    const outcome = await ensureGazetteerCopy(dir);
    expect(outcome).toMatchObject({ skipped: expect.stringMatching(/^1 rows rejected/) });
    expect(readdirSync(join(dir, 'gazetteer'))).toEqual([]);
  });
});
