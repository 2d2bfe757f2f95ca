/**
 * The reassignment proposal as a supervisor gets it (`npm run bench:proposal`; run `npm run build` first):
 * the built demo in headless Chromium, Pengawasan opened on the proposal list at a distance limit, then
 * "Susun usulan penugasan" clicked → the result shown. Twice per run, each on a fresh page: clicked the moment
 * the button shows, and clicked after the user has read the panel for a few seconds (the worker works the
 * proposal out meanwhile). Median and p95 over the runs, the machine's load beside; one JSON line last.
 *
 * Options: --runs N (default 5), --limit-m M (default 10000), --read-ms MS (default 3000).
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { quantile, median as ssMedian } from 'simple-statistics';
import { assertBuilt, assertChromium, DIST, openDashboard, waitReady } from '../tests/e2e/harness';
import { readOptions } from './cli-options';

const { values } = readOptions(process.argv.slice(2), {
  runs: { type: 'string', default: '5' },
  'limit-m': { type: 'string', default: '10000' },
  'read-ms': { type: 'string', default: '3000' },
});
const runs = Math.max(1, Number(values.runs));
const limitM = Number(values['limit-m']);
const readMs = Number(values['read-ms']);

/** On the proposal list, waits `pauseMs` once the button shows, clicks; ms to the result. */
async function clickToResult(page: Page, pauseMs: number): Promise<number> {
  await waitReady(page);
  const button = page.getByTestId('run-proposal');
  await button.waitFor({ timeout: 120_000 });
  if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  const t0 = performance.now();
  await button.click();
  await page.getByTestId('proposal-result').waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

assertChromium();
assertBuilt(DIST);
const atOnce: number[] = [];
const afterReading: number[] = [];
const loads: number[] = [];
for (let run = 1; run <= runs; run++) {
  for (const [pause, into] of [
    [0, atOnce],
    [readMs, afterReading],
  ] as const) {
    const dashboard = await openDashboard({ query: `?section=supervisor&jarak_m=${limitM}&daftar=usulan` });
    try {
      into.push(await clickToResult(dashboard.page, pause));
    } finally {
      await dashboard.close();
    }
  }
  loads.push(loadavg()[0] as number);
  console.log(
    `run ${run}: at once ${Math.round(atOnce.at(-1) as number)} ms, after ${readMs} ms of reading ${Math.round(afterReading.at(-1) as number)} ms, load ${loads.at(-1)?.toFixed(2)}`,
  );
}
const summary = (xs: number[]) => ({
  medianMs: Math.round(ssMedian(xs)),
  p95Ms: Math.round(quantile(xs, 0.95)),
});
const first = summary(atOnce);
const read = summary(afterReading);
console.log(`\n"Susun usulan penugasan" → result, ${limitM} m, ${runs} run(s) (ms)`);
console.log(`clicked at once:                   median ${first.medianMs}, p95 ${first.p95Ms}`);
console.log(`clicked after ${readMs} ms of reading:  median ${read.medianMs}, p95 ${read.p95Ms}`);
console.log(
  JSON.stringify({
    bench: 'proposal',
    runs,
    limitM,
    readMs,
    atOnce: first,
    afterReading: read,
    loadAverage: loads.map((l) => Number(l.toFixed(2))),
  }),
);
