/** Helpers of the planner's e2e files: numbers as written on screen, the legend, the table and redraw waits. */
import type { Page } from 'playwright-core';

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
