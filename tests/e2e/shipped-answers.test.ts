import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Dashboard, screenshot } from './harness';
import {
  expectDrawnBeforeDatabase,
  firstVisit,
  loadAnswers,
  plannerText,
  showNeed,
  wholePlanner,
} from './planner-helpers';

/**
 * A first visit to the demo's opening map is drawn from the answers the build ships with the demo
 * (src/core/dataset/shipped-answers.ts, made by the built app's own first visit): its load and the planner's first
 * map ask the database nothing, DuckDB starts once the page is drawn, and the page shows exactly what a first
 * visit that asks the database shows. A page opened with other settings does not download them.
 */

const ANSWERS_FILE = /^\/first-look\/demo-[\w-]+\.answers\.bin$/;

describe('a first visit drawn from the answers shipped with the demo', () => {
  const opened: Dashboard[] = [];
  afterAll(async () => {
    for (const dash of opened) await dash.close();
  });

  const visit = (options: { shippedAnswers?: boolean; query?: string }) => firstVisit(options, opened);

  it('shows what a first visit asking the database shows, without asking it anything before the map', async () => {
    const asking = await visit({ shippedAnswers: false });
    expect(await loadAnswers(asking.page)).toMatchObject({ remembered: 0 });
    const expected = await wholePlanner(asking.page);
    const counts = (page: Page) => page.getByTestId('data-quality').textContent();
    await expect.poll(() => counts(asking.page)).toMatch(/Tanpa koordinat: \d/);

    const shipped = await visit({});
    const { page } = shipped;
    expect(shipped.server.requests.filter((p) => ANSWERS_FILE.test(p))).toHaveLength(1);
    // The whole load, the boundaries and the planner's first map: from the shipped answers; DuckDB was started
    // behind the drawn page, not before it.
    await expectDrawnBeforeDatabase(page);
    expect(await wholePlanner(page)).toEqual(expected);
    await expect.poll(() => counts(page)).toBe(await counts(asking.page));
    await screenshot(page, 'shipped-answers-planner');

    // What was not shipped is asked of the database, from the same tables.
    for (const p of [asking.page, page]) {
      await showNeed(p, 'rtlh', 'Rumah tidak layak huni');
    }
    await expect.poll(() => plannerText(page)).toEqual(await plannerText(asking.page));
    expect([...asking.pageErrors, ...shipped.pageErrors]).toEqual([]);
  }, 600_000);

  it('is not downloaded by a page opened with other settings (a shared link): the database answers it', async () => {
    const linked = await visit({ query: 'need=rtlh' });
    expect(linked.server.requests.filter((p) => ANSWERS_FILE.test(p))).toEqual([]);
    expect(await loadAnswers(linked.page)).toMatchObject({ remembered: 0 });
    expect(linked.pageErrors).toEqual([]);
  }, 300_000);
});
