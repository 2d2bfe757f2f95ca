/**
 * Where the time goes while a user waits (`npm run profile -- --scenario cold|later|switch|step`; build first).
 *
 * Drives the built demo in headless Chromium as the benchmark does and records a Chrome trace of one wait:
 * - cold: a first visit, open → ready;
 * - later: a third visit in the same browser (the offline cache and the compiled engine kept), open → ready;
 * - switch: right after a cold start is ready, Perencanaan → Pengawasan.
 * - step: after a cold start, Pengawasan opened and looked at for `--pause MS` (4 s by default), one step of its
 *   distance limit (key press → the map's frame with its answer drawn).
 * - use: after a cold start, the demo's agents and households files imported and checked, then "Gunakan data
 *   ini" → ready with them.
 * Prints the app's own timeline (its `gancang:*` marks, and each statement of its database, `gancang:sql`),
 * how busy each thread was in each quarter second, what compiling the database engine, the software GPU's
 * read-backs and garbage collection cost, and the page's long tasks with their largest parts. With `--data DIR`,
 * a demo made with `npm run data:demo -- --out DIR` (e.g. a million households) is served instead of the built one.
 * With `--trace FILE`, the whole trace is written there too, for DevTools' Performance panel or Perfetto. With
 * `--functions`, the page's thread is sampled too and the functions that took its time are listed. With
 * `--frames`, the live map's frames are listed: when each came and what it could show (profile-frames.ts), and the
 * GPU programs linked during the wait (gpu-programs.ts; a switch's too, from a page that records them since it opened).
 * With `--without-shipped-answers`, a first visit to the demo asks the database, as one to any other dataset does,
 * instead of being drawn from the answers the build ships with the demo.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { openAgain, openDashboard, waitReady } from '../tests/e2e/harness';
import {
  checkDemoImport,
  lookAtSupervisor,
  openSectionTimes,
  stepDistanceDrawn,
  takeCheckedImport,
} from './bench-interactions';
import { argsOrUsage, readOptions } from './cli-options';
import { gpuPrograms, recordGpuPrograms } from './gpu-programs';
import { mapFrames, recordMapFrames } from './profile-frames';
import { type SampleEvent, sampledFunctions } from './profile-samples';
import { summarizeTrace, type TraceEvent } from './profile-trace';

const SCENARIOS = ['cold', 'later', 'switch', 'step', 'use'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const USAGE =
  'usage: npm run profile -- [--scenario cold|later|switch|step|use] [--pause MS] [--slice MS] [--data DIR] [--trace FILE] [--functions] [--frames] [--without-shipped-answers]';
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
  /** step: how long the user looks at Pengawasan before the step. */
  pauseMs?: number;
  /** A demo made with `npm run data:demo -- --out DIR` (e.g. a million households), served instead of the built one. */
  data?: string;
  /** Where to write the whole trace (Chrome's JSON trace format: opens in DevTools' Performance panel or Perfetto). */
  trace?: string;
  /** Sample the page's thread too, and print the functions that took its time (the sampling slows the page). */
  functions?: boolean;
  /** List the live map's frames too: when each came and what it could show (profile-frames.ts). */
  frames?: boolean;
  /**
   * False: the answers shipped with the demo answer 404, so a first visit asks the database (as a first visit to
   * any other dataset does) instead of being drawn from them (src/core/dataset/shipped-answers.ts).
   */
  shippedAnswers?: boolean;
}

function parse(argv: readonly string[]): ProfileOptions {
  const { values } = readOptions(argv, {
    scenario: { type: 'string', default: 'cold' },
    slice: { type: 'string', default: '250' },
    pause: { type: 'string', default: '4000' },
    data: { type: 'string' },
    trace: { type: 'string' },
    functions: { type: 'boolean', default: false },
    frames: { type: 'boolean', default: false },
    'without-shipped-answers': { type: 'boolean', default: false },
  });
  const scenario = SCENARIOS.find((s) => s === values.scenario);
  if (!scenario) throw new Error(`unknown scenario "${values.scenario}"`);
  const sliceMs = Number(values.slice);
  if (!(sliceMs >= 10)) throw new Error('--slice needs a number of milliseconds, at least 10');
  const pauseMs = Number(values.pause);
  if (!(pauseMs >= 0)) throw new Error('--pause needs a number of milliseconds');
  return {
    scenario,
    sliceMs,
    pauseMs,
    ...(values.data ? { data: path.resolve(values.data) } : {}),
    ...(values.trace ? { trace: path.resolve(values.trace) } : {}),
    functions: values.functions === true,
    frames: values.frames === true,
    shippedAnswers: values['without-shipped-answers'] !== true,
  };
}

async function startTrace(cdp: CDPSession, functions: boolean): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const categories = functions ? `${CATEGORIES},disabled-by-default-v8.cpu_profiler` : CATEGORIES;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
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

/**
 * The trace's clock (µs) at the page's performance.now() 0, and the page's thread: a mark seen in both ties
 * them.
 */
