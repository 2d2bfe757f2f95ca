/**
 * Where the time goes while a user waits (`npm run profile -- --scenario cold|later|switch`; build first).
 *
 * Drives the built demo in headless Chromium as the benchmark does and records a Chrome trace of one wait:
 * - cold: a first visit, open → ready;
 * - later: a third visit in the same browser (the offline cache and the compiled engine kept), open → ready;
 * - switch: right after a cold start is ready, Perencanaan → Pengawasan.
 * Prints the app's own timeline (its `gancang:*` marks, and each statement of its database, `gancang:sql`),
 * how busy each thread was in each quarter second, what compiling the database engine, the software GPU's
 * read-backs and garbage collection cost, and the page's long tasks with their largest parts. With `--data DIR`,
 * a demo made with `npm run data:demo -- --out DIR` (e.g. a million households) is served instead of the built one.
 * With `--trace FILE`, the whole trace is written there too, for DevTools' Performance panel or Perfetto.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { openAgain, openDashboard, waitReady } from '../tests/e2e/harness';
import { openSection } from './bench-interactions';
import { argsOrUsage, readOptions } from './cli-options';
import { summarizeTrace, type TraceEvent } from './profile-trace';

const SCENARIOS = ['cold', 'later', 'switch'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const USAGE = 'usage: npm run profile -- [--scenario cold|later|switch] [--slice MS] [--data DIR]';
const CATEGORIES = [
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.wasm',
  'gpu',
  'toplevel',
].join(',');

interface ProfileOptions {
  scenario: Scenario;
  sliceMs: number;
  /** A demo made with `npm run data:demo -- --out DIR` (e.g. a million households), served instead of the built one. */
  data?: string;
  /** Where to write the whole trace (Chrome's JSON trace format: opens in DevTools' Performance panel or Perfetto). */
  trace?: string;
}

function parse(argv: readonly string[]): ProfileOptions {
  const { values } = readOptions(argv, {
    scenario: { type: 'string', default: 'cold' },
    slice: { type: 'string', default: '250' },
    data: { type: 'string' },
    trace: { type: 'string' },
  });
  const scenario = SCENARIOS.find((s) => s === values.scenario);
  if (!scenario) throw new Error(`unknown scenario "${values.scenario}"`);
  const sliceMs = Number(values.slice);
  if (!(sliceMs >= 10)) throw new Error('--slice needs a number of milliseconds, at least 10');
  return {
    scenario,
    sliceMs,
    ...(values.data ? { data: path.resolve(values.data) } : {}),
    ...(values.trace ? { trace: path.resolve(values.trace) } : {}),
  };
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

interface AppEntry {
  name: string;
  startMs: number;
  ms: number;
  detail: string;
}

/** The page's marks and measures of its own (`gancang:*`), from its performance timeline. */
const appEntries = (page: Page): Promise<AppEntry[]> =>
  page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => (e.entryType === 'mark' || e.entryType === 'measure') && e.name.startsWith('gancang:'))
      .map((e) => ({
        name: e.name,
        startMs: e.startTime,
        ms: e.duration,
        detail:
          typeof (e as PerformanceMark).detail === 'string' ? ((e as PerformanceMark).detail as string) : '',
      })),
  );

/** The trace's clock (µs) at the page's performance.now() 0: a mark seen in both ties them. */
function pageOriginUs(events: readonly TraceEvent[], entries: readonly AppEntry[]): number {
  for (const entry of entries) {
    const traced = events.find(
      (e) => e.name === entry.name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'),
    );
    if (traced) return traced.ts - entry.startMs * 1000;
  }
  throw new Error('no app mark in the trace: is the build an older one?');
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const round = (n: number) => Math.round(n).toLocaleString('en');

/** The profile of one wait, as the lines printed. */
export async function profile({ scenario, sliceMs = 250, data, trace }: ProfileOptions): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const dash = await openDashboard({ navigate: scenario !== 'cold', ...(data ? { demo: data } : {}) });
  try {
    let page = dash.page;
    let stop: () => Promise<TraceEvent[]>;
    let fromPageMs = 0;
    let toPageMs: number;
    if (scenario === 'cold') {
      stop = await startTrace(await dash.context.newCDPSession(page));
      await page.goto(dash.url);
      await waitReady(page);
      toPageMs = await page.evaluate(() => performance.now());
    } else {
      await waitReady(page);
      if (scenario === 'later') {
        await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
        await (await openAgain(page, dash.url)).tab.close();
        stop = await startTrace(await dash.context.newCDPSession(page));
        page = (await openAgain(page, dash.url)).tab;
        toPageMs = await page.evaluate(() => performance.now());
      } else {
        stop = await startTrace(await dash.context.newCDPSession(page));
        fromPageMs = await page.evaluate(() => performance.now());
        await openSection(page, 'supervisor');
        toPageMs = await page.evaluate(() => performance.now());
      }
    }
    const entries = await appEntries(page);
    const events = await stop();
    if (trace) writeFileSync(trace, JSON.stringify({ traceEvents: events }));
    const origin = pageOriginUs(events, entries);
    const fromUs = origin + fromPageMs * 1000;
    const summary = summarizeTrace(events, { fromUs, toUs: origin + toPageMs * 1000, sliceMs });

    const what = {
      cold: 'open (cold) → ready',
      later: 'third visit → ready',
      switch: 'Perencanaan → Pengawasan',
    };
    log(`${what[scenario]}: ${round(toPageMs - fromPageMs)} ms (ms below: from the start of the wait)\n`);
    log('The app (its marks; each database statement, gancang:sql)');
    log('   start      ms  what');
    for (const e of entries
      .filter((e) => e.startMs + e.ms >= fromPageMs)
      .sort((a, b) => a.startMs - b.startMs))
      log(
        `${pad(round(e.startMs - fromPageMs), 8)} ${pad(e.ms ? round(e.ms) : '', 7)}  ${e.name} ${e.detail}`,
      );

    log(`\nBusy ms per ${sliceMs} ms (ThreadPool: V8's and Blink's pool threads together)`);
    const width = 5;
    const slices = summary.threads[0]?.slices.length ?? 0;
    log(
      `${''.padEnd(28)}${pad('total', 7)} ${Array.from({ length: slices }, (_, i) => pad(i * sliceMs, width)).join('')}`,
    );
    for (const t of summary.threads.filter((t) => t.busyMs >= 20))
      log(
        `${t.thread.slice(0, 27).padEnd(28)}${pad(round(t.busyMs), 7)} ${t.slices.map((s) => pad(Math.round(s), width)).join('')}`,
      );

    log('\nCosts');
    log(
      `  database engine compiled (baseline, optimised): ${round(summary.wasmBaselineMs)}, ${round(summary.wasmTopTierMs)} ms`,
    );
    log(
      `  GPU read-backs on the page's thread (software compositing): ${summary.readPixels.count}, ${round(summary.readPixels.ms)} ms (at ${summary.readPixels.atMs.map(round).join(', ')})`,
    );
    log(`  garbage collection: ${round(summary.gcMs)} ms`);
    log('\nLong tasks of the page (≥ 50 ms), their largest parts');
    for (const task of summary.longTasks)
      log(
        `${pad(round(task.atMs), 8)} ${pad(round(task.ms), 6)}  ${task.parts.map((p) => `${p.name} ${round(p.ms)}`).join(' · ')}`,
      );
  } finally {
    await dash.close();
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = argsOrUsage(parse, process.argv.slice(2), USAGE);
  if (!args) process.exit(2);
  for (const line of await profile(args)) console.log(line);
}
