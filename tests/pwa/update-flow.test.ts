import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SKIP_WAITING, SWITCH_LIMIT_MS, switchToWaiting, watchForUpdate } from '../../src/pwa/update-flow';

/** A service worker going through its states, as the browser reports them. */
class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
}

/** A registration that installs a new build: found, installed (waiting), activated (controls the page). */
class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  readonly container = Object.assign(new EventTarget(), { controller: null as unknown });

  constructor(controlled: boolean) {
    super();
    if (controlled) this.container.controller = new FakeWorker();
  }
  found(): FakeWorker {
    this.installing = new FakeWorker();
    this.dispatchEvent(new Event('updatefound'));
    return this.installing;
  }
  installed(): void {
    const worker = this.installing;
    if (!worker) throw new Error('nothing installing');
    this.installing = null;
    this.waiting = worker;
    worker.dispatchEvent(new Event('statechange'));
  }
  activated(): void {
    const worker = this.waiting;
    if (!worker) throw new Error('nothing waiting');
    this.waiting = null;
    this.container.controller = worker;
    worker.dispatchEvent(new Event('statechange'));
    this.container.dispatchEvent(new Event('controllerchange'));
  }
}

type Step = 'found' | 'installed' | 'watch';

/** Runs the browser's steps of one update with the page starting to watch at `watchAt` (0: before any). */
function run(watchAt: number, controlled: boolean): { offers: number; registration: FakeRegistration } {
  const registration = new FakeRegistration(controlled);
  const steps: Step[] = ['found', 'installed'];
  steps.splice(watchAt, 0, 'watch');
  let offers = 0;
  for (const step of steps) {
    if (step === 'watch') watchForUpdate(registration, registration.container, () => offers++);
    else if (step === 'found') registration.found();
    else registration.installed();
  }
  return { offers, registration };
}

describe('watchForUpdate', () => {
  it('offers a new build exactly once, whenever the page starts watching', () => {
    // Before the update is found, while it installs (the case a large download makes likely), once it waits.
    for (const watchAt of [0, 1, 2]) expect(run(watchAt, true).offers, `watch at ${watchAt}`).toBe(1);
  });

  it('offers nothing on a first install: no older build controls the page', () => {
    for (const watchAt of [0, 1, 2]) expect(run(watchAt, false).offers).toBe(0);
  });

  it('offers once, for any number of later updates and checks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 4 }), (watchAt, more) => {
        const { registration } = run(watchAt, true);
        let offers = 0;
        watchForUpdate(registration, registration.container, () => offers++);
        for (let i = 0; i < more; i++) {
          registration.found();
          registration.installed();
        }
        return offers === 1;
      }),
    );
  });
});

describe('switchToWaiting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the waiting build to take over and reloads once, when it controls the page', () => {
    const { registration } = run(2, true);
    const waiting = registration.waiting;
    const reload = vi.fn();
    switchToWaiting(registration, registration.container, reload);
    expect(waiting?.messages).toEqual([SKIP_WAITING]);
    expect(reload).not.toHaveBeenCalled();
    registration.activated();
    expect(reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SWITCH_LIMIT_MS * 2);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when nothing waits any more (another tab switched first)', () => {
    const { registration } = run(2, true);
    registration.activated();
    const reload = vi.fn();
    switchToWaiting(registration, registration.container, reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never leaves the click waiting: reloads within the limit when the switch does not come', () => {
    const { registration } = run(2, true);
    const reload = vi.fn();
    switchToWaiting(registration, registration.container, reload);
    vi.advanceTimersByTime(SWITCH_LIMIT_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
