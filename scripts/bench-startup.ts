/**
 * Startup benchmark of the built dashboard (`npm run bench`; run `npm run build` first).
 *
 * Five cold starts, each in a fresh Chromium profile (empty cache), served from 127.0.0.1 by the e2e harness, and
 * opened once the browser's own start is done (tests/e2e/browser-quiet.ts), as a user's browser is:
 * navigation → the first map painted (the first look, `gancang:first-look-drawn`, before the data is in), →
 * <html data-state="ready"> and the app's own `gancang:data-loaded` mark, plus what the browser
 * fetched (and of it, the scripts' gzip size: what a first visit downloads before the map). Then the JS/CSS/wasm
 * weight of dist/, raw and gzip. Prints a table and, last, one JSON line.
 *
 * Then, on the same page, what a user waits for next (bench-interactions.ts): the switch to Pengawasan and back,
 * steps of the distance limit (the first, and the median of the next four), and erasing local data. Each figure:
 * median and p95 over the runs, with the machine's load average beside it.
 *
 * Options: --runs N (default 5), --no-interactions (cold starts only).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { quantile, median as ssMedian } from 'simple-statistics';
import { assertBuilt, assertChromium, DIST, openDashboard, waitReady } from '../tests/e2e/harness';
import {
  INTERACTION_LABELS,
  INTERACTIONS,
  type Interaction,
  measureInteractions,
} from './bench-interactions';
import { readOptions } from './cli-options';
import { firstReadyMs, recordPageStates } from './page-states';

/** The build measured, as the tables name it: dist/, or the one E2E_DIST names. */
const BUILD = `${path.relative(process.cwd(), DIST) || '.'}/`;

interface RunResult {
  run: number;
  /** When the first map (the first look, drawn before the data is in) was painted; null when none was. */
  firstMapMs: number | null;
  /** Gzip size of the scripts received before that paint. */
  jsGzipBeforeFirstMapBytes: number | null;
  /** performance.now() in the page when data-state became ready (ms since navigation start). */
  readyMs: number;
  /** Wall clock from page.goto() until the harness saw ready. */
  wallMs: number;
  /** startTime of the `gancang:data-loaded` mark (ms since navigation start). */
  dataLoadedMarkMs: number | null;
  /** detail.sinceStartMs of that mark: time from the start of the app's loader. */
  dataLoadedSinceStartMs: number | null;
  domContentLoadedMs: number | null;
  requests: number;
  fetchedBytes: number;
  /** Gzip size of the scripts fetched until the map was ready. */
  jsGzipBytes: number;
  foreignRequests: number;
  /** After the first map, on the same page (absent with --no-interactions). */
  interactions: Record<Interaction, number> | null;
  /** The machine's 1-minute load average at the end of the run. */
  load: number;
}

type Kind = 'js' | 'css' | 'wasm' | 'data' | 'other';

interface SizeRow {
  files: number;
  raw: number;
  gzip: number;
}

function kindOf(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.wasm') return 'wasm';
  if (['.csv', '.json', '.geojson', '.parquet', '.arrow'].includes(ext)) return 'data';
  return 'other';
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : [];
  });
}

/** Median and 95th percentile (simple-statistics: nearest rank unless it falls between two); NaN when empty. */
const median = (values: number[]): number => (values.length ? ssMedian(values) : Number.NaN);
const p95 = (values: number[]): number => (values.length ? quantile(values, 0.95) : Number.NaN);

const fmtMs = (ms: number | null): string => (ms === null || Number.isNaN(ms) ? '—' : `${Math.round(ms)}`);
const fmtBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;

function fileSize(urlPath: string): number {
  try {
    const file = path.join(DIST, path.normalize(urlPath));
    return file.startsWith(DIST) ? statSync(file).size : 0;
  } catch {
    return 0;
  }
}

