/**
 * Publishes the load state on <html data-state> — the automation hook documented in the README. An error is
 * final until the page is reloaded: a view that draws later cannot turn it back into "ready".
 */
export function setDocumentState(state: 'loading' | 'ready' | 'error'): void {
  if (document.documentElement.dataset.state === 'error') return;
  document.documentElement.dataset.state = state;
}
