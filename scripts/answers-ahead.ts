/**
 * Answers made ahead (src/core/dataset/shipped-answers.ts): the built app opened once in headless Chromium as a
 * first visitor, until it keeps its answers for a next visit; they are then read from the page. The demo's are
 * shipped with the build (ship-demo-answers.ts), an office's dataset's are written beside its files
 * (dataset-answers.ts).
 */
import type { Page } from 'playwright-core';
import { SECTIONS_PREPARED } from '../src/app/sections-prepared.ts';
import { PLANNER_TABLES_MADE } from '../src/core/cube/prepared.ts';
import { ANSWER_STORE, ANSWERS_FORGOTTEN, ANSWERS_KEPT } from '../src/core/dataset/answer-store.ts';
import { encodeAnswers } from '../src/core/dataset/shipped-answers.ts';

/**
 * Run in the page: the answers the app kept, each as [key, its bytes in base64] (a JSON array of numbers would be
 * four times the size). Text, not a function: the script runner would add helpers the page does not have.
 */
const { database, store, key } = ANSWER_STORE;
const READ_KEPT_ANSWERS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('${database}');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const read = open.result.transaction('${store}', 'readonly').objectStore('${store}').get('${key}');
    read.onerror = () => reject(read.error);
    read.onsuccess = () => resolve([...read.result.answers].map(([key, bytes]) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return [key, btoa(text)];
    }));
  };
})`;

/**
 * The database quiet this long after the work done ahead: nothing more is asked of it (the demo's statements
 * each take well under a second).
 */
const QUIET_MS = 3_000;

/** The dataset was too large for its answers to be kept (writes over the answers' bounds): none can be made. */
export class TooLargeForAnswers extends Error {
  constructor() {
    super('the dataset is too large for its answers to be kept (remembered-answers.ts): none made');
    this.name = 'TooLargeForAnswers';
  }
}

/**
 * The answers of the first visit `page` shows (opened and ready), in the file format of shipped-answers.ts.
 * The app keeps its answers once the page has settled on its first section, and again whenever it has given new
 * ones (app/remembered-load.ts). What it does ahead after the first map (the planner's tables, then the figures
 * that read them; Pengawasan's) is in them too, so that a first visit does not start the database to redo it:
 * once that work has begun, the answers are read when the database has been quiet for QUIET_MS and the app has
 * kept what it had given since its last statement.
 */
export async function answersOfFirstVisit(page: Page): Promise<{ count: number; bytes: Uint8Array }> {
  const forgotten = page
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, ANSWERS_FORGOTTEN, {
      timeout: 0,
      polling: 250,
    })
    .then(() => {
      throw new TooLargeForAnswers();
    });
  forgotten.catch(() => undefined);
  const kept = (async () => {
    await page.waitForFunction(
      (names) => names.every((name) => performance.getEntriesByName(name).length > 0),
      [PLANNER_TABLES_MADE, SECTIONS_PREPARED],
      { timeout: 120_000 },
    );
    await page.waitForFunction(
      ([statement, keptMark, quietMs]) => {
        const lastEnd = Math.max(
          0,
          ...performance.getEntriesByName(statement).map((m) => m.startTime + m.duration),
        );
        const keptUntil = Math.max(
          0,
          ...performance
            .getEntriesByName(keptMark)
            .map((m) => ((m as PerformanceMark).detail as { givenUntil: number }).givenUntil),
        );
        return keptUntil > lastEnd && performance.now() - lastEnd > quietMs;
      },
      // Each statement the database ran, measured when it ends (core/sql/duckdb-browser.ts).
      ['gancang:sql', ANSWERS_KEPT, QUIET_MS] as const,
      { timeout: 120_000, polling: 250 },
    );
  })();
  await Promise.race([kept, forgotten]);
  const answers = (await page.evaluate(READ_KEPT_ANSWERS)) as [string, string][];
  const bytes = encodeAnswers(
    new Map(answers.map(([k, data]) => [k, new Uint8Array(Buffer.from(data, 'base64'))])),
  );
  return { count: answers.length, bytes };
}
