const readyWaiters = new Set<() => void>();

/**
 * Publishes the load state on <html data-state> — the automation hook documented in the README. An error is
 * final until the page is reloaded: a view that draws later cannot turn it back into "ready".
 */
export function setDocumentState(state: 'loading' | 'ready' | 'error'): void {
  if (document.documentElement.dataset.state === 'error') return;
  document.documentElement.dataset.state = state;
  if (state !== 'ready') return;
  for (const resolve of readyWaiters) resolve();
  readyWaiters.clear();
}

/** Resolves when the page is next (or already) `ready`: a section has drawn. */
export function whenReady(): Promise<void> {
  if (document.documentElement.dataset.state === 'ready') return Promise.resolve();
  return new Promise((resolve) => readyWaiters.add(resolve));
}
