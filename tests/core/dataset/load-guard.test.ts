import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fileName,
  LOAD_DEADLINE_MS,
  LoadStepError,
  loadDeadlineMs,
  onLoadFailure,
  reportLoadFailure,
  runStep,
} from '../../../src/core/dataset/load-guard';

const never = () => new Promise<never>(() => undefined);

describe('runStep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends a step that never answers as stalled, naming the step and the file, and aborts its signal', async () => {
    let seen: AbortSignal | null = null;
    const step = runStep({ step: 'duckdb-wasm', file: 'duckdb-eh.wasm', deadlineMs: 5_000 }, ({ signal }) => {
      seen = signal;
      return never();
    });
    const outcome = step.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(LoadStepError);
    expect(error).toMatchObject({ step: 'duckdb-wasm', file: 'duckdb-eh.wasm', reason: 'stalled' });
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
  });

  it('does not end a step early while it shows progress', async () => {
    let alive = () => {};
    let finish = (_: string) => {};
    const step = runStep(
      { step: 'data', file: 'households.csv', deadlineMs: 1_000 },
      (ctx) =>
        new Promise<string>((resolve) => {
          alive = ctx.alive;
          finish = resolve;
        }),
    );
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(900);
      alive();
    }
    finish('done');
    await expect(step).resolves.toBe('done');
  });

  it('stalls once progress stops', async () => {
    let alive = () => {};
    const step = runStep({ step: 'data', file: 'cases.csv', deadlineMs: 1_000 }, (ctx) => {
      alive = ctx.alive;
      return never();
    });
    const outcome = step.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(900);
    alive();
    await vi.advanceTimersByTimeAsync(999);
    alive();
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(outcome).resolves.toMatchObject({ reason: 'stalled', file: 'cases.csv' });
  });

  it('does not count time while the page is hidden (a background tab does not draw)', async () => {
    const doc = { visibilityState: 'hidden' };
    vi.stubGlobal('document', doc);
    try {
      const step = runStep({ step: 'map', file: 'maplibre-gl-worker.mjs', deadlineMs: 1_000 }, never);
      const outcome = step.catch((e: unknown) => e);
      let ended = false;
      void outcome.then(() => {
        ended = true;
      });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(ended).toBe(false);
      doc.visibilityState = 'visible';
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(outcome).resolves.toMatchObject({ step: 'map', reason: 'stalled' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('wraps a failure with the step, the file and the cause', async () => {
    const step = runStep({ step: 'config', file: 'config.json', deadlineMs: 1_000 }, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(step).rejects.toMatchObject({
      step: 'config',
      file: 'config.json',
      reason: 'failed',
      detail: 'Failed to fetch',
    });
  });

  it('is cancelled quietly from outside, and a cancellation is never reported as a load failure', async () => {
    const outer = new AbortController();
    const step = runStep({ step: 'map', file: 'w.mjs', signal: outer.signal, deadlineMs: 1_000 }, never);
    const outcome = step.catch((e: unknown) => e);
    outer.abort();
    const error = await outcome;
    expect(error).not.toBeInstanceOf(LoadStepError);
    expect((error as DOMException).name).toBe('AbortError');
    const heard: unknown[] = [];
    const off = onLoadFailure((e) => heard.push(e));
    reportLoadFailure(error);
    reportLoadFailure(new LoadStepError('map', 'w.mjs', 'stalled', '', 1_000));
    off();
    reportLoadFailure(new Error('after unsubscribe'));
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ step: 'map' });
  });
});

describe('load deadline', () => {
  it('is 30 s unless the automation hook shortens it; it can never be lengthened or made absurdly short', () => {
    expect(LOAD_DEADLINE_MS).toBe(30_000);
    expect(loadDeadlineMs('')).toBe(30_000);
    expect(loadDeadlineMs('?load_deadline_ms=5000')).toBe(5_000);
    expect(loadDeadlineMs('?load_deadline_ms=999999')).toBe(30_000);
    expect(loadDeadlineMs('?load_deadline_ms=1')).toBe(1_000);
    expect(loadDeadlineMs('?load_deadline_ms=abc')).toBe(30_000);
    expect(loadDeadlineMs('?load_deadline_ms=-5')).toBe(30_000);
  });

  it('names files by their last path segment', () => {
    expect(fileName('/assets/duckdb-eh-9ubY-jlA.wasm?v=1')).toBe('duckdb-eh.wasm');
    expect(fileName('/assets/duckdb-browser-eh.worker-hQa-dcAV.js')).toBe('duckdb-browser-eh.worker.js');
    expect(fileName('/assets/maplibre-gl-worker-CZtFQQIV.mjs')).toBe('maplibre-gl-worker.mjs');
    expect(fileName('boundaries/resmi-2025-bengkulu.geojson')).toBe('resmi-2025-bengkulu.geojson');
    expect(fileName('demo/households.csv')).toBe('households.csv');
    expect(fileName('config.json')).toBe('config.json');
  });
});
