/**
 * What a user waits for after the first map (part of `npm run bench`), on the page a cold start left ready:
 * the switch to Pengawasan and back (click → the section drawn, `data-state="ready"`), one step of the
 * distance limit and four more after it (key press → the map's frame with the new limit's answer drawn), "Gunakan
 * data ini" for the demo's own agents and households files (45 k rows) once the dialog has checked them (click →
 * the imported data ready) and "Hapus semua data lokal" from there (click → the demo ready again); and, before
 * the import, a second visit (a new tab of the same browser, once the offline copy is made → the first look, the
 * last visit's map, painted; → ready; then, once the planner has prepared Pengawasan, the switch to it) and a
 * later visit (a third tab: the browser has by then kept the database engine compiled at the second) → ready;
 * then a cold start in a browser of its own over a slow link (each data file answered 1 s late) → the first
 * map (the first look, else the live map), → ready; and last a cold start without the answers the build ships with
 * the demo → ready: what a first visit to a dataset the build did not draw ahead (a regency's own) waits for; and
 * a cold start of the office's own dataset as the deployment guide has it published (config.json, Arrow files
 * checked like an import on every load: the demo's tables here) → ready, without and with the answers
 * `npm run data:answers` makes beside it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { median } from 'simple-statistics';
import { SECTIONS_PREPARED } from '../src/app/sections-prepared';
import {
  afterDatasetLoad,
  configWith,
  type Dashboard,
  DIST,
  firstLookOrReady,
  openAgain,
  openDashboard,
  waitMapIdle,
  waitReady,
} from '../tests/e2e/harness';
import { demoAsOfficeDataset } from '../tests/e2e/office-dataset';
import { main as makeAnswers } from './dataset-answers';

/**
 * Steps of the distance limit timed after the first (the first comes while the page still does its one-time work,
 * e.g. the offline copy being made): their median is what moving the limit back and forth costs.
 */
const LATER_STEPS = 4;
/** Between two later steps: a user's pause, so that each step is timed alone. */
const STEP_PAUSE_MS = 500;
/**
 * A user's look at Pengawasan before a step, in a first visit of its own: long enough for the work the page does
 * in the user's pauses (the database's start behind a page drawn from memory, the offline copy) to have begun.
 */
const LOOK_MS = 4_000;
/** And a second step after that one, a short look later. */
const LOOK_NEXT_MS = 1_000;

export const INTERACTIONS = [
  'toSupervisorMs',
  'sliderMs',
  'sliderLaterMs',
  'lookStepMs',
  'lookNextStepMs',
  'toPlannerMs',
  'importUseMs',
  'eraseMs',
  'secondVisitFirstMapMs',
  'secondVisitMs',
  'toSupervisorPreparedMs',
  'laterVisitMs',
  'slowLinkFirstMapMs',
  'slowLinkMs',
  'unshippedMs',
  'publishedMs',
  'publishedAnswersMs',
] as const;
export type Interaction = (typeof INTERACTIONS)[number];

export const INTERACTION_LABELS: Record<Interaction, string> = {
  toSupervisorMs: 'Perencanaan → Pengawasan',
  sliderMs: 'distance limit one step → map drawn',
  sliderLaterMs: `distance limit, each of ${LATER_STEPS} steps after it → drawn (median)`,
  lookStepMs: `distance limit, one step after a ${LOOK_MS / 1000} s look at Pengawasan (new browser) → drawn`,
  lookNextStepMs: `distance limit, the step ${LOOK_NEXT_MS / 1000} s after that one → drawn`,
  toPlannerMs: 'Pengawasan → Perencanaan',
  importUseMs: 'Gunakan data ini (45 k rows, checked) → ready',
  eraseMs: 'Hapus semua data lokal (after the import) → ready',
  secondVisitFirstMapMs: "second visit (new tab) → first map (last visit's)",
  secondVisitMs: 'second visit (new tab) → ready',
  toSupervisorPreparedMs: 'second visit: Perencanaan → Pengawasan once prepared',
  laterVisitMs: 'later visit (third tab) → ready',
  slowLinkFirstMapMs: 'open (cold), each data file 1 s late → first map',
  slowLinkMs: 'open (cold), each data file 1 s late → ready',
  unshippedMs: 'open (cold), no answers shipped (as for own data) → ready',
  publishedMs: "open (cold), the office's dataset (config.json, Arrow, 45 k) → ready",
  publishedAnswersMs: "open (cold), the office's dataset with its answers (data:answers) → ready",
};

