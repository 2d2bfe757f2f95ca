/**
 * Planner benchmark (`npm run bench:planner`; build first): in the built app in headless Chromium,
 * the time from changing the measure, a filter or the month to the map redrawn with the new data
 * (median and p95 of 20 changes each, split by whether the area rows came from a DuckDB query or from the
 * app's cache of earlier answers), the load time, and the memory of the tab (its renderer process,
 * with its workers: resident and private, as Linux counts them, at the end; resident and anonymous at their peaks,
 * sampled from counters that cost the page nothing) beside all renderers' resident memory summed.
 *
 * "Redrawn" is the app's own `gancang:planner-drawn` mark: from the input's change handler, through
 * the DuckDB query, classification and deck.gl update, to MapLibre's next `idle` (the frame is on screen).
 *
 * Datasets: `--data <dir>` (repeatable) serves that folder at /demo/ instead of dist/demo/, e.g.
 *   npm run data:demo -- --households 1000000 --out /tmp/planner-1m
 *   npm run bench:planner -- --data data/demo --data /tmp/planner-1m
 * Without --data the built app's own demo (dist/demo) is measured. With --answers, the answers of a first visit are
 * made ahead for each dataset (as the build ships them for its demo) and served: its first visit is drawn from them.
 * Options: --changes N (default 20);
 * --runs N (default 1): the dataset is opened N times (fresh browser profile each) and the time to the
 * classified map ("ready") and the renderer's peak memory are reported as median and p95; the changes are
 * timed in the last run only, then the address is opened again in a new tab of that browser (a second visit:
 * the last visit's map, kept in the browser, is drawn before the live one). The machine's load average is printed
 * beside.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { quantile as ssQuantile } from 'simple-statistics';
import { shippedAnswersFile } from '../src/core/dataset/shipped-answers';
import { NEED_CODES } from '../src/core/domain/needs';
import {
  assertBuilt,
  assertChromium,
  DIST,
  firstLookOrReady,
  memorySample,
  openAgain,
  openDashboard,
  rendererRssMb,
  tabMemoryMb,
  waitMapIdle,
  waitReady,
} from '../tests/e2e/harness';
import { answersOfFirstVisit } from './answers-ahead';
import { openSection, stepDistanceDrawn } from './bench-interactions';
import { readOptions } from './cli-options';

const MARK = 'gancang:planner-drawn';
const NEEDS = [...NEED_CODES, 'any'];

const { values: options } = readOptions(process.argv.slice(2), {
  changes: { type: 'string', default: '20' },
  runs: { type: 'string', default: '1' },
  data: { type: 'string', multiple: true, default: [] },
  answers: { type: 'boolean', default: false },
});
const CHANGES = Number(options.changes);
const RUNS = Math.max(1, Number(options.runs));

/** simple-statistics' quantile (as `npm run bench`), NaN when there is nothing to summarise. */
const quantile = (xs: number[], p: number): number => (xs.length ? ssQuantile(xs, p) : Number.NaN);
/** Median, p95 and max in seconds, to a tenth. */
const summarySeconds = (xs: number[]) => ({
  median: Math.round(quantile(xs, 0.5) * 10) / 10,
  p95: Math.round(quantile(xs, 0.95) * 10) / 10,
  max: Math.round(Math.max(...xs) * 10) / 10,
});
const summary = (xs: number[]) => ({
  n: xs.length,
  median: Math.round(quantile(xs, 0.5)),
  p95: Math.round(quantile(xs, 0.95)),
  max: Math.round(Math.max(...xs)),
});

interface ChangeDetail {
  /** Change → map redrawn. */
  ms: number;
  /** The area query (≈0 when answered from the app's cache). */
  queryMs: number;
  cached: boolean;
  committedMs: number;
  sentMs: number;
}

/** Runs `action` and returns the app's measured change → redraw detail. */
async function timed(page: Page, action: () => Promise<void>): Promise<ChangeDetail> {
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
    return (all[all.length - 1] as PerformanceMark).detail as ChangeDetail;
  }, MARK);
  // Let the follow-up queries (totals, histogram, months ahead) finish so each change starts from a quiet app.
  await page.waitForTimeout(250);
  await waitMapIdle(page);
  return detail;
}

