import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeTrace, type TraceEvent, threadLabels } from '../../scripts/profile-trace';

const MS = 1000;
const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const event = (
  tid: number,
  name: string,
  atMs: number,
  ms: number,
  data?: TraceEvent['args'],
): TraceEvent => ({
  name,
  ph: 'X',
  ts: atMs * MS,
  dur: ms * MS,
  pid: 1,
  tid,
  ...(data ? { args: data } : {}),
});

const MAIN = 1;
const WORKER_A = 2;
const WORKER_B = 3;
const POOL_A = 4;
const POOL_B = 5;
const NAMES = [
  thread(1, MAIN, 'CrRendererMain'),
  thread(1, WORKER_A, 'DedicatedWorker thread'),
  thread(1, WORKER_B, 'DedicatedWorker thread'),
  thread(1, POOL_A, 'ThreadPoolForegroundWorker'),
  thread(1, POOL_B, 'ThreadPoolForegroundWorker'),
];

describe('threadLabels', () => {
  it('numbers workers of one name and counts the pool threads as one', () => {
    const labels = threadLabels(NAMES);
    expect([1, 2, 3, 4, 5].map((tid) => labels.get(`1:${tid}`))).toEqual([
      'CrRendererMain',
      'DedicatedWorker thread',
      'DedicatedWorker thread 2',
      'ThreadPool (all)',
      'ThreadPool (all)',
    ]);
  });
});

describe('summarizeTrace', () => {
  it("splits a thread's tasks into slices, counting a task nested in another once", () => {
    const summary = summarizeTrace(
      [
        ...NAMES,
        event(MAIN, 'RunTask', 100, 300),
        event(MAIN, 'ThreadControllerImpl::RunTask', 100, 300),
        event(WORKER_A, 'RunTask', 0, 50),
      ],
      { fromUs: 0, toUs: 500 * MS, sliceMs: 250 },
    );
    const main = summary.threads.find((t) => t.thread === 'CrRendererMain');
    expect(main).toEqual({ thread: 'CrRendererMain', busyMs: 300, slices: [150, 150] });
    expect(summary.threads.find((t) => t.thread === 'DedicatedWorker thread')?.slices).toEqual([50, 0]);
  });

  it('adds up the pool threads, and leaves out what lies outside the window', () => {
    const summary = summarizeTrace(
      [
        ...NAMES,
        event(POOL_A, 'ThreadPool_RunTask', 0, 100),
        event(POOL_B, 'ThreadPool_RunTask', 50, 100),
        event(POOL_B, 'wasm.TopTierCompilation', 50, 100),
        event(POOL_A, 'wasm.BaselineCompilation', 900, 100),
        event(WORKER_A, 'wasm.CompileLazy', 10, 2),
        event(WORKER_A, 'wasm.CompileLazy', 20, 3),
        event(WORKER_A, 'wasm.CompileLazy', 600, 3),
      ],
      { fromUs: 0, toUs: 500 * MS },
    );
    expect(summary.threads).toEqual([{ thread: 'ThreadPool (all)', busyMs: 200, slices: [200, 0] }]);
    expect([summary.wasmTopTierMs, summary.wasmBaselineMs]).toEqual([100, 0]);
    expect(summary.wasmLazy).toEqual({ count: 2, ms: 5 });
  });

  it("counts the page's GPU read-backs and names a long task's outermost parts", () => {
    const summary = summarizeTrace(
      [
        ...NAMES,
        event(MAIN, 'RunTask', 0, 120),
        event(MAIN, 'v8.callFunction', 0, 70),
        event(MAIN, 'FunctionCall', 0, 70, { data: { functionName: 'draw', url: 'https://x/app/map.js' } }),
        event(MAIN, 'MinorGC', 10, 5),
        event(MAIN, 'Commit', 70, 50),
        event(MAIN, 'GLES2::ReadPixels', 70, 49),
        event(WORKER_A, 'GLES2::ReadPixels', 0, 10),
        event(MAIN, 'RunTask', 200, 20),
      ],
      { fromUs: 0, toUs: 250 * MS },
    );
    expect(summary.readPixels).toEqual({ count: 1, ms: 49, atMs: [70] });
    expect(summary.gcMs).toBe(5);
    expect(summary.longTasks).toEqual([
      {
        atMs: 0,
        ms: 120,
        parts: [
          { name: 'FunctionCall draw map.js', ms: 70 },
          { name: 'Commit', ms: 50 },
        ],
      },
    ]);
  });

  it("reads the page's own renderer: the busiest, when the trace holds another tab's too", () => {
    const OTHER_TAB = 6;
    const summary = summarizeTrace(
      [
        ...NAMES,
        thread(1, OTHER_TAB, 'CrRendererMain'),
        event(MAIN, 'RunTask', 0, 10),
        event(MAIN, 'GLES2::ReadPixels', 0, 5),
        event(OTHER_TAB, 'RunTask', 20, 200),
        event(OTHER_TAB, 'GLES2::ReadPixels', 30, 40),
      ],
      { fromUs: 0, toUs: 250 * MS },
    );
    expect(summary.readPixels).toEqual({ count: 1, ms: 40, atMs: [30] });
    expect(summary.longTasks.map((t) => t.atMs)).toEqual([20]);
  });

  it('never makes one thread busier than the time it had, however its tasks overlap', () => {
    const task = fc.record({
      at: fc.integer({ min: -200, max: 1200 }),
      ms: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 30 }), fc.integer({ min: 10, max: 400 }), (tasks, sliceMs) => {
        const summary = summarizeTrace([...NAMES, ...tasks.map((t) => event(MAIN, 'RunTask', t.at, t.ms))], {
          fromUs: 0,
          toUs: 1000 * MS,
          sliceMs,
        });
        for (const t of summary.threads) {
          expect(t.busyMs).toBeLessThanOrEqual(1000 + 1e-6);
          t.slices.forEach((busy, i) => {
            expect(busy).toBeLessThanOrEqual(Math.min(sliceMs, 1000 - i * sliceMs) + 1e-6);
          });
        }
      }),
    );
  });
});
