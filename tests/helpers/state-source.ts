import type { StateSource } from '../../src/core/ui/document-state';

/** A load state changed by the test, as <html data-state> is by the page. */
export function stateSource(initial: string | undefined) {
  let state = initial;
  const watchers = new Set<() => void>();
  const source: StateSource = {
    read: () => state,
    watch: (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
  };
  const set = (next: string) => {
    state = next;
    for (const watcher of [...watchers]) watcher();
  };
  return { source, set, watching: () => watchers.size };
}