/** Times, split by where the area rows came from: a DuckDB query, or the app's cache of earlier answers. */
function report(details: ChangeDetail[]) {
  const ms = (xs: ChangeDetail[]) => xs.map((d) => d.ms);
  const queried = details.filter((d) => !d.cached);
  return {
    all: summary(ms(details)),
    queried: summary(ms(queried)),
    cached: summary(ms(details.filter((d) => d.cached))),
    duckdbQueryMs: summary(queried.map((d) => d.queryMs)),
    committedMs: summary(details.map((d) => d.committedMs)),
  };
}

/**
 * Seconds from `t0` until the first look (the demo's opening map, drawn before the data is in) is painted; null
 * when the page was ready without one (the demo names none, or another address).
 */
async function firstLookSeconds(page: Page, t0: number): Promise<number | null> {
  return (await firstLookOrReady(page, 900_000)) ? (Date.now() - t0) / 1000 : null;
}

/**
 * Samples memory every 250 ms until stopped, keeping the peaks: all renderers' resident memory summed, and the
 * tab's resident and anonymous memory (memorySample: read from counters, so that sampling does not slow the page).
 */
function memoryPeaks() {
  const peaks = { renderersRssMb: 0, tabRssMb: 0, tabAnonMb: 0 };
  const sample = () => {
    const now = memorySample();
    if (!now) return;
    peaks.renderersRssMb = Math.max(peaks.renderersRssMb, now.renderersRssMb);
    peaks.tabRssMb = Math.max(peaks.tabRssMb, now.tabRssMb);
    peaks.tabAnonMb = Math.max(peaks.tabAnonMb, now.tabAnonMb);
  };
  const timer = setInterval(sample, 250);
  return { peaks, sample, stop: () => clearInterval(timer) };
}

/** Where the dataset is served from: at /demo/ when `dir` is given, with `files` (answers made ahead) beside. */
interface Served {
  dir: string | null;
  files?: Record<string, string>;
}

/** Opens the planner on the dataset and waits for its classified map. */
async function openPlanner({ dir, files }: Served) {
  const dash = await openDashboard({
    boundaries: 'none',
    // The address a user types (the planner is the first section): the one a demo's first look is drawn for.
    query: '',
    navigate: false,
    settled: true,
    ...(dir ? { demo: dir } : {}),
    ...(files ? { files } : {}),
  });
  // The renderer's memory, sampled while it loads: the peak, not only what is left at the end.
  const memory = memoryPeaks();
  try {
    const t0 = Date.now();
    await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    const firstLookS = await firstLookSeconds(dash.page, t0);
    await waitReady(dash.page, 900_000);
    const readyS = (Date.now() - t0) / 1000;
    await waitMapIdle(dash.page);
    await dash.page.waitForTimeout(1000);
    memory.sample();
    const { renderersRssMb: peakRssMb, tabAnonMb: peakTabAnonMb } = memory.peaks;
    return { dash, firstLookS, readyS, peakRssMb, peakTabAnonMb };
  } catch (error) {
    await dash.close();
    throw error;
  } finally {
    memory.stop();
  }
}

/**
 * The same address opened again in a new tab of the same browser: seconds until the last visit's classified map
 * (the first look kept in this browser, labelled as that visit's) is drawn, and until the live map is ready.
 */
async function secondVisit(page: Page, url: string): Promise<{ firstLookS: number | null; readyS: number }> {
  const { tab, firstMapMs, firstLook, readyMs } = await openAgain(page, url, 900_000);
  await tab.close();
  const seconds = (ms: number) => Math.round(ms) / 1000;
  return { firstLookS: firstLook ? seconds(firstMapMs) : null, readyS: seconds(readyMs) };
}

/**
 * `--answers`: the answers a first visit to the dataset gives, made ahead as `npm run build` ships them for its
 * demo (ship-demo-answers.ts; `npm run data:answers` for a published dataset), served where the app asks for
 * them. Without it, a dataset served with --data has none (the build's are for its own demo).
 */
async function answersAhead(dir: string | null, fingerprint: string): Promise<Record<string, string>> {
  const dash = await openDashboard({
    boundaries: 'none',
    query: '',
    serviceWorkers: 'block',
    shippedAnswers: false,
    ...(dir ? { demo: dir } : {}),
  });
  try {
    await waitReady(dash.page, 900_000);
    const { bytes } = await answersOfFirstVisit(dash.page);
    const folder = mkdtempSync(path.join(tmpdir(), 'bench-answers-'));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'answers.bin');
    writeFileSync(file, bytes);
    return { [`/${shippedAnswersFile(fingerprint)}`]: file };
  } finally {
    await dash.close();
  }
}

