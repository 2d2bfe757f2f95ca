/**
 * The demo's columnar copy: each table as the app's own CSV load makes it (loadCsvTable, in DuckDB-WASM's
 * Node build), written as Arrow IPC (`households.arrow`, …) and named in the manifest's `columnar`. The app
 * then inserts those bytes into DuckDB as they are (load-dataset.ts) instead of parsing the CSV text — the
 * same rows, in the same order, with the same types (tests/scripts/demo-columnar.test.ts).
 * The CSVs stay: they are the demo as a person reads or imports it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_TABLES } from '../../src/core/dataset/table-status.ts';
import { startNodeDuckDb } from '../../src/core/sql/duckdb-node.ts';
import { loadCsvTable } from '../../src/core/sql/load-table.ts';
import { writeTableArrow } from '../arrow-file.ts';

/** The manifest as written (scripts/generate-demo.ts's DemoManifest), kept whole when the copies are named. */
type ManifestJson = Record<string, unknown>;

export const readManifest = (dir: string): ManifestJson =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestJson;

/**
 * Writes `<table>.arrow` for each demo table in `dir` and names them in its manifest.json (written last, from
 * `manifest`: the one in `dir` unless the caller has read it already). Made anew by this checkout's load rules
 * each time: a copy made by older rules (a checkout kept across an upgrade) is replaced. Returns the files it
 * wrote; a file already holding the same bytes is left as it is.
 */
export async function writeColumnar(dir: string, manifest = readManifest(dir)): Promise<string[]> {
  const written: string[] = [];
  const client = await startNodeDuckDb();
  const columnar: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    await client.registerFile(`${table}.csv`, new Uint8Array(readFileSync(join(dir, `${table}.csv`))));
    const load = await loadCsvTable(client, table, `${table}.csv`);
    // The columnar copy holds the kept rows only: a demo whose CSV loses rows would say so differently.
    if (load.rejected > 0 || load.missingColumns.length > 0)
      throw new Error(
        `${table}.csv: ${load.rejected} rows rejected, missing ${load.missingColumns.join(', ')}`,
      );
    const file = `${table}.arrow`;
    if (await writeTableArrow(client, table, join(dir, file))) written.push(file);
    columnar[table] = file;
  }
  const manifestPath = join(dir, 'manifest.json');
  const text = `${JSON.stringify({ ...manifest, columnar }, null, 2)}\n`;
  if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== text) {
    writeFileSync(`${manifestPath}.partial`, text);
    renameSync(`${manifestPath}.partial`, manifestPath);
    written.push('manifest.json');
  }
  return written;
}
