/**
 * Writes the demo's first look: the planner's opening map of the demo, taken from the built app in headless
 * Chromium exactly as the app keeps it after its first draw, without the visit (address, time). A first visit to
 * the demo shows it while the data loads.
 *
 *   npm run data:first-look                       the app's demo → data/first-look/demo.<lang>.json (builds, then
 *                                                 captures; build again to serve the new files)
 *   npm run data:first-look -- --data <dir>       a demo made with other settings (`npm run data:demo -- --out
 *                                                 <dir>`, e.g. a million households), served at demo/ → its own
 *                                                 <dir>/first-look.<lang>.json, named in <dir>/manifest.json
 *
 * tests/e2e/first-look.test.ts fails when the app's files differ from what the app draws: run this again
 * after a change to the demo generator, the gazetteer, or the planner's opening map.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoFirstLookFile, FIRST_LOOK_KEY, type FirstLook } from '../src/core/first-look/first-look.ts';
import { DIST, openDashboard, waitReady } from '../tests/e2e/harness.ts';
import { readOptions } from './cli-options.ts';

const { values } = readOptions(process.argv.slice(2), { data: { type: 'string' } });
const dataDir = values.data ? path.resolve(values.data) : null;
const manifestFile = path.join(dataDir ?? path.join(DIST, 'demo'), 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
  fingerprint?: string;
  firstLook?: Record<string, string>;
};
/** The fingerprint of the demo captured (its manifest's). */
const demoFingerprint = manifest.fingerprint;
if (!demoFingerprint)
  throw new Error(`${manifestFile} has no fingerprint: make the demo again (npm run data:demo)`);

const written: Record<string, string> = {};
for (const lang of ['id', 'en'] as const) {
  const dash = await openDashboard({
    query: lang === 'id' ? '' : `lang=${lang}`,
    serviceWorkers: 'block',
    ...(dataDir ? { demo: dataDir } : {}),
  });
  try {
    await waitReady(dash.page, 900_000);
    const raw = await dash.page.evaluate((key) => localStorage.getItem(key), FIRST_LOOK_KEY);
    if (!raw) throw new Error(`the app kept no opening map (${lang})`);
    const look: FirstLook = {
      ...(JSON.parse(raw) as FirstLook),
      path: '',
      search: '',
      dataset: 'server',
      savedAt: '',
      // The demo it was drawn from: another demo served later does not open with this map.
      demo: demoFingerprint,
    };
    if (!look.synthetic) throw new Error('the served dataset is not the synthetic demo');
    const name = `first-look.${lang}.json`;
    const file = dataDir ? path.join(dataDir, name) : path.resolve('data', demoFirstLookFile(lang));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(look)}\n`);
    written[lang] = name;
    console.log(`${file}: ${look.areas.length} areas, ${raw.length} characters`);
  } finally {
    await dash.close();
  }
}
if (dataDir) {
  // The app finds a demo's own first look through its manifest (first-look.ts, servedDemoFirstLookFile).
  writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, firstLook: written }, null, 2)}\n`);
  console.log(`${manifestFile}: firstLook ${JSON.stringify(written)}`);
}