async function benchDataset(dir: string | null) {
  const label = dir ?? path.join(DIST, 'demo');
  const manifest = JSON.parse(readFileSync(path.join(label, 'manifest.json'), 'utf8')) as {
    households: number;
    fingerprint: string;
  };
  const served: Served = {
    dir,
    ...(options.answers ? { files: await answersAhead(dir, manifest.fingerprint) } : {}),
  };
  const opens: {
    firstLookS: number | null;
    readyS: number;
    peakRssMb: number;
    peakTabAnonMb: number;
    load: number;
  }[] = [];
  for (let run = 1; run < RUNS; run++) {
    const { dash, ...open } = await openPlanner(served);
    await dash.close();
    opens.push({ ...open, load: loadavg()[0] ?? Number.NaN });
  }
  const { dash, ...open } = await openPlanner(served);
  opens.push({ ...open, load: loadavg()[0] ?? Number.NaN });
  // The tab's memory at its peak while the user works (the changes, a second tab, Pengawasan).
  const inUse = memoryPeaks();
  try {
    const { page } = dash;

    const measure: ChangeDetail[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const need = NEEDS[i % NEEDS.length] as string;
      measure.push(
        await timed(page, () =>
          page
            .getByTestId('need-select')
            .selectOption(need)
            .then(() => {}),
        ),
      );
    }
    const districts = (
      await page
        .locator('[data-testid="filter-district"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    ).filter(Boolean);
    // A kecamatan, then back to all of them (after load, each kecamatan's answer is fetched ahead while idle).
    const filter: ChangeDetail[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const value = i % 2 === 1 ? '' : (districts[(i / 2) % districts.length] as string);
      filter.push(
        await timed(page, () =>
          page
            .getByTestId('filter-district')
            .selectOption(value)
            .then(() => {}),
        ),
      );
    }
    // Other filters (agent type, highest decile), one change at a time: combinations mostly not seen before.
    const AGENTS = ['asn', 'pppk', 'none', 'all'];
    const other: ChangeDetail[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const [testId, value] =
        i % 2 === 0
          ? ['filter-agent', AGENTS[(i / 2) % AGENTS.length] as string]
          : ['filter-decile-max', String(9 - (((i - 1) / 2) % 5))];
      other.push(
        await timed(page, () =>
          page
            .getByTestId(testId)
            .selectOption(value)
            .then(() => {}),
        ),
      );
    }
    await page.getByTestId('filter-reset').click();
    await page.waitForTimeout(500);
    await waitMapIdle(page);
    // One month on at a time (as the play button does).
    const month: ChangeDetail[] = [];
    const slider = page.getByTestId('month-slider');
    for (let i = 0; i < CHANGES; i++) {
      month.push(
        await timed(page, async () => {
          await slider.focus();
          await page.keyboard.press('ArrowRight');
        }),
      );
    }
    // Jumps to months far apart (a fixed pseudo-random order), mostly never seen before.
    const last = Number(await slider.getAttribute('max'));
    const jump: ChangeDetail[] = [];
    // (A period of one month has nowhere to jump.)
    for (let i = 0, at = 0; i < CHANGES && last > 0; i++) {
      const now = Number(await slider.inputValue());
      at = (at + 7 + (i % 3) * 5) % (last + 1);
      // A jump to the month shown changes nothing, and no redraw would come: the next month instead.
      if (at === now) at = (at + 1) % (last + 1);
      const value = String(at);
      jump.push(await timed(page, () => slider.fill(value)));
    }

    const second = await secondVisit(page, dash.url);

    // Pengawasan: the distance limit one step right at a time (key press → the map's frame with the new limit's
    // answer drawn), each from a quiet page, as a supervisor moving the slider step by step.
    const toSupervisorMs = await openSection(page, 'supervisor');
    await waitMapIdle(page);
    const distance: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      distance.push(await stepDistanceDrawn(page));
      await page.waitForTimeout(250);
      await waitMapIdle(page);
    }

    const cdp = await dash.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      dataset: label,
      households: manifest.households,
      answersAhead: options.answers,
      readyS:
        Math.round(
          quantile(
            opens.map((o) => o.readyS),
            0.5,
          ) * 10,
        ) / 10,
      opens: {
        n: opens.length,
        firstLookS: opens.every((o) => o.firstLookS !== null)
          ? summarySeconds(opens.map((o) => o.firstLookS as number))
          : null,
        readyS: summarySeconds(opens.map((o) => o.readyS)),
        peakRssMb: summary(opens.map((o) => o.peakRssMb)),
        peakTabAnonMb: summary(opens.map((o) => o.peakTabAnonMb)),
        loadAverage: opens.map((o) => Math.round(o.load * 100) / 100),
      },
      secondVisit: second,
      measureChange: report(measure),
      filterChange: report(filter),
      otherFilterChange: report(other),
      monthStep: report(month),
      monthJump: report(jump),
      toSupervisorMs: Math.round(toSupervisorMs),
      distanceStep: summary(distance),
      mainThreadJsHeapMb: Math.round(heap / 1024 / 1024),
      rendererRssMb: rendererRssMb(),
      tabMb: { ...tabMemoryMb(), anon: memorySample()?.tabAnonMb },
      tabPeakMb: { rss: inUse.peaks.tabRssMb, anon: inUse.peaks.tabAnonMb },
      foreignRequests: dash.foreignRequests.length,
      pageErrors: dash.pageErrors,
    };
  } finally {
    inUse.stop();
    await dash.close();
  }
}

