/** Helpers of the planner's e2e files: numbers as written on screen, the legend, the table and redraw waits. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pageStates, recordPageStates } from '../../scripts/page-states';
import { type Dashboard, type DashboardOptions, openDashboard, waitMapIdle, waitReady } from './harness';

/** "1.170" → 1170, "36,8 %" → 36.8 (Indonesian). */
export const idNumber = (text: string | null): number =>
  Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'));

/** The legend's note once the classes of the whole period are in ("… Jan 2024 – Des 2025"). */
export const FIXED_PERIOD = /kelas tetap untuk seluruh periode \w+ \d{4} – \w+ \d{4}/;
export const legendLabels = (page: Page) =>
  page.getByTestId('legend').getByTestId('legend-item').allTextContents();
export const tableColumn = (page: Page, n: number) =>
  page.locator(`[data-testid="area-row"] td:nth-child(${n})`).allTextContents();
export const figure = async (page: Page, id: string) =>
  idNumber(await page.getByTestId(`planner-figure-${id}`).locator('dd').textContent());
/** Waits until the map has been redrawn after a change (deck.gl layers handed over and loaded, map idle). */

/** What the planner shows: key figures, the legend, the villages' table (as text). */
export const plannerText = (page: Page) =>
  page.evaluate(() =>
    ['planner-figures', 'coverage-summary', 'legend', 'area-table'].map(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null,
    ),
  );

/** What the planner shows once every part of it is on screen (the figures follow the map). */
export async function wholePlanner(page: Page): Promise<(string | null)[]> {
  await expect.poll(async () => (await plannerText(page)).every((text) => text)).toBe(true);
  return plannerText(page);
}

/**
 * The counts the load left on its mark: answered from answers kept or shipped (remembered-answers.ts), and asked
 * of the database.
 */
export const loadAnswers = (page: Page) =>
  page.evaluate(
    () =>
      (performance.getEntriesByName('gancang:data-loaded').at(-1) as PerformanceMark | undefined)?.detail
        ?.answers as { remembered: number; asked: number } | null,
  );

/**
 * A first visit in a browser of its own, its page's states recorded from the start (for expectDrawnBeforeDatabase):
 * opened, ready and its map still. Added to `opened`, for the caller to close.
 */
export async function firstVisit(options: DashboardOptions, opened: Dashboard[]): Promise<Dashboard> {
  const dash = await openDashboard({ ...options, navigate: false });
  opened.push(dash);
  await recordPageStates(dash.context);
  await dash.page.goto(dash.url);
  await waitReady(dash.page);
  await waitMapIdle(dash.page);
  return dash;
}

/**
 * The page's load and first map were drawn from answers made ahead (shipped or beside the dataset): more than ten
 * statements answered from them and none asked of the database, which was ready only after the page was (the
 * page's states recorded since it opened, scripts/page-states.ts).
 */
export async function expectDrawnBeforeDatabase(page: Page): Promise<void> {
  const answers = await loadAnswers(page);
  expect(answers).toEqual({ remembered: expect.any(Number), asked: 0 });
  expect(answers?.remembered).toBeGreaterThan(10);
  const ready = (await pageStates(page)).find((s) => s.state === 'ready')?.atMs;
  expect(ready).toBeDefined();
  const duckdbReadyAt = () =>
    page.evaluate(() => performance.getEntriesByName('gancang:duckdb-ready')[0]?.startTime ?? null);
  await expect.poll(duckdbReadyAt, { timeout: 120_000 }).not.toBeNull();
  expect(await duckdbReadyAt()).toBeGreaterThan(ready ?? Number.POSITIVE_INFINITY);
}

/** The planner shows the need `code`: chosen, its legend titled `title`, the page ready and the map still. */
export async function showNeed(page: Page, code: string, title: string): Promise<void> {
  await page.getByTestId('need-select').selectOption(code);
  await expect.poll(() => page.getByTestId('legend').locator('h3').textContent()).toContain(title);
  await waitReady(page);
  await waitMapIdle(page);
}
