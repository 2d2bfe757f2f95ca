/**
 * npm run data:convert: a dataset's files through the app's import checks, written as the canonical tables in
 * Arrow; the written files load back, through the same checks, to the very tables the source files gave.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from '../../scripts/convert-data.ts';
import { createFileWriter } from '../../scripts/demo/output.ts';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { importTable } from '../../src/core/import/index.ts';
import { startNodeDuckDb } from '../../src/core/sql/duckdb-node.ts';
import { loadCsvTable } from '../../src/core/sql/load-table.ts';
import type { SqlClient } from '../../src/core/sql/sql-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'gp-convert-'));
const src = join(dir, 'src');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command, its printed lines collected. */
async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
  try {
    return { code: await main(argv), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

/** A client holding the gazetteer, then each given file imported in order; the tables' rows as JSON. */
async function imported(files: [kind: 'agents' | 'households' | 'cases', path: string][]) {
  const db: SqlClient = await startNodeDuckDb();
  await db.registerFile('villages.csv', readFileSync('data/villages.csv'));
  await loadCsvTable(db, 'villages', 'villages.csv');
  const tables: Record<string, string[]> = {};
  for (const [kind, path] of files) {
    const report = await importTable(db, {
      kind,
      fileName: path.split('/').pop() ?? '',
      bytes: readFileSync(path),
    });
    expect(report.fatal).toBeNull();
    tables[kind] = (await db.queryTable(`SELECT * FROM ${kind}`)).toArray().map((r) => JSON.stringify(r));
  }
  return tables;
}

describe('npm run data:convert', () => {
  beforeAll(() => {
    generateDemo({ households: 1500, agents: 300, seed: 4242 }, createFileWriter(src));
    // Two faulty households: a row without coordinates, and one in a village the regency does not have.
    const lines = readFileSync(join(src, 'households.csv'), 'utf8').trimEnd().split('\n');
    const cells = (lines[1] as string).split(',');
    const header = (lines[0] as string).split(',');
    const at = (name: string) => header.indexOf(name);
    const noLon = cells.map((c, i) => (i === at('lon') ? '' : i === 0 ? 'BAD-1' : c));
    const badVillage = cells.map((c, i) =>
      i === at('kode_kemendagri') ? '17.99.99.9999' : i === 0 ? 'BAD-2' : c,
    );
    writeFileSync(
      join(src, 'households-faulty.csv'),
      `${[...lines, noLon.join(','), badVillage.join(',')].join('\n')}\n`,
    );
  });

  it('writes each table with its valid rows, and they load back to the same tables', async () => {
    const out = join(dir, 'published');
    const { code, out: printed } = await run([
      '--agents',
      join(src, 'agents.csv'),
      '--households',
      join(src, 'households-faulty.csv'),
      '--cases',
      join(src, 'cases.csv'),
      '--out',
      out,
      '--name',
      'Data uji',
      '--date',
      '2026-11-30',
    ]);
    expect(code).toBe(1); // two rows rejected, named in the report
    expect(printed).toMatch(/Ditolak: 2/);
    expect(printed).toContain('"households": "published/households.arrow"');
    const fromSource = await imported([
      ['agents', join(src, 'agents.csv')],
      ['households', join(src, 'households-faulty.csv')],
      ['cases', join(src, 'cases.csv')],
    ]);
    const fromConverted = await imported([
      ['agents', join(out, 'agents.arrow')],
      ['households', join(out, 'households.arrow')],
      ['cases', join(out, 'cases.arrow')],
    ]);
    expect(fromSource.households?.length).toBe(1500);
    for (const table of ['agents', 'households', 'cases'])
      expect(fromConverted[table]).toEqual(fromSource[table]);
  }, 120_000);

  it('writes nothing when a file cannot be read, and says why', async () => {
    const out = join(dir, 'none');
    writeFileSync(join(src, 'report.pdf'), '%PDF-1.7\n\u0000\u0001\u0002binary');
    const { code, out: printed } = await run(['--households', join(src, 'report.pdf'), '--out', out]);
    expect(code).toBe(2);
    expect(printed).toMatch(/TIDAK DAPAT DIBACA/);
    expect(existsSync(join(out, 'households.arrow'))).toBe(false);
  }, 60_000);

  it('refuses unusable arguments with its usage', async () => {
    expect(() => parseArgs(['--out', 'x'])).toThrow(/--households/);
    expect(() => parseArgs(['--households', 'h.csv'])).toThrow(/--out/);
    expect(() => parseArgs(['--households', 'h.csv', '--out', 'x', '--date', '30/11/2026'])).toThrow(
      /YYYY-MM-DD/,
    );
    const { code, out } = await run(['--households']);
    expect(code).toBe(2);
    expect(out).toMatch(/usage: npm run data:convert/);
  });
});