async function coldStart(run: number, interactions: boolean): Promise<RunResult> {
  const dash = await openDashboard({ navigate: false, settled: true });
  try {
    await recordPageStates(dash.context);
    const t0 = performance.now();
    await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await waitReady(dash.page);
    const wallMs = performance.now() - t0;
    const readyAt = await firstReadyMs(dash.page);
    const timings = await dash.page.evaluate(() => {
      const mark = performance.getEntriesByName('gancang:data-loaded')[0] as PerformanceMark | undefined;
      const detail = mark?.detail as { sinceStartMs?: number } | null | undefined;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const firstMap = performance.getEntriesByName('gancang:first-look-drawn')[0]?.startTime ?? null;
      // Scripts the page had received when the first map was painted (its workers' scripts included).
      const scriptsBeforeFirstMap = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => firstMap !== null && r.responseEnd <= firstMap)
        .map((r) => new URL(r.name).pathname);
      return {
        firstMap,
        scriptsBeforeFirstMap,
        markMs: mark?.startTime ?? null,
        sinceStartMs: typeof detail?.sinceStartMs === 'number' ? detail.sinceStartMs : null,
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
      };
    });
    const requests = dash.server.requests.filter((p) => p !== '/favicon.ico');
    const jsGzipBytes = gzipOfScripts(requests);
    return {
      run,
      firstMapMs: timings.firstMap,
      jsGzipBeforeFirstMapBytes:
        timings.firstMap === null ? null : gzipOfScripts(timings.scriptsBeforeFirstMap),
      readyMs: readyAt ?? wallMs,
      wallMs,
      dataLoadedMarkMs: timings.markMs,
      dataLoadedSinceStartMs: timings.sinceStartMs,
      domContentLoadedMs: timings.domContentLoadedMs,
      requests: requests.length,
      fetchedBytes: requests.reduce((sum, p) => sum + fileSize(p === '/' ? '/index.html' : p), 0),
      jsGzipBytes,
      foreignRequests: dash.foreignRequests.length,
      interactions: interactions ? await measureInteractions(dash.page, dash.url) : null,
      load: loadavg()[0] ?? Number.NaN,
    };
  } finally {
    await dash.close();
  }
}

const gzipCache = new Map<string, number>();
/** Gzip size of the scripts among `paths` (the app's and its workers'), each counted once. */
function gzipOfScripts(paths: readonly string[]): number {
  let total = 0;
  for (const p of new Set(paths)) {
    if (kindOf(p) !== 'js') continue;
    const file = path.join(DIST, path.normalize(p));
    if (!file.startsWith(DIST)) continue;
    let size = gzipCache.get(file);
    if (size === undefined) {
      try {
        size = gzipSync(readFileSync(file)).length;
      } catch {
        size = 0;
      }
      gzipCache.set(file, size);
    }
    total += size;
  }
  return total;
}

function distSizes(): Record<Kind, SizeRow> {
  const rows: Record<Kind, SizeRow> = {
    js: { files: 0, raw: 0, gzip: 0 },
    css: { files: 0, raw: 0, gzip: 0 },
    wasm: { files: 0, raw: 0, gzip: 0 },
    data: { files: 0, raw: 0, gzip: 0 },
    other: { files: 0, raw: 0, gzip: 0 },
  };
  for (const file of walk(DIST)) {
    const bytes = readFileSync(file);
    const row = rows[kindOf(file)];
    row.files += 1;
    row.raw += bytes.length;
    row.gzip += gzipSync(bytes).length;
  }
  return rows;
}

