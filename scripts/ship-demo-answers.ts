/**
 * Ships the demo's answers with a build (src/core/dataset/shipped-answers.ts): opens the built app's demo once in
 * headless Chromium as a first visitor, waits until the app keeps its answers for a next visit, and writes them
 * to <dist>/first-look/demo-<fingerprint>.answers.bin (with its .br and .gz). A first visit to the demo is then
 * drawn from them before DuckDB starts. They are the built app's own answers, so they are never stale: a build
 * whose statements or files differ makes its own. Run by `npm run build`.
 *
 *   tsx scripts/ship-demo-answers.ts [--dist DIR] [--if-chromium]
 *
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium), `--if-chromium` says so and ships none: a first
 * visit then starts the database at once, as before. Only a synthetic demo's answers are ever shipped: none when
 * the build's config.json names a published dataset, or the demo is not marked synthetic, or the page does not
 * say it shows synthetic data.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SECTIONS_PREPARED } from '../src/app/sections-prepared.ts';
import { PLANNER_TABLES_MADE } from '../src/core/cube/prepared.ts';
import { ANSWER_STORE, ANSWERS_KEPT } from '../src/core/dataset/answer-store.ts';
import { encodeAnswers, shippedAnswersFile } from '../src/core/dataset/shipped-answers.ts';
import { CHROMIUM_PATH, DIST, openDashboard, waitReady } from '../tests/e2e/harness.ts';
import { readOptions } from './cli-options.ts';
import { precompressDir } from './precompress.ts';

/**
 * Run in the page: the answers the app kept, each as [key, its bytes in base64] (a JSON array of numbers would be
 * four times the size). Text, not a function: the script runner would add helpers the page does not have.
 */
const { database, store, key } = ANSWER_STORE;
const READ_KEPT_ANSWERS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('${database}');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const read = open.result.transaction('${store}', 'readonly').objectStore('${store}').get('${key}');
    read.onerror = () => reject(read.error);
    read.onsuccess = () => resolve([...read.result.answers].map(([key, bytes]) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return [key, btoa(text)];
    }));
  };
})`;

/**
 * The database quiet this long after the work done ahead: nothing more is asked of it (the demo's statements
 * each take well under a second).
 */
const QUIET_MS = 3_000;

const { values } = readOptions(process.argv.slice(2), {
  dist: { type: 'string' },
  'if-chromium': { type: 'boolean', default: false },
});
const dist = path.resolve(values.dist ?? DIST);
const manifest = JSON.parse(readFileSync(path.join(dist, 'demo', 'manifest.json'), 'utf8')) as {
  fingerprint?: string;
  synthetic?: boolean;
};
// A build whose settings name a published dataset serves that instead of the demo: its answers are never shipped.
const config = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8')) as { dataset?: unknown };
const lookDir = path.join(dist, 'first-look');
// What an earlier run shipped goes first: this build's first visit must ask its own database.
for (const name of existsSync(lookDir) ? readdirSync(lookDir) : [])
  if (/\.answers\.bin(\.br|\.gz)?$/.test(name)) rmSync(path.join(lookDir, name));

if (config.dataset || manifest.synthetic !== true || typeof manifest.fingerprint !== 'string') {
  console.log('ship-demo-answers: the build serves no synthetic demo with a fingerprint; none shipped');
} else if (!existsSync(CHROMIUM_PATH)) {
  if (!values['if-chromium']) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  console.log(
    `ship-demo-answers: no Chromium at ${CHROMIUM_PATH}; none shipped (a first visit starts DuckDB)`,
  );
} else {
  const dash = await openDashboard({ root: dist, serviceWorkers: 'block' });
  try {
    await waitReady(dash.page);
    // Only ever the synthetic demo's answers: the page must say that is what it shows.
    if ((await dash.page.locator('.app-header .synthetic').count()) === 0)
      throw new Error('the built app did not show the synthetic demo: no answers shipped');
    // The app keeps its answers once the page has settled on its first section, and again whenever it has given
    // new ones (app/remembered-load.ts). What it does ahead after the first map (the planner's tables, then the
    // figures that read them; Pengawasan's) is shipped too, so that a first visit does not start the database
    // to redo it: once that work has begun, the answers are read when the database has been quiet for QUIET_MS
    // and the app has kept what it had given since its last statement.
    await dash.page.waitForFunction(
      (names) => names.every((name) => performance.getEntriesByName(name).length > 0),
      [PLANNER_TABLES_MADE, SECTIONS_PREPARED],
      { timeout: 120_000 },
    );
    await dash.page.waitForFunction(
      ([statement, kept, quietMs]) => {
        const lastEnd = Math.max(
          0,
          ...performance.getEntriesByName(statement).map((m) => m.startTime + m.duration),
        );
        const keptUntil = Math.max(
          0,
          ...performance
            .getEntriesByName(kept)
            .map((m) => ((m as PerformanceMark).detail as { givenUntil: number }).givenUntil),
        );
        return keptUntil > lastEnd && performance.now() - lastEnd > quietMs;
      },
      // Each statement the database ran, measured when it ends (core/sql/duckdb-browser.ts).
      ['gancang:sql', ANSWERS_KEPT, QUIET_MS] as const,
      { timeout: 120_000, polling: 250 },
    );
    const answers = (await dash.page.evaluate(READ_KEPT_ANSWERS)) as [string, string][];
    const file = path.join(dist, shippedAnswersFile(manifest.fingerprint));
    const bytes = encodeAnswers(
      new Map(answers.map(([key, data]) => [key, new Uint8Array(Buffer.from(data, 'base64'))])),
    );
    writeFileSync(file, bytes);
    await precompressDir(lookDir, path.resolve('node_modules/.cache/gancang-precompress'));
    console.log(
      `ship-demo-answers: ${answers.length} answers, ${(bytes.byteLength / 1e6).toFixed(1)} MB → ${path.relative(process.cwd(), file)}`,
    );
  } finally {
    await dash.close();
  }
}
