/**
 * Planner benchmark (`npm run bench:planner`; build first): in the built app in headless Chromium,
 * the time from changing the measure, a filter or the month to the map redrawn with the new data
 * (median and p95 of 20 changes each), the load time, and the memory of the tab.
 *
 * "Redrawn" is the app's own `gancang:planner-drawn` mark: from the input's change handler, through
 * the DuckDB query, classification and deck.gl update, to MapLibre's next `idle` (the frame is on screen).
 *
 * Datasets: `--data <dir>` (repeatable) serves that folder at /demo/ instead of dist/demo/, e.g.
 *   npm run data:demo -- --households 1000000 --out /tmp/planner-1m
 *   npm run bench:planner -- --data data/demo --data /tmp/planner-1m
 * Without --data the built app's own demo (dist/demo) is measured. Options: --changes N (default 20).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  assertBuilt,
  assertChromium,
  DIST,
  openDashboard,
  waitMapIdle,
  waitReady,
} from '../tests/e2e/harness';

const MARK = 'gancang:planner-drawn';
const NEEDS = ['kesehatan', 'bencana', 'rtlh', 'adminduk', 'putus_sekolah', 'lingkungan', 'any'];

const args = process.argv.slice(2);
const values = (flag: string) =>
  args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1] as string] : []));
const CHANGES = Number(values('--changes')[0] ?? 20);

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return (s[lo] as number) + ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number)) * (h - lo);
}
const summary = (xs: number[]) => ({
  n: xs.length,
  median: Math.round(quantile(xs, 0.5)),
  p95: Math.round(quantile(xs, 0.95)),
  max: Math.round(Math.max(...xs)),
});

/** Per change: total, the DuckDB query, and until React committed the new rows (the rest is deck.gl + MapLibre's frame). */
const breakdown: { ms: number; queryMs: number; committedMs: number; sentMs: number }[] = [];

/** Runs `action` and returns the app's measured change → redraw time. */
async function timed(page: Page, action: () => Promise<void>): Promise<number> {
  const before = await page.evaluate((m) => performance.getEntriesByName(m).length, MARK);
  await action();
  await page.waitForFunction(
    (args) => performance.getEntriesByName(args.m).length > args.n,
    { m: MARK, n: before },
    {
      timeout: 120_000,
      polling: 10,
    },
  );
  const detail = await page.evaluate((m) => {
    const all = performance.getEntriesByName(m);
    return (all[all.length - 1] as PerformanceMark).detail as {
      ms: number;
      queryMs: number;
      committedMs: number;
      sentMs: number;
    };
  }, MARK);
  breakdown.push(detail);
  const ms = detail.ms;
  // Let the follow-up queries (totals, histogram) finish so each change starts from a quiet app.
  await page.waitForTimeout(250);
  await waitMapIdle(page);
  return ms;
}

/** Resident memory (MB) of this browser's renderer processes, found by its profile directory. */
function rendererRssMb(profileHint: string): number | null {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let kb = 0;
    for (const line of out.split('\n')) {
      if (line.includes('--type=renderer') && line.includes(profileHint))
        kb += Number(line.trim().split(/\s+/)[0]);
    }
    return kb > 0 ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

async function benchDataset(dir: string | null) {
  const label = dir ?? path.join(DIST, 'demo');
  const manifest = JSON.parse(readFileSync(path.join(label, 'manifest.json'), 'utf8')) as {
    households: number;
  };
  const dash = await openDashboard({
    boundaries: 'none',
    query: 'section=planner',
    navigate: false,
    ...(dir ? { demo: dir } : {}),
  });
  try {
    const { page } = dash;
    const t0 = Date.now();
    await page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await waitReady(page, 900_000);
    const readyS = (Date.now() - t0) / 1000;
    await waitMapIdle(page);
    await page.waitForTimeout(1000);

    const measure: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const need = NEEDS[i % NEEDS.length] as string;
      measure.push(
        await timed(page, () =>
          page
            .getByTestId('need-select')
            .selectOption(need)
            .then(() => undefined),
        ),
      );
    }
    const districts = (
      await page
        .locator('[data-testid="filter-district"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    ).filter(Boolean);
    const filter: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const value = i % 2 === 1 ? '' : (districts[(i / 2) % districts.length] as string);
      filter.push(
        await timed(page, () =>
          page
            .getByTestId('filter-district')
            .selectOption(value)
            .then(() => undefined),
        ),
      );
    }
    const month: number[] = [];
    const slider = page.getByTestId('month-slider');
    for (let i = 0; i < CHANGES; i++) {
      month.push(
        await timed(page, async () => {
          await slider.focus();
          await page.keyboard.press('ArrowRight');
        }),
      );
    }

    const parts = breakdown.splice(0);
    const splitOf = (from: number) => {
      const xs = parts.slice(from, from + CHANGES);
      return {
        sentMs: summary(xs.map((p) => p.sentMs)),
        queryMs: summary(xs.map((p) => p.queryMs)),
        committedMs: summary(xs.map((p) => p.committedMs)),
      };
    };
    const split = { measure: splitOf(0), filter: splitOf(CHANGES), month: splitOf(2 * CHANGES) };
    const cdp = await dash.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      dataset: label,
      households: manifest.households,
      readyS: Math.round(readyS * 10) / 10,
      measureChangeMs: summary(measure),
      filterChangeMs: summary(filter),
      monthStepMs: summary(month),
      split,
      mainThreadJsHeapMb: Math.round(heap / 1024 / 1024),
      // The harness's profiles live in <tmp>/gancang-e2e-*: other e2e runs at the same time would count too.
      rendererRssMb: rendererRssMb('gancang-e2e-'),
      foreignRequests: dash.foreignRequests.length,
      pageErrors: dash.pageErrors,
    };
  } finally {
    await dash.close();
  }
}

assertBuilt();
assertChromium();
const dirs = values('--data').map((d) => path.resolve(d));
const results = [];
for (const dir of dirs.length ? dirs : [null]) {
  const r = await benchDataset(dir);
  results.push(r);
  console.log(
    `${r.households.toLocaleString('en')} households (${r.dataset}): ready ${r.readyS} s\n` +
      `  measure change → map redrawn: median ${r.measureChangeMs.median} ms, p95 ${r.measureChangeMs.p95} ms (n=${r.measureChangeMs.n})\n` +
      `  filter change  → map redrawn: median ${r.filterChangeMs.median} ms, p95 ${r.filterChangeMs.p95} ms\n` +
      `  month step     → map redrawn: median ${r.monthStepMs.median} ms, p95 ${r.monthStepMs.p95} ms\n` +
      (['measure', 'filter', 'month'] as const)
        .map(
          (k) =>
            `  ${k}: query sent after ${r.split[k].sentMs.median} ms, DuckDB query median ${r.split[k].queryMs.median} / p95 ${r.split[k].queryMs.p95} ms, ` +
            `React committed after median ${r.split[k].committedMs.median} / p95 ${r.split[k].committedMs.p95} ms\n`,
        )
        .join('') +
      `  memory: main-thread JS heap ${r.mainThreadJsHeapMb} MB, renderer processes RSS ${r.rendererRssMb ?? '?'} MB`,
  );
}
console.log(JSON.stringify(results));
