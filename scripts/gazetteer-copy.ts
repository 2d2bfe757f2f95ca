/**
 * Makes the gazetteer's columnar copy (src/core/dataset/gazetteer-copy.ts): data/villages.csv loaded as the
 * app loads it and written as Arrow IPC to data/gazetteer/villages-<content key>.arrow; older copies are
 * removed. The name says which CSV, not which load rules: so the copy is made again each time and written when
 * its bytes differ (a checkout kept across an upgrade of the rules). None is made when the CSV loses rows or
 * lacks columns (the app then loads the CSV and says which rows and why). Part of `npm run data:ensure`.
 *
 *   tsx scripts/gazetteer-copy.ts [--data data]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GAZETTEER, GAZETTEER_COPY_DIR, gazetteerCopyPath } from '../src/core/dataset/gazetteer-copy.ts';
import { startNodeDuckDb } from '../src/core/sql/duckdb-node.ts';
import { loadCsvTable } from '../src/core/sql/load-table.ts';
import { writeTableArrow } from './arrow-file.ts';

/** What was done: the copy's path (relative to `dataDir`; `present`: it held these bytes already), or why there is none. */
export type CopyOutcome = { written: string } | { present: string } | { skipped: string };

export async function ensureGazetteerCopy(dataDir: string): Promise<CopyOutcome> {
  const csv = new Uint8Array(readFileSync(join(dataDir, GAZETTEER)));
  const path = gazetteerCopyPath(csv);
  const dir = join(dataDir, GAZETTEER_COPY_DIR);
  const stale = existsSync(dir) ? readdirSync(dir).filter((f) => join(GAZETTEER_COPY_DIR, f) !== path) : [];
  for (const file of stale) rmSync(join(dir, file));
  // Made again each time, by this checkout's load rules: a copy made by other rules is replaced.
  const client = await startNodeDuckDb();
  try {
    await client.registerFile(GAZETTEER, csv);
    const load = await loadCsvTable(client, 'villages', GAZETTEER);
    if (load.rejected > 0 || load.missingColumns.length > 0)
      return {
        skipped: `${load.rejected} rows rejected, missing columns: ${load.missingColumns.join(', ') || 'none'}`,
      };
    mkdirSync(dir, { recursive: true });
    return (await writeTableArrow(client, 'villages', join(dataDir, path)))
      ? { written: path }
      : { present: path };
  } finally {
    await client.close?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--data');
  const dataDir = resolve(at >= 0 ? (process.argv[at + 1] ?? 'data') : 'data');
  ensureGazetteerCopy(dataDir)
    .then((outcome) => {
      if ('written' in outcome) console.log(`gazetteer copy written: ${outcome.written}`);
      else if ('present' in outcome) console.log(`gazetteer copy present: ${outcome.present}`);
      else console.log(`no gazetteer copy (${GAZETTEER}: ${outcome.skipped}); the app loads the CSV`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
