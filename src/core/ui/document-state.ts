export type DocumentState = 'loading' | 'ready' | 'error';

/**
 * Publishes the load state on <html data-state> — the automation hook documented in the README. An error is
 * final until the page or its dataset is loaded again: a view that draws later cannot turn it back into "ready".
 */
export function setDocumentState(state: DocumentState): void {
  if (document.documentElement.dataset.state === 'error') return;
  document.documentElement.dataset.state = state;
}

/** A new load in the running page (another dataset): loading again, whatever the last load ended in. */
export function resetDocumentState(): void {
  document.documentElement.dataset.state = 'loading';
}

/** Where a load state is read and watched: the page's <html data-state>, or a test's stand-in. */
export interface StateSource {
  read: () => string | undefined;
  /** Calls `onChange` whenever the state may have changed; returns what stops watching. */
  watch: (onChange: () => void) => () => void;
}

/** The page's own <html data-state>. */
export const pageState: StateSource = {
  read: () => document.documentElement.dataset.state,
  watch: (onChange) => {
    const observer = new MutationObserver(onChange);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-state'] });
    return () => observer.disconnect();
  },
};

/** Resolves with the page's state once it is one of `states`: at once, or when <html data-state> next becomes one. */
export function whenDocumentState<S extends DocumentState>(states: readonly S[]): Promise<S> {
  const current = () => states.find((state) => state === pageState.read());
  const now = current();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = pageState.watch(() => {
      const state = current();
      if (!state) return;
      stop();
      resolve(state);
    });
  });
}

/** Where the user's input is watched: the page's own events, or a test's stand-in. */
export interface InputSource {
  /** Calls `onInput` at each key, click, touch, wheel turn or value changed; returns what stops watching. */
  watch: (onInput: () => void) => () => void;
}

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'input'] as const;

/** The page's own input events (seen before any handler of the page's can stop them). */
export const pageInput: InputSource = {
  watch: (onInput) => {
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  },
};

/**
 * Resolves once the page has stayed `ready` (or in `error`) for `ms`: a section opened meanwhile (`loading`
 * again) starts the wait over, and so does each input of the user's when `input` is given. For work that should
 * not compete with what the user is waiting for, or, with `input`, with the steps they are taking.
 */
export function whenSettled(ms: number, source: StateSource = pageState, input?: InputSource): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      timer = setTimeout(() => {
        stop();
        resolve();
      }, ms);
    };
    const check = () => {
      const state = source.read();
      const settled = state === 'ready' || state === 'error';
      if (settled && timer === undefined) start();
      else if (!settled && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    };
    const restart = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      start();
    };
    const stopState = source.watch(check);
    const stopInput = input?.watch(restart);
    const stop = () => {
      stopState();
      stopInput?.();
    };
    check();
  });
}