assertBuilt();
assertChromium();
const dirs = options.data.map((d) => path.resolve(d));
const results = [];
for (const dir of dirs.length ? dirs : [null]) {
  const r = await benchDataset(dir);
  results.push(r);
  const line = (name: string, x: ReturnType<typeof report>) =>
    `  ${name.padEnd(15)} → map redrawn: median ${x.all.median} ms, p95 ${x.all.p95} ms (n=${x.all.n}); ` +
    (x.queried.n
      ? `queried ${x.queried.n}: median ${x.queried.median} / p95 ${x.queried.p95} ms ` +
        `(DuckDB ${x.duckdbQueryMs.median} / ${x.duckdbQueryMs.p95} ms); `
      : 'queried 0; ') +
    (x.cached.n
      ? `from cache ${x.cached.n}: median ${x.cached.median} / p95 ${x.cached.p95} ms\n`
      : 'from cache 0\n');
  console.log(
    `${r.households.toLocaleString('en')} households (${r.dataset}` +
      `${r.answersAhead ? ', its answers made ahead' : ''}): open → ` +
      (r.opens.firstLookS
        ? `first look (the demo's classified map, before the data) median ${r.opens.firstLookS.median} s, ` +
          `p95 ${r.opens.firstLookS.p95} s; → `
        : 'first look not shown in every run; → ') +
      `live classified map (ready) ` +
      `median ${r.opens.readyS.median} s, p95 ${r.opens.readyS.p95} s (n=${r.opens.n}); ` +
      `renderer peak RSS median ${r.opens.peakRssMb.median} MB, max ${r.opens.peakRssMb.max} MB; ` +
      `the tab's anonymous memory at its peak median ${r.opens.peakTabAnonMb.median} MB, max ${r.opens.peakTabAnonMb.max} MB; ` +
      `load average ${r.opens.loadAverage.join(' ')}\n` +
      `  second visit (same browser, new tab): last visit's map (first look) ${r.secondVisit.firstLookS ?? 'not shown'}` +
      `${r.secondVisit.firstLookS === null ? '' : ' s'}, live map ready ${r.secondVisit.readyS} s\n` +
      line('measure change', r.measureChange) +
      line('filter change', r.filterChange) +
      line('other filter', r.otherFilterChange) +
      line('month step', r.monthStep) +
      line('month jump', r.monthJump) +
      `  Perencanaan → Pengawasan ${r.toSupervisorMs} ms; distance limit one step → map drawn: ` +
      `median ${r.distanceStep.median} ms, p95 ${r.distanceStep.p95} ms (n=${r.distanceStep.n})\n` +
      `  memory: main-thread JS heap ${r.mainThreadJsHeapMb} MB, renderer processes RSS ${r.rendererRssMb ?? '?'} MB; ` +
      `the tab (its renderer, with its workers): RSS ${r.tabMb.rss ?? '?'} MB, private ${r.tabMb.private ?? '?'} MB, ` +
      `anonymous ${r.tabMb.anon ?? '?'} MB (at its peak while used: RSS ${r.tabPeakMb.rss} MB, anonymous ${r.tabPeakMb.anon} MB)`,
  );
}
console.log(JSON.stringify(results));