/** Milliseconds `work` takes. */
export async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** The planner prepares Pengawasan in idle time (its mark; a build without one is given 20 s). */
async function waitPrepared(page: Page): Promise<void> {
  await page
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, SECTIONS_PREPARED, {
      timeout: 20_000,
      polling: 100,
    })
    .catch(() => undefined);
}

/**
 * Clicks a section's tab (the page is `loading` from the click on) and waits until that section has drawn.
 * Returns, on the page's clock, when the browser took the click (its event's time) and when the page was `ready`
 * after it: the user's wait, timed in the page as a step of the distance limit is. Timed from here, it would also
 * hold what the driver does before it clicks (it waits until the tab has stood still for two frames, 0.3-0.4 s on
 * a page busy with its work ahead) and its polling after.
 */
export async function openSectionTimes(
  page: Page,
  section: 'planner' | 'supervisor',
): Promise<{ clickedAtMs: number; readyAtMs: number }> {
  // Listening before the click (an input event can overtake a script sent after it).
  await page.evaluate(`window.__sectionWait = ${SECTION_WAIT}; undefined`);
  await page.getByTestId(`nav-${section}`).click();
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading', undefined, {
    timeout: 120_000,
    polling: 20,
  });
  await waitReady(page);
  return page.evaluate<{ clickedAtMs: number; readyAtMs: number }>('window.__sectionWait');
}

/** openSectionTimes, and the user's wait: from the click to the section drawn, in ms. */
export async function openSection(page: Page, section: 'planner' | 'supervisor'): Promise<number> {
  const { clickedAtMs, readyAtMs } = await openSectionTimes(page, section);
  return readyAtMs - clickedAtMs;
}

// Plain JavaScript, run in the page as it is. The page leaves `loading` for `ready` (or `error`) once the section
// has drawn; the records' old values catch a `loading` set and left between two observations.
const SECTION_WAIT = `new Promise((resolve, reject) => {
  const root = document.documentElement;
  let clickedAt = -1;
  let loading = false;
  const observer = new MutationObserver((records) => {
    if (clickedAt < 0) return;
    if (records.some((r) => r.oldValue === 'loading') || root.dataset.state === 'loading') loading = true;
    const state = root.dataset.state;
    if (loading && (state === 'ready' || state === 'error')) {
      observer.disconnect();
      clearTimeout(timeout);
      resolve({ clickedAtMs: clickedAt, readyAtMs: performance.now() });
    }
  });
  const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('no section drawn after a click in 120 s')); }, 120000);
  observer.observe(root, { attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  document.addEventListener('click', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
})`;

/**
 * One step right on the distance limit, timed in the page: from the key press (its event's time, when the browser
 * took the input: a press queued behind the page's work waits from then) to Pengawasan's
 * `gancang:coverage-drawn` mark for the new limit (the map's frame with its answer drawn). It does not wait for
 * a figure to change: at a million households, limits between the neighbours' radius and the far-away villages
 * of origin leave every figure as it was.
 */
export async function stepDistanceDrawn(page: Page): Promise<number> {
  const slider = page.getByTestId('threshold');
  await slider.focus();
  const [value, step] = await slider.evaluate((el: HTMLInputElement) => [Number(el.value), Number(el.step)]);
  // Listening before the key is pressed (an input event can overtake a script sent before it).
  await page.evaluate(`window.__stepDrawn = ${STEP_DRAWN}(${value + step}); undefined`);
  await page.keyboard.press('ArrowRight');
  return page.evaluate<number>('window.__stepDrawn');
}

// Plain JavaScript, run in the page as it is (tsx would wrap named functions in a helper the page lacks).
const STEP_DRAWN = `((limit) => new Promise((resolve, reject) => {
  let pressedAt = -1;
  const observer = new PerformanceObserver((list) => {
    for (const mark of list.getEntries()) {
      if (pressedAt < 0 || mark.startTime < pressedAt || !mark.detail || mark.detail.thresholdM !== limit) continue;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(mark.startTime - pressedAt);
    }
  });
  const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('no map drawn for ' + limit + ' m in 120 s')); }, 120000);
  document.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, { once: true, capture: true });
  observer.observe({ type: 'mark' });
}))`;

const DEMO_DIR = path.resolve('data/demo');
const CHECK_TIMEOUT_MS = 600_000;

