/**
 * Work that takes the cores for seconds and that nothing on screen waits for is done while the user pauses, not
 * while they work:
 * - the offline copy (the service worker's install: the whole app downloaded, stored and compiled): a user who
 *   keeps pressing keys or clicking on a ready dashboard gets no install beside their steps; three seconds
 *   without input, and it is made; nor does it begin beside the database's start (a step would wait for both);
 * - DuckDB's start behind a page drawn from memory (a return visit's, from the answers the last one kept; a first
 *   visit's, from those shipped with the demo): its turn does not come while the user keeps working (a statement
 *   not answered from memory still starts it), it comes when they pause.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection } from '../../scripts/bench-interactions';
import { ANSWERS_KEY } from '../../src/core/dataset/local-store-keys';
import { DATABASE_WANTED } from '../../src/core/sql/remembered-answers';
import { OFFLINE_COPY_BEGUN } from '../../src/pwa/register';
import { openDashboard, waitReady } from './harness';

/** Why the page's database was opened, if it was: 'asked' by a statement, or 'due' (its wait ended). */
const databaseOpened = (page: Page) =>
  page.evaluate(
    (name) => (performance.getEntriesByName(name)[0] as PerformanceMark | undefined)?.detail?.why ?? null,
    DATABASE_WANTED,
  );

/** How long the page waits without input before DuckDB's turn comes (remembered-load.ts, OPEN_AFTER_MS). */
const OPEN_AFTER_MS = 1_000;

/** Records, from the page's first script on, each key pressed and each change of its load state. */
const RECORD_INPUT = `(() => {
  const seen = { keys: [], ready: [] };
  window.__seen = seen;
  addEventListener('keydown', () => seen.keys.push(performance.now()), { capture: true });
  new MutationObserver(() => {
    if (document.documentElement.dataset.state === 'ready') seen.ready.push(performance.now());
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-state'] });
})()`;

/**
 * When DuckDB's turn came ('due'): how long the page had then been ready without a key pressed (null when its
 * turn has not come). A user pressing keys faster than OPEN_AFTER_MS never lets it come; a slow machine may leave
 * longer gaps between the test's keys, and the turn may come in one of them, never sooner.
 */
const quietBeforeDue = (page: Page) =>
  page.evaluate((name) => {
    const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
    if (mark?.detail?.why !== 'due') return null;
    const seen = (window as unknown as { __seen: { keys: number[]; ready: number[] } }).__seen;
    const before = [...seen.keys, ...seen.ready].filter((t) => t <= mark.startTime);
    return mark.startTime - Math.max(...before);
  }, DATABASE_WANTED);

/** A key every `everyMs` for `forMs`: a user at work (Shift does nothing on the page). */
async function keepPressing(page: Page, everyMs: number, forMs: number): Promise<void> {
  for (let t = 0; t < forMs; t += everyMs) {
    await page.keyboard.press('Shift');
    await page.waitForTimeout(everyMs);
  }
}

/** The page's own service worker registration, if one has been made. */
const registered = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);

describe('the offline copy waits for a pause in the user’s input', () => {
  it('is not made while the user keeps working, and is made once they pause', async () => {
    const dash = await openDashboard();
    try {
      const { page } = dash;
      await waitReady(page);
      // Eight seconds of a key every second (the wait before the copy is three seconds of quiet).
      await keepPressing(page, 1_000, 8_000);
      expect(await registered(page)).toBe(false);
      // Then the user stops: the copy is made (its worker activated), with no further input.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      expect(await registered(page)).toBe(true);
    } finally {
      await dash.close();
    }
  });

  it('begins once the database has started and settled, not beside its start', async () => {
    // A first visit drawn from the answers shipped with the demo starts DuckDB at the user's first pause, then
    // asks it the load's writes and the planner's tables: seconds of both cores, which the copy waits out.
    const dash = await openDashboard();
    try {
      const { page } = dash;
      await waitReady(page);
      await page.waitForFunction(
        (name) => performance.getEntriesByName(name).length > 0,
        OFFLINE_COPY_BEGUN,
        {
          timeout: 90_000,
        },
      );
      const { begunAt, readyAt, statements } = await page.evaluate((name) => {
        const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? null;
        return {
          begunAt: at(name) as number,
          readyAt: at('gancang:duckdb-ready'),
          statements: performance
            .getEntriesByName('gancang:sql')
            .map((e) => ({ start: e.startTime, end: e.startTime + e.duration })),
        };
      }, OFFLINE_COPY_BEGUN);
      expect(readyAt).not.toBeNull();
      expect(readyAt as number).toBeLessThan(begunAt);
      // It asked the database the load's writes (the copy waited for them)...
      const before = statements.filter((s) => s.start < begunAt);
      expect(before.length).toBeGreaterThan(5);
      // ...and none of them ran during the last second before it began.
      expect(Math.max(...before.map((s) => s.end))).toBeLessThan(begunAt - 1_000);
    } finally {
      await dash.close();
    }
  });
});

describe('DuckDB, behind a page drawn from memory, starts when the user pauses', () => {
  it('on a first visit drawn from the answers shipped with the demo, is not started while the user works at all', async () => {
    // The build ships what the demo's first visit asks, the work done ahead after its first map included (the
    // planner's tables, Pengawasan's figures): none of it starts the database beside the user's first steps.
    const dash = await openDashboard({ serviceWorkers: 'block', navigate: false });
    try {
      const { page } = dash;
      await page.addInitScript(RECORD_INPUT);
      await page.goto(dash.url);
      await waitReady(page);
      await keepPressing(page, 500, 8_000);
      // Not started beside the keys: at most in a gap of a second between two of them.
      expect(await databaseOpened(page)).not.toBe('asked');
      expect((await quietBeforeDue(page)) ?? OPEN_AFTER_MS).toBeGreaterThanOrEqual(OPEN_AFTER_MS - 5);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, DATABASE_WANTED, {
        timeout: 60_000,
      });
      expect(await databaseOpened(page)).toBe('due');
    } finally {
      await dash.close();
    }
  });

  it('is not started for its turn while the user keeps working; it is once they pause', async () => {
    const dash = await openDashboard({ serviceWorkers: 'block' });
    try {
      // A first visit that opens both map sections, each kept for the next visit once the page settles.
      await waitReady(dash.page);
      await dash.page.waitForFunction((key) => localStorage.getItem(key) === 'yes', ANSWERS_KEY, {
        timeout: 60_000,
      });
      await openSection(dash.page, 'supervisor');
      await dash.page.waitForTimeout(4_000);
      await openSection(dash.page, 'planner');
      await dash.page.waitForTimeout(4_000);
      // The next visit, drawn from those answers.
      const page = await dash.context.newPage();
      await page.addInitScript(RECORD_INPUT);
      await page.goto(dash.url);
      await waitReady(page);
      // Six seconds of a key every half second (its wait is one second of quiet). A statement the kept answers
      // do not answer may start it meanwhile ('asked'); its turn ('due') must not come beside the keys.
      await keepPressing(page, 500, 6_000);
      expect((await quietBeforeDue(page)) ?? OPEN_AFTER_MS).toBeGreaterThanOrEqual(OPEN_AFTER_MS - 5);
      // Then the user stops: it is started, with no further input.
      await page.waitForFunction(
        () => performance.getEntriesByName('gancang:duckdb-ready').length > 0,
        undefined,
        {
          timeout: 60_000,
        },
      );
      expect(['asked', 'due']).toContain(await databaseOpened(page));
    } finally {
      await dash.close();
    }
  });
});
