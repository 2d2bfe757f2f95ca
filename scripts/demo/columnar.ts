/**
 * The demo's columnar copy: each table as the app's own CSV load makes it (loadCsvTable, in DuckDB-WASM's
 * Node build), written as Arrow IPC (`households.arrow`, …) and named in the manifest's `columnar`. The app
 * then inserts those bytes into DuckDB as they are (load-dataset.ts) instead of parsing the CSV text — the
 * same rows, in the same order, with the same types (tests/scripts/demo-columnar.test.ts).
 * The CSVs stay: they are the demo as a person reads or imports it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeDuckDb } from '../../src/core/sql/duckdb-node.ts';
import { loadCsvTable } from '../../src/core/sql/load-table.ts';

export const COLUMNAR_TABLES = ['households', 'agents', 'cases'] as const;

/** Writes `<table>.arrow` for each demo table in `dir` and names them in its manifest.json (written last). */
export async function writeColumnar(dir: string): Promise<void> {
  const client = await startNodeDuckDb();
  const columnar: Record<string, string> = {};
  for (const table of COLUMNAR_TABLES) {
    await client.registerFile(`${table}.csv`, new Uint8Array(readFileSync(join(dir, `${table}.csv`))));
    const load = await loadCsvTable(client, table, `${table}.csv`);
    // The columnar copy holds the kept rows only: a demo whose CSV loses rows would say so differently.
    if (load.rejected > 0 || load.missingColumns.length > 0)
      throw new Error(
        `${table}.csv: ${load.rejected} rows rejected, missing ${load.missingColumns.join(', ')}`,
      );
    const file = `${table}.arrow`;
    writeFileSync(join(dir, `${file}.partial`), await client.arrowStream(`SELECT * FROM ${table}`));
    renameSync(join(dir, `${file}.partial`), join(dir, file));
    columnar[table] = file;
  }
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(`${manifestPath}.partial`, `${JSON.stringify({ ...manifest, columnar }, null, 2)}\n`);
  renameSync(`${manifestPath}.partial`, manifestPath);
}