/** The demo's agents and households files through the import dialog, checked: "Gunakan data ini" is ready. */
export async function checkDemoImport(page: Page): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('file-agents').setInputFiles(path.join(DEMO_DIR, 'agents.csv'));
  await page.getByTestId('file-households').setInputFiles(path.join(DEMO_DIR, 'households.csv'));
  await page.getByTestId('import-check').click();
  await page.waitForFunction(
    () => {
      const use = document.querySelector<HTMLButtonElement>('[data-testid="import-use"]');
      return use !== null && !use.disabled && document.querySelector('[data-testid="report-households"]');
    },
    undefined,
    { timeout: CHECK_TIMEOUT_MS, polling: 100 },
  );
}

/** "Gunakan data ini" on a checked import, until the page is ready with it. */
export const takeCheckedImport = (page: Page): Promise<void> =>
  afterDatasetLoad(page, () => page.getByTestId('import-use').click(), { timeoutMs: CHECK_TIMEOUT_MS });

/** The demo's files imported and checked; returns the time "use" takes. */
async function importAndUse(page: Page): Promise<number> {
  await checkDemoImport(page);
  return elapsedMs(() => takeCheckedImport(page));
}

/**
 * Once the service worker controls the origin, a new tab of the same browser at the address the user opened
 * first (`url`, as a bookmark would): until its first map (the one kept from the first visit) and until ready;
 * then, once the planner has prepared Pengawasan, the switch to it. Then a third tab, until ready.
 */
async function laterVisits(
  page: Page,
  url: string,
): Promise<{ firstMapMs: number; readyMs: number; toSupervisorMs: number; laterReadyMs: number }> {
  await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
  const { tab, firstMapMs, readyMs } = await openAgain(page, url);
  let toSupervisorMs: number;
  try {
    await waitMapIdle(tab);
    await waitPrepared(tab);
    toSupervisorMs = await openSection(tab, 'supervisor');
  } finally {
    await tab.close();
  }
  const later = await openAgain(page, url);
  await later.tab.close();
  return { firstMapMs, readyMs, toSupervisorMs, laterReadyMs: later.readyMs };
}

/** Pengawasan opened on a ready page, its map drawn, then looked at for `lookMs` before the user's next step. */
export async function lookAtSupervisor(page: Page, lookMs: number): Promise<void> {
  await waitReady(page);
  await openSection(page, 'supervisor');
  await waitMapIdle(page);
  await page.waitForTimeout(lookMs);
}

/**
 * A first visit in a browser of its own (its service worker allowed): Pengawasan opened once ready, looked at for
 * LOOK_MS, one step of the distance limit; LOOK_NEXT_MS later, another. The steps the user takes after a pause,
 * when the page's own pause-time work runs beside them.
 */
async function stepsAfterLook(): Promise<{ lookStepMs: number; lookNextStepMs: number }> {
  const dash = await openDashboard();
  try {
    await lookAtSupervisor(dash.page, LOOK_MS);
    const lookStepMs = await stepDistanceDrawn(dash.page);
    await dash.page.waitForTimeout(LOOK_NEXT_MS);
    return { lookStepMs, lookNextStepMs: await stepDistanceDrawn(dash.page) };
  } finally {
    await dash.close();
  }
}

/** How late each data file is answered in the slow-link start: a link where a request waits for its answer. */
const SLOW_LINK_DELAY_MS = 1_000;
/** The files a load reads from the server beside the app's code: the gazetteer, the demo's tables, the boundaries. */
const DATA_FILE = /\/(villages\.csv|land-clip\.geojson|boundaries\/villages\.geojson|demo\/\w+\.arrow)$/;

/**
 * A cold start in a browser of its own, with no service worker (every file from the server): open → the first map
 * (the first look, else the live map), → ready. `shippedAnswers: false` has the answers shipped with the demo
 * answer 404; `setUp` may route the page's requests before it opens.
 */
async function ownBrowserStart(
  options: {
    shippedAnswers?: false;
    files?: Record<string, string>;
    setUp?: (dash: Dashboard) => Promise<unknown>;
  } = {},
): Promise<{ firstMapMs: number; readyMs: number }> {
  const dash = await openDashboard({
    navigate: false,
    settled: true,
    serviceWorkers: 'block',
    shippedAnswers: options.shippedAnswers,
    ...(options.files ? { files: options.files } : {}),
  });
  try {
    await options.setUp?.(dash);
    const t0 = performance.now();
    await dash.page.goto(dash.url, { waitUntil: 'domcontentloaded' });
    await firstLookOrReady(dash.page);
    const firstMapMs = performance.now() - t0;
    await waitReady(dash.page);
    return { firstMapMs, readyMs: performance.now() - t0 };
  } finally {
    await dash.close();
  }
}

