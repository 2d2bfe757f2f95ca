/**
 * Writes the demo's first look (data/first-look/demo.<lang>.json): the planner's opening map of the demo, taken
 * from the built app in headless Chromium exactly as the app keeps it after its first draw, without the visit
 * (address, time). A first visit to the demo shows it while the data loads.
 *
 *   npm run data:first-look        (builds, then captures; build again to serve the new files)
 *
 * tests/e2e/first-look.test.ts fails when the served files differ from what the app draws: run this again
 * after a change to the demo generator, the gazetteer, or the planner's opening map.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoFirstLookFile, FIRST_LOOK_KEY, type FirstLook } from '../src/core/first-look/first-look.ts';
import { DIST, openDashboard, waitReady } from '../tests/e2e/harness.ts';

const DATA = path.resolve('data');
/** The fingerprint of the demo the built app serves (its manifest's). */
const demoFingerprint = (
  JSON.parse(readFileSync(path.join(DIST, 'demo', 'manifest.json'), 'utf8')) as { fingerprint?: string }
).fingerprint;
if (!demoFingerprint)
  throw new Error('the built demo has no fingerprint: run `npm run data:demo`, then build');

for (const lang of ['id', 'en'] as const) {
  const dash = await openDashboard({ query: lang === 'id' ? '' : `lang=${lang}`, serviceWorkers: 'block' });
  try {
    await waitReady(dash.page);
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
    const file = path.join(DATA, demoFirstLookFile(lang));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(look)}\n`);
    console.log(
      `${path.relative(process.cwd(), file)}: ${look.areas.length} areas, ${raw.length} characters`,
    );
  } finally {
    await dash.close();
  }
}