async function main(): Promise<void> {
  assertBuilt();
  assertChromium();
  const { values } = readOptions(process.argv.slice(2), {
    runs: { type: 'string', default: '5' },
    'no-interactions': { type: 'boolean', default: false },
  });
  const runs = Number(values.runs);
  const interactions = values['no-interactions'] !== true;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${runs}`);

  const boundaries = statSync(path.join(DIST, 'boundaries', 'villages.geojson'), { throwIfNoEntry: false })
    ? `official file (${BUILD}boundaries/villages.geojson)`
    : `approximate (no boundary file in ${BUILD})`;
  console.log(`Cold starts of ${BUILD} in headless Chromium — ${runs} run(s), boundaries: ${boundaries}\n`);

  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await coldStart(run, interactions);
    results.push(result);
    console.log(
      `run ${run}: first map ${fmtMs(result.firstMapMs)} ms, ready ${fmtMs(result.readyMs)} ms (wall ${fmtMs(result.wallMs)} ms), ` +
        `data-loaded mark ${fmtMs(result.dataLoadedMarkMs)} ms, loader ${fmtMs(result.dataLoadedSinceStartMs)} ms`,
    );
  }

  const header = [
    'run',
    'first map ms',
    'ready ms',
    'wall ms',
    'DCL ms',
    'data-loaded ms',
    'loader ms',
    'requests',
    'fetched',
    'JS gzip',
    'JS gzip, first map',
  ];
  const rows = results.map((r) => [
    String(r.run),
    fmtMs(r.firstMapMs),
    fmtMs(r.readyMs),
    fmtMs(r.wallMs),
    fmtMs(r.domContentLoadedMs),
    fmtMs(r.dataLoadedMarkMs),
    fmtMs(r.dataLoadedSinceStartMs),
    String(r.requests),
    fmtBytes(r.fetchedBytes),
    fmtBytes(r.jsGzipBytes),
    r.jsGzipBeforeFirstMapBytes === null ? '—' : fmtBytes(r.jsGzipBeforeFirstMapBytes),
  ]);
  const med = (pick: (r: RunResult) => number | null) =>
    median(results.map(pick).filter((v): v is number => v !== null));
  const medians = {
    firstMapMs: med((r) => r.firstMapMs),
    readyMs: med((r) => r.readyMs),
    wallMs: med((r) => r.wallMs),
    domContentLoadedMs: med((r) => r.domContentLoadedMs),
    dataLoadedMarkMs: med((r) => r.dataLoadedMarkMs),
    dataLoadedSinceStartMs: med((r) => r.dataLoadedSinceStartMs),
  };
  rows.push([
    'median',
    fmtMs(medians.firstMapMs),
    fmtMs(medians.readyMs),
    fmtMs(medians.wallMs),
    fmtMs(medians.domContentLoadedMs),
    fmtMs(medians.dataLoadedMarkMs),
    fmtMs(medians.dataLoadedSinceStartMs),
    '',
    '',
    '',
    '',
  ]);
  printTable(header, rows);

  const sizes = distSizes();
  console.log(`\n${BUILD} by type`);
  const sizeRows = (Object.keys(sizes) as Kind[]).map((kind) => {
    const s = sizes[kind];
    return [kind, String(s.files), fmtBytes(s.raw), fmtBytes(s.gzip)];
  });
  const total = Object.values(sizes).reduce(
    (t, s) => ({ files: t.files + s.files, raw: t.raw + s.raw, gzip: t.gzip + s.gzip }),
    { files: 0, raw: 0, gzip: 0 },
  );
  sizeRows.push(['total', String(total.files), fmtBytes(total.raw), fmtBytes(total.gzip)]);
  printTable(['type', 'files', 'raw', 'gzip'], sizeRows);

  const interactionStats = interactions ? printInteractions(results) : null;

  const foreign = results.reduce((sum, r) => sum + r.foreignRequests, 0);
  if (foreign > 0) console.warn(`\nWARNING: ${foreign} request(s) to another host during the runs`);

  console.log(
    `\n${JSON.stringify({
      bench: 'startup',
      runs,
      boundaries: boundaries.startsWith('official') ? 'file' : 'approximate',
      median: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, Math.round(v)])),
      runsMs: results.map((r) => Math.round(r.readyMs)),
      fetchedBytes: median(results.map((r) => r.fetchedBytes)),
      jsGzipBeforeReadyBytes: median(results.map((r) => r.jsGzipBytes)),
      jsGzipBeforeFirstMapBytes: med((r) => r.jsGzipBeforeFirstMapBytes),
      firstMapP95Ms: Math.round(p95(results.map((r) => r.firstMapMs ?? Number.NaN).filter(Number.isFinite))),
      readyP95Ms: Math.round(p95(results.map((r) => r.readyMs))),
      interactions: interactionStats,
      loadAverage: results.map((r) => Number(r.load.toFixed(2))),
      foreignRequests: foreign,
      dist: sizes,
    })}`,
  );
}

function printInteractions(results: RunResult[]): Record<Interaction, { medianMs: number; p95Ms: number }> {
  console.log('\nAfter the first map, same page (ms)');
  const stats = Object.fromEntries(
    INTERACTIONS.map((key) => {
      const values = results.map((r) => r.interactions?.[key] ?? Number.NaN).filter(Number.isFinite);
      return [key, { medianMs: Math.round(median(values)), p95Ms: Math.round(p95(values)) }];
    }),
  ) as Record<Interaction, { medianMs: number; p95Ms: number }>;
  printTable(
    ['what', ...results.map((r) => `run ${r.run}`), 'median', 'p95'],
    INTERACTIONS.map((key) => [
      INTERACTION_LABELS[key],
      ...results.map((r) => fmtMs(r.interactions?.[key] ?? null)),
      fmtMs(stats[key].medianMs),
      fmtMs(stats[key].p95Ms),
    ]),
  );
  console.log(`load average (1 min) at each run's end: ${results.map((r) => r.load.toFixed(2)).join(', ')}`);
  return stats;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
