/**
 * Import benchmark (`npm run bench:import -- --data DIR`; build first): in the built app in headless Chromium,
 * a person's import of a generated dataset through the dialog — agents, households and cases files checked
 * (time to the three reports), then used (time until the reloaded dashboard, which checks the stored files
 * again, is ready) — with the tab's memory. DIR holds agents.csv, households.csv, cases.csv, e.g.
 *   npm run data:demo -- --households 1000000 --out /tmp/planner-1m
 *   npm run bench:import -- --data /tmp/planner-1m
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assertBuilt, assertChromium, openDashboard, rendererRssMb, waitReady } from '../tests/e2e/harness';
import { readOptions } from './cli-options';

const dirArg = readOptions(process.argv.slice(2), { data: { type: 'string' } }).values.data;
if (!dirArg) {
  console.error('usage: npm run bench:import -- --data DIR');
  process.exit(2);
}
const dir = path.resolve(dirArg);
const files = {
  agents: path.join(dir, 'agents.csv'),
  households: path.join(dir, 'households.csv'),
  cases: path.join(dir, 'cases.csv'),
};
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { households: number };
const mb = (file: string) => Math.round(statSync(file).size / 1024 / 1024);

assertBuilt();
assertChromium();
const dash = await openDashboard({ boundaries: 'none' });
try {
  const { page } = dash;
  page.on('dialog', (d) => void d.accept());
  await waitReady(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('file-agents').setInputFiles(files.agents);
  await page.getByTestId('file-households').setInputFiles(files.households);
  await page.getByTestId('file-cases').setInputFiles(files.cases);
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rendererRssMb() ?? 0);
  }, 500);
  const t0 = Date.now();
  await page.getByTestId('import-check').click();
  await page.getByTestId('report-cases').waitFor({ timeout: 1_800_000 });
  const checkS = (Date.now() - t0) / 1000;
  const summaries = await page.locator('[data-testid="report-summary"]').allTextContents();
  const t1 = Date.now();
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
  });
  await page.getByTestId('import-use').click();
  await page.waitForFunction(
    () => !(window as unknown as { __beforeReload?: boolean }).__beforeReload,
    undefined,
    {
      timeout: 1_800_000,
    },
  );
  await waitReady(page, 1_800_000);
  const useS = (Date.now() - t1) / 1000;
  clearInterval(sampler);
  const households = await page.getByTestId('figure-households').textContent();
  const result = {
    households: manifest.households,
    fileMb: { agents: mb(files.agents), households: mb(files.households), cases: mb(files.cases) },
    checkS: Math.round(checkS * 10) / 10,
    useAndReloadS: Math.round(useS * 10) / 10,
    reports: summaries,
    householdsOnScreen: households,
    peakRendererRssMb: peakRss,
    foreignRequests: dash.foreignRequests.length,
    pageErrors: dash.pageErrors,
  };
  console.log(
    `${manifest.households.toLocaleString('en')} households (${result.fileMb.households} MB CSV): ` +
      `checked in ${result.checkS} s, used (stored, page reloaded, files checked again) in ${result.useAndReloadS} s; ` +
      `renderer peak RSS ${peakRss} MB`,
  );
  console.log(JSON.stringify(result));
} finally {
  await dash.close();
}
