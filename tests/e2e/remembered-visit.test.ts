import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_STORE } from '../../src/core/dataset/answer-store';
import { type Dashboard, openDashboard, screenshot, waitMapIdle, waitReady } from './harness';
import { loadAnswers as answers, plannerText, showNeed, wholePlanner } from './planner-helpers';

/**
 * A return visit's planner is drawn from the database's answers kept by the last visit (remembered-answers.ts),
 * before DuckDB has answered anything; the database takes the same writes behind it and answers what the last
 * visit never asked. "Hapus semua data lokal" erases the answers kept.
 */

/** How many answers this browser keeps for the next visit (0 when none). */
const keptAnswers = (page: Page) =>
  page.evaluate(
    ({ database, store, key }) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(database);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(0);
            return;
          }
          const get = db.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            db.close();
            resolve((get.result?.answers as Map<string, Uint8Array> | undefined)?.size ?? 0);
          };
          get.onerror = () => resolve(0);
        };
      }),
    ANSWER_STORE,
  );

async function newTab(dash: Dashboard, search = ''): Promise<Page> {
  const tab = await dash.context.newPage();
  // Notes whether DuckDB had started when the data-quality counts were first shown.
  await tab.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="data-quality"]')?.textContent ?? '';
      if (!/\d/.test(text)) return;
      observer.disconnect();
      const started = performance.getEntriesByName('gancang:duckdb-ready').length > 0;
      document.documentElement.dataset.countsBeforeDuckdb = String(!started);
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
  await tab.goto(`${dash.url}${search}`);
  await waitReady(tab);
  await waitMapIdle(tab);
  return tab;
}

describe('a return visit', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    // Its first visit asks the database, as a first visit to any other dataset does.
    dash = await openDashboard({ shippedAnswers: false });
    await waitReady(dash.page);
    await waitMapIdle(dash.page);
  }, 180_000);
  afterAll(async () => {
    await dash?.close();
  });

  it('draws the planner from the answers kept, then the database answers what was not asked before', async () => {
    const first = await answers(dash.page);
    expect(first?.remembered).toBe(0);
    expect(first?.asked).toBeGreaterThan(10);
    const shown = await wholePlanner(dash.page);
    await expect.poll(() => keptAnswers(dash.page), { timeout: 60_000 }).toBeGreaterThan(first?.asked ?? 0);

    const tab = await newTab(dash);
    const next = await answers(tab);
    // The whole load, the boundaries and the planner's first answers came from memory: the database asked nothing.
    expect(next).toEqual({ remembered: expect.any(Number), asked: 0 });
    expect(next?.remembered).toBeGreaterThanOrEqual(first?.asked ?? 0);
    expect(await wholePlanner(tab)).toEqual(shown);
    // The data-quality counts (asked once the map is drawn and the database is quiet) are the last visit's too,
    // shown before DuckDB has started.
    const counts = (page: Page) => page.getByTestId('data-quality').textContent();
    await expect.poll(() => counts(dash.page)).toMatch(/Tanpa koordinat: \d/);
    await expect.poll(() => counts(tab)).toBe(await counts(dash.page));
    expect(await tab.evaluate(() => document.documentElement.dataset.countsBeforeDuckdb)).toBe('true');
    await screenshot(tab, 'remembered-visit-planner');

    // Something the last visit did not ask: the database answers it, from the same tables.
    for (const page of [dash.page, tab]) {
      await showNeed(page, 'rtlh', 'Rumah tidak layak huni');
    }
    const asked = await plannerText(dash.page);
    await expect.poll(() => plannerText(tab)).toEqual(asked);
    // So does Pengawasan.
    for (const page of [dash.page, tab]) {
      await page.getByTestId('nav-supervisor').click();
      await waitReady(page);
      await waitMapIdle(page);
    }
    const coverage = (page: Page) => page.getByTestId('supervisor-coverage').textContent();
    expect(await coverage(tab)).toBe(await coverage(dash.page));
    await screenshot(tab, 'remembered-visit-supervisor');
    await tab.close();
    expect(dash.pageErrors).toEqual([]);
  }, 600_000);

  it('keeps nothing after "Hapus semua data lokal", not even from a tab opened before it: the next visit asks the database', async () => {
    await dash.page.getByTestId('nav-planner').click();
    await waitReady(dash.page);
    expect(await keptAnswers(dash.page)).toBeGreaterThan(0);
    // Another tab, opened before the erase, still shows the data.
    const before = await newTab(dash);
    // What the browser tells that tab of the erase (answer-store.ts counts it as an erase of its own).
    await before.evaluate(() => {
      const heard: [string | null, string | null][] = [];
      (window as unknown as { __heard: typeof heard }).__heard = heard;
      addEventListener('storage', (e) => {
        const { key, newValue } = e as unknown as { key: string | null; newValue: string | null };
        heard.push([key, newValue]);
      });
    });
    // The browser's "are you sure?" is answered yes.
    dash.page.once('dialog', (dialog) => void dialog.accept());
    await dash.page.getByTestId('erase-local').click();
    await expect.poll(() => keptAnswers(dash.page)).toBe(0);
    // The browser tells the other tab a moment later (storage events are delivered asynchronously).
    const heard = () => before.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard);
    await expect.poll(heard).toContainEqual(['gancang-pikat.answers-erased', expect.any(String)]);
    // What either tab asked before the erase is not kept again once it has settled on another section
    // (answer-store.test.ts: a keeper made before an erase, in this tab or another, keeps nothing).
    for (const page of [dash.page, before]) {
      await page.getByTestId('nav-supervisor').click();
      await waitReady(page);
    }
    await dash.page.waitForTimeout(4_000);
    expect(await keptAnswers(dash.page)).toBe(0);
    await before.close();
    const tab = await newTab(dash);
    expect((await answers(tab))?.remembered).toBe(0);
    await tab.close();
  }, 300_000);
});
