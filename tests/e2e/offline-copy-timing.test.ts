/**
 * The offline copy (the service worker's install: the whole app downloaded, stored and compiled) is made while
 * the user pauses, not while they work: a user who keeps pressing keys or clicking on a ready dashboard gets no
 * install beside their steps; three seconds without input, and it is made.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDashboard, waitReady } from './harness';

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
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Shift');
        await page.waitForTimeout(1_000);
      }
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
});
