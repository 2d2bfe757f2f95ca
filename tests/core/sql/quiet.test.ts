import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Activity, quietAndShown, yieldAheadWorkTo } from '../../../src/core/sql/quiet';
import { stateSource } from '../../helpers/state-source';

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

describe('waiting for a quiet database while no section opens', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while a section opens, even in a long gap between its statements, and goes once it is shown', async () => {
    const db = new Activity(SETTLE, () => Date.now());
    const page = stateSource('loading');
    let quiet = false;
    void quietAndShown(db, page.source).then(() => {
      quiet = true;
    });
    // The section's first statement, then a gap far longer than the settle time (it builds layers, draws).
    const first = db.track(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    await vi.advanceTimersByTimeAsync(50 + SETTLE * 10);
    await first;
    expect(quiet).toBe(false);
    // Its next statement, then it is shown.
    const next = db.track(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));
    await vi.advanceTimersByTimeAsync(30);
    await next;
    page.set('ready');
    await vi.advanceTimersByTimeAsync(SETTLE - 1);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quiet).toBe(true);
  });

  it('a section opened while it waited for the database makes it wait again', async () => {
    const db = new Activity(SETTLE, () => Date.now());
    const page = stateSource('ready');
    let quiet = false;
    const running = db.track(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    void quietAndShown(db, page.source).then(() => {
      quiet = true;
    });
    await vi.advanceTimersByTimeAsync(20);
    await running;
    page.set('loading');
    await vi.advanceTimersByTimeAsync(SETTLE * 10);
    expect(quiet).toBe(false);
    page.set('error');
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(quiet).toBe(true);
  });

  it.each([
    ['done', (settle: () => void) => settle()],
    ['failed', (_: () => void, fail: () => void) => fail()],
  ] as const)(
    'work done ahead yields to preferred work until it is %s, then waits no more',
    async (_, end) => {
      const db = new Activity(SETTLE, () => Date.now());
      const page = stateSource('ready');
      let settle = () => {};
      let fail = () => {};
      yieldAheadWorkTo(
        new Promise<void>((resolve, reject) => {
          settle = resolve;
          fail = () => reject(new Error('the engine could not be fed'));
        }),
      );
      let quiet = false;
      void quietAndShown(db, page.source).then(() => {
        quiet = true;
      });
      // The preferred work's statements run while it lasts; the database is quiet between them.
      await vi.advanceTimersByTimeAsync(SETTLE * 10);
      expect(quiet).toBe(false);
      end(settle, fail);
      await vi.advanceTimersByTimeAsync(SETTLE);
      expect(quiet).toBe(true);
      // Settled, it holds nothing back any more.
      let again = false;
      void quietAndShown(db, page.source).then(() => {
        again = true;
      });
      await vi.advanceTimersByTimeAsync(SETTLE);
      expect(again).toBe(true);
    },
  );
});
