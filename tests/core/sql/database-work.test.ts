import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the page-wide module (its state lives for the page's life). */
const fresh = async () => {
  vi.resetModules();
  return import('../../../src/core/sql/database-work');
};
const after = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the dashboard database settled (what the offline copy waits for)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('is not settled before the database is started, however long the page waits', async () => {
    const { databaseSettled } = await fresh();
    let settled = false;
    void databaseSettled().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
  });

  it('settles a second after its start and the statements asked meanwhile, not in a gap between them', async () => {
    const { databaseSettled, databaseStart, databaseWork } = await fresh();
    let settled = false;
    void databaseSettled().then(() => {
      settled = true;
    });
    await databaseStart(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    // The load's writes, with a gap of 300 ms (a connection made) between the start and them.
    await vi.advanceTimersByTimeAsync(300);
    expect(settled).toBe(false);
    const writes = databaseWork.track(after(1_500));
    await vi.advanceTimersByTimeAsync(1_500);
    await writes;
    await vi.advanceTimersByTimeAsync(900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toBe(true);
  });

  it('settles after a start that failed', async () => {
    const { databaseSettled, databaseStart } = await fresh();
    let settled = false;
    void databaseSettled().then(() => {
      settled = true;
    });
    await databaseStart(() => Promise.reject(new Error('no engine'))).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(settled).toBe(true);
  });
});
