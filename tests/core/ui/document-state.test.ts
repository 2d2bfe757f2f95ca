import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenSettled } from '../../../src/core/ui/document-state';
import { inputSource, stateSource } from '../../helpers/state-source';

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

  it('resolves exactly when the state has first been ready or error for the whole wait, with no input then when input is watched (any timeline)', () =>
    fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom('loading', 'ready', 'error', undefined),
        fc.array(
          fc.record({
            after: fc.integer({ min: 0, max: 2 * SETTLE }),
            event: fc.constantFrom('loading', 'ready', 'error', 'input'),
          }),
          { maxLength: 14 },
        ),
        async (watchInput, initial, events) => {
          vi.useFakeTimers();
          const page = stateSource(initial);
          const input = inputSource();
          const start = Date.now();
          let resolvedAt: number | null = null;
          void whenSettled(SETTLE, page.source, watchInput ? input.source : undefined).then(() => {
            resolvedAt = Date.now() - start;
          });
          // Quiet since: the last moment the state became settled, or the user gave input while it was (when watched).
          const isSettled = (s: string | undefined) => s === 'ready' || s === 'error';
          let expected: number | null = null;
          let state = initial;
          let quietSince = isSettled(initial) ? 0 : null;
          let t = 0;
          for (const { after, event } of events) {
            if (expected === null && quietSince !== null && t + after >= quietSince + SETTLE)
              expected = quietSince + SETTLE;
            await vi.advanceTimersByTimeAsync(after);
            t += after;
            if (event === 'input') {
              input.give();
              if (watchInput && expected === null && isSettled(state)) quietSince = t;
              continue;
            }
            page.set(event);
            if (!isSettled(event)) quietSince = null;
            else if (!isSettled(state)) quietSince = t;
            state = event;
          }
          if (expected === null && quietSince !== null) expected = quietSince + SETTLE;
          await vi.advanceTimersByTimeAsync(2 * SETTLE);
          expect(resolvedAt).toBe(expected);
          // Nothing is watched once it has resolved.
          if (resolvedAt !== null) {
            expect(page.watching()).toBe(0);
            expect(input.watching()).toBe(0);
          }
          vi.useRealTimers();
        },
      ),
    ));
});
