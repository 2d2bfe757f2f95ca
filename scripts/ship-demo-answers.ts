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
import { shippedAnswersFile } from '../src/core/dataset/shipped-answers.ts';
import { CHROMIUM_PATH, DIST, openDashboard, waitReady } from '../tests/e2e/harness.ts';
import { answersOfFirstVisit } from './answers-ahead.ts';
import { readOptions } from './cli-options.ts';
import { precompressDir } from './precompress.ts';

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
    const { count, bytes } = await answersOfFirstVisit(dash.page);
    const file = path.join(dist, shippedAnswersFile(manifest.fingerprint));
    writeFileSync(file, bytes);
    await precompressDir(lookDir, path.resolve('node_modules/.cache/gancang-precompress'));
    console.log(
      `ship-demo-answers: ${count} answers, ${(bytes.byteLength / 1e6).toFixed(1)} MB → ${path.relative(process.cwd(), file)}`,
    );
  } finally {
    await dash.close();
  }
}
