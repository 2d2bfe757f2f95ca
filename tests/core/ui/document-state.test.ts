import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenSettled } from '../../../src/core/ui/document-state';
import { stateSource } from '../../helpers/state-source';

const SETTLE = 3_000;

describe('waiting until the page has settled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for ready, then for the page to stay ready; a section opened meanwhile starts the wait over', async () => {
    const page = stateSource('loading');
    let settled = false;
    void whenSettled(SETTLE, page.source).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(10 * SETTLE);
    expect(settled).toBe(false);
    page.set('ready');
    await vi.advanceTimersByTimeAsync(SETTLE - 1);
    page.set('loading');
    page.set('ready');
    await vi.advanceTimersByTimeAsync(SETTLE - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(page.watching()).toBe(0);
  });

  it('resolves exactly when the state has first been ready or error for the whole wait (any timeline)', () =>
    fc.assert(
      fc.asyncProperty(
        fc.constantFrom('loading', 'ready', 'error', undefined),
        fc.array(
          fc.record({
            after: fc.integer({ min: 0, max: 2 * SETTLE }),
            state: fc.constantFrom('loading', 'ready', 'error'),
          }),
          { maxLength: 12 },
        ),
        async (initial, changes) => {
          vi.useFakeTimers();
          const page = stateSource(initial);
          const start = Date.now();
          let resolvedAt: number | null = null;
          void whenSettled(SETTLE, page.source).then(() => {
            resolvedAt = Date.now() - start;
          });
          // The expected moment: the first time the state has been settled for SETTLE without a break.
          const isSettled = (s: string | undefined) => s === 'ready' || s === 'error';
          let expected: number | null = null;
          let settledSince = isSettled(initial) ? 0 : null;
          let t = 0;
          for (const change of changes) {
            if (expected === null && settledSince !== null && t + change.after >= settledSince + SETTLE)
              expected = settledSince + SETTLE;
            await vi.advanceTimersByTimeAsync(change.after);
            t += change.after;
            page.set(change.state);
            if (!isSettled(change.state)) settledSince = null;
            else if (settledSince === null) settledSince = t;
          }
          if (expected === null && settledSince !== null) expected = settledSince + SETTLE;
          await vi.advanceTimersByTimeAsync(2 * SETTLE);
          expect(resolvedAt).toBe(expected);
          vi.useRealTimers();
        },
      ),
    ));
});