function pageOrigin(
  events: readonly TraceEvent[],
  entries: readonly AppEntry[],
): { originUs: number; pid: number; tid: number } {
  // The latest entry first: a name the page marked before the trace began (e.g. each map drawn) is in the trace
  // only as its latest mark.
  for (const entry of [...entries].sort((a, b) => b.startMs - a.startMs)) {
    const traced = events.findLast(
      (e) => e.name === entry.name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'),
    );
    if (traced) return { originUs: traced.ts - entry.startMs * 1000, pid: traced.pid, tid: traced.tid };
  }
  throw new Error('no app mark in the trace: is the build an older one?');
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const round = (n: number) => Math.round(n).toLocaleString('en');

/** The profile of one wait, as the lines printed. */
export async function profile({
  scenario,
  sliceMs = 250,
  pauseMs = 4000,
  data,
  trace,
  functions = false,
  frames = false,
  shippedAnswers = true,
}: ProfileOptions): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const dash = await openDashboard({
    navigate: scenario !== 'cold',
    settled: true,
    shippedAnswers,
    ...(data ? { demo: data } : {}),
  });
  try {
    if (frames) {
      await recordMapFrames(dash.context, dash.page);
      await recordGpuPrograms(dash.context);
    }
    let page = dash.page;
    let stop: () => Promise<TraceEvent[]>;
    let fromPageMs = 0;
    let toPageMs: number;
    if (scenario === 'cold') {
      stop = await startTrace(await dash.context.newCDPSession(page), functions);
      await page.goto(dash.url);
      await waitReady(page);
      toPageMs = await page.evaluate(() => performance.now());
    } else {
      await waitReady(page);
      if (scenario === 'later') {
        await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
        await (await openAgain(page, dash.url)).tab.close();
        stop = await startTrace(await dash.context.newCDPSession(page), functions);
        page = (await openAgain(page, dash.url)).tab;
        toPageMs = await page.evaluate(() => performance.now());
      } else if (scenario === 'switch') {
        stop = await startTrace(await dash.context.newCDPSession(page), functions);
        // From the click to the section drawn (the wait the bench reports), not the driver's checks before it.
        ({ clickedAtMs: fromPageMs, readyAtMs: toPageMs } = await openSectionTimes(page, 'supervisor'));
      } else if (scenario === 'use') {
        await checkDemoImport(page);
        stop = await startTrace(await dash.context.newCDPSession(page), functions);
        fromPageMs = await page.evaluate(() => performance.now());
        await takeCheckedImport(page);
        toPageMs = await page.evaluate(() => performance.now());
      } else {
        await lookAtSupervisor(page, pauseMs);
        stop = await startTrace(await dash.context.newCDPSession(page), functions);
        fromPageMs = await page.evaluate(() => performance.now());
        await stepDistanceDrawn(page);
        toPageMs = await page.evaluate(() => performance.now());
      }
    }
    const entries = await appEntries(page);
    const framesSeen = frames ? await mapFrames(page, fromPageMs) : [];
    const linked = frames
      ? (await gpuPrograms(page)).filter((p) => p.atMs >= fromPageMs && p.atMs <= toPageMs)
      : [];
    const events = await stop();
    if (trace) writeFileSync(trace, JSON.stringify({ traceEvents: events }));
    const { originUs: origin, ...pageThread } = pageOrigin(events, entries);
    const fromUs = origin + fromPageMs * 1000;
    const toUs = origin + toPageMs * 1000;
    const summary = summarizeTrace(events, { fromUs, toUs, sliceMs });

    const what = {
      cold: 'open (cold) → ready',
      later: 'third visit → ready',
      switch: 'Perencanaan → Pengawasan',
      step: `distance limit, one step after ${round(pauseMs)} ms on Pengawasan → drawn`,
      use: "Gunakan data ini (the demo's files, checked) → ready",
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
      `  database engine's functions compiled at their first call: ${round(summary.wasmLazy.count)}, ${round(summary.wasmLazy.ms)} ms`,
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
    if (frames) {
      log(
        "\nThe map's frames (the map loaded; deck.gl's places in it; the layers handed set up; new layers deck.gl had not taken up)",
      );
      log('      at  loaded  placed  layers  held');
      const yesNo = (b: boolean | null) => (b === null ? '?' : b ? 'yes' : 'no');
      for (const f of framesSeen)
        log(
          `${pad(round(f.atMs - fromPageMs), 8)}  ${yesNo(f.loaded).padEnd(6)}  ${yesNo(f.placed).padEnd(6)}  ${yesNo(f.layersLoaded).padEnd(6)}  ${yesNo(f.layersHeld)}`,
        );
      log('\nGPU programs linked during the wait (with software WebGL, each compiled while a frame waits)');
      for (const p of linked) log(`${pad(round(p.atMs - fromPageMs), 8)}  ${p.name}`);
    }
    if (functions) {
      // The same events, read for the profiler's fields.
      const sampled = sampledFunctions(events as SampleEvent[], pageThread, { fromUs, toUs });
      log(
        `\nThe page's thread by function (${sampled.samples} samples; "(program)": the browser's own work)`,
      );
      log(`${'with what it called'.padEnd(58)}  own code`);
      for (let i = 0; i < sampled.inclusive.length; i++) {
        const [a, b] = [sampled.inclusive[i], sampled.self[i]];
        const cell = (f: typeof a) => (f ? `${pad(round(f.ms), 6)}  ${f.name.slice(0, 48)}` : '');
        log(`${cell(a).padEnd(58)}  ${cell(b)}`);
      }
    }
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
