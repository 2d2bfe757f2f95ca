import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Activity } from '../../../src/core/sql/quiet';

const SETTLE = 60;

describe('waiting for a quiet database', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const activity = () => new Activity(SETTLE, () => Date.now());
  const statement = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

  it('resolves only once no statement runs and none ended within the settle time', async () => {
    const db = activity();
    let quiet = false;
    const running = db.track(statement(100));
    void db.quiet().then(() => {
      quiet = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    await running;
    expect(quiet).toBe(false);
    // A chain's next step starts within the settle time: still busy.
    const next = db.track(statement(30));
    await vi.advanceTimersByTimeAsync(SETTLE - 1);
    await next;
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(quiet).toBe(true);
  });

  it('lets work waiting for quiet through one at a time, never beside or right after another statement', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), ms: fc.integer({ min: 1, max: 200 }) }), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 5 }),
        async (foreground, waiting) => {
          const db = activity();
          const spans: { start: number; end: number; background: boolean }[] = [];
          const run = (ms: number, background: boolean) =>
            db.track(async () => {
              const start = Date.now();
              await statement(ms)();
              spans.push({ start, end: Date.now(), background });
            });
          for (const { at, ms } of foreground) setTimeout(() => void run(ms, false), at);
          for (let i = 0; i < waiting; i++) void db.quiet().then(() => run(50, true));
          await vi.advanceTimersByTimeAsync(10_000);
          const background = spans.filter((s) => s.background);
          expect(background).toHaveLength(waiting);
          // Each statement asked ahead started when nothing ran and nothing had ended within the settle time
          // (what the user asks meanwhile may start after it: DuckDB then queues it).
          for (const b of background)
            for (const other of spans) {
              if (other === b) continue;
              expect(other.start < b.start && other.end > b.start).toBe(false);
              expect(other.end <= b.start && other.end > b.start - SETTLE).toBe(false);
              // Two asked ahead never run side by side.
              if (other.background) expect(other.end <= b.start || other.start >= b.end).toBe(true);
            }
        },
      ),
      { numRuns: 50 },
    ));
});
