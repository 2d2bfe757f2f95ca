/**
 * The page's load states (<html data-state>) and when each came, recorded in the page from before its own
 * scripts run: what the benchmark times "ready" by, and what the frame probe's users check frames against.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A change of the page's load state, and when (the page's clock). */
export interface StateChange {
  atMs: number;
  /** The animation frame it came in (document.timeline's time, which changes once per animation frame). */
  frameAtMs: number | null;
  state: string | undefined;
}

/**
 * Run in the page. Text, not a function: the script runner would add its own helpers to a function's source,
 * which the page does not have. <html> may not exist yet when it runs: it observes the document's subtree.
 */
const RECORD_STATES = `(() => {
  const states = [];
  window.__pageStates = states;
  const note = (changes) => {
    if (changes.some((c) => c.target === document.documentElement))
      states.push({ atMs: performance.now(), frameAtMs: document.timeline.currentTime, state: document.documentElement.dataset.state });
  };
  new MutationObserver(note).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
})()`;

/** Records the load states of every page of `context` opened from now on. */
export async function recordPageStates(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORD_STATES });
}

/** The page's load states since it was opened. */
export function pageStates(page: Page): Promise<StateChange[]> {
  return page.evaluate(() => (window as unknown as { __pageStates?: StateChange[] }).__pageStates ?? []);
}

/** When the page first said "ready" (its clock), or null. */
export async function firstReadyMs(page: Page): Promise<number | null> {
  return (await pageStates(page)).find((s) => s.state === 'ready')?.atMs ?? null;
}
