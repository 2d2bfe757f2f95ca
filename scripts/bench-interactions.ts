/**
 * What a user waits for after the first map (part of `npm run bench`), on the page a cold start left ready:
 * the switch to Pengawasan and back (click → the section drawn, `data-state="ready"`), one step of the
 * distance limit (key press → the coverage figure changed, nothing computing, the map idle) and
 * "Hapus semua data lokal" (click → the demo ready again).
 */
import type { Page } from 'playwright-core';
import { afterReload, waitMapIdle, waitReady } from '../tests/e2e/harness';

export const INTERACTIONS = ['toSupervisorMs', 'sliderMs', 'toPlannerMs', 'eraseMs'] as const;
export type Interaction = (typeof INTERACTIONS)[number];

export const INTERACTION_LABELS: Record<Interaction, string> = {
  toSupervisorMs: 'Perencanaan → Pengawasan',
  sliderMs: 'distance limit one step → updated',
  toPlannerMs: 'Pengawasan → Perencanaan',
  eraseMs: 'Hapus semua data lokal → ready',
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** Clicks a section's tab (the page is `loading` from the click on) and waits until that section has drawn. */
async function openSection(page: Page, section: 'planner' | 'supervisor'): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading', undefined, {
    timeout: 120_000,
    polling: 20,
  });
  await waitReady(page);
}

const coverageText = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="supervisor-coverage"]')?.textContent ?? '');

/** One step right on the distance limit; done when the coverage figure changed and nothing is computing. */
async function stepDistance(page: Page): Promise<void> {
  const before = await coverageText(page);
  await page.getByTestId('threshold').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    (old) =>
      (document.querySelector('[data-testid="supervisor-coverage"]')?.textContent ?? '') !== old &&
      document.querySelector('.busy') === null,
    before,
    { timeout: 60_000, polling: 20 },
  );
  await waitMapIdle(page);
}

export async function measureInteractions(page: Page): Promise<Record<Interaction, number>> {
  const toSupervisorMs = await timed(() => openSection(page, 'supervisor'));
  await waitMapIdle(page);
  const sliderMs = await timed(() => stepDistance(page));
  const toPlannerMs = await timed(() => openSection(page, 'planner'));
  // The erase asks first; the user says yes.
  page.once('dialog', (dialog) => void dialog.accept());
  const eraseMs = await timed(() => afterReload(page, () => page.getByTestId('erase-local').click()));
  return { toSupervisorMs, sliderMs, toPlannerMs, eraseMs };
}