/**
 * Each data file's answer held SLOW_LINK_DELAY_MS; the app's code is answered at once: what this shows is whether
 * the data waits for the database or downloads while it starts.
 */
const slowLinkStart = () =>
  ownBrowserStart({
    setUp: (dash) =>
      dash.context.route(DATA_FILE, async (route) => {
        if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, SLOW_LINK_DELAY_MS));
        await route.continue();
      }),
  });

/**
 * Without the answers shipped with the demo: every figure of the first map comes from the database, as on a first
 * visit to a regency's own dataset (the build ships answers for the demo only).
 */
const unshippedStart = () => ownBrowserStart({ shippedAnswers: false });

/** The office's dataset for the bench: the demo's tables as Arrow files, config.json without and with answers. */
interface Published {
  files: Record<string, string>;
  config: string;
  withAnswers: string;
}

let published: Promise<Published> | null = null;

/**
 * The demo's tables under bersama/ in a folder of their own, as an office publishes its dataset (Arrow, as
 * `npm run data:convert` writes), and the answers `npm run data:answers` makes beside them: made once per bench.
 */
async function makePublished(): Promise<Published> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gancang-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { bersama, entry } = await demoAsOfficeDataset(dir);
  const config = await configWith(dir, entry);
  const withAnswers = await configWith(dir, { ...entry, answers: 'bersama/answers.bin' });
  const log = console.log;
  console.log = () => undefined;
  try {
    const code = await makeAnswers(['--data', bersama, '--config', config, '--dist', DIST]);
    if (code !== 0) throw new Error(`npm run data:answers ended with ${code}`);
  } finally {
    console.log = log;
  }
  // The tables and the answers beside them, each served at its address.
  const files = Object.fromEntries(
    readdirSync(bersama).map((name) => [`/bersama/${name}`, path.join(bersama, name)]),
  );
  return { files, config, withAnswers };
}

/**
 * The office's own dataset, named in config.json and served beside the app as the deployment guide says:
 * checked like an import on every load and drawn by the database, or with `answers` drawn from the answers made
 * ahead beside it.
 */
async function publishedStart(answers: boolean): Promise<{ firstMapMs: number; readyMs: number }> {
  published ??= makePublished();
  const { files, config, withAnswers } = await published;
  return ownBrowserStart({ files: { ...files, '/config.json': answers ? withAnswers : config } });
}

export async function measureInteractions(
  page: Page,
  openedUrl: string,
): Promise<Record<Interaction, number>> {
  const toSupervisorMs = await openSection(page, 'supervisor');
  await waitMapIdle(page);
  const sliderMs = await stepDistanceDrawn(page);
  const laterSteps: number[] = [];
  for (let i = 0; i < LATER_STEPS; i++) {
    await page.waitForTimeout(STEP_PAUSE_MS);
    laterSteps.push(await stepDistanceDrawn(page));
  }
  const toPlannerMs = await openSection(page, 'planner');
  const second = await laterVisits(page, openedUrl);
  const importUseMs = await importAndUse(page);
  // The erase asks first; the user says yes.
  page.once('dialog', (dialog) => void dialog.accept());
  const eraseMs = await elapsedMs(() =>
    afterDatasetLoad(page, () => page.getByTestId('erase-local').click()),
  );
  const look = await stepsAfterLook();
  const slow = await slowLinkStart();
  const unshipped = await unshippedStart();
  const publishedAsked = await publishedStart(false);
  const publishedDrawn = await publishedStart(true);
  return {
    toSupervisorMs,
    sliderMs,
    sliderLaterMs: median(laterSteps),
    ...look,
    toPlannerMs,
    importUseMs,
    eraseMs,
    secondVisitFirstMapMs: second.firstMapMs,
    secondVisitMs: second.readyMs,
    toSupervisorPreparedMs: second.toSupervisorMs,
    laterVisitMs: second.laterReadyMs,
    slowLinkFirstMapMs: slow.firstMapMs,
    slowLinkMs: slow.readyMs,
    unshippedMs: unshipped.readyMs,
    publishedMs: publishedAsked.readyMs,
    publishedAnswersMs: publishedDrawn.readyMs,
  };
}
