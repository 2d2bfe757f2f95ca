import type { InputSource, StateSource } from '../../src/core/ui/document-state';

/** The watchers of a stand-in source: added and removed as the code under test watches, all called at once. */
function watcherSet() {
  const watchers = new Set<() => void>();
  return {
    watch: (onChange: () => void) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    call: () => {
      for (const watcher of [...watchers]) watcher();
    },
    size: () => watchers.size,
  };
}

/** A load state changed by the test, as <html data-state> is by the page. */
export function stateSource(initial: string | undefined) {
  let state = initial;
  const watchers = watcherSet();
  const source: StateSource = { read: () => state, watch: watchers.watch };
  const set = (next: string) => {
    state = next;
    watchers.call();
  };
  return { source, set, watching: watchers.size };
}

/** The user's input, given by the test, as the page's input events are. */
export function inputSource() {
  const watchers = watcherSet();
  const source: InputSource = { watch: watchers.watch };
  return { source, give: watchers.call, watching: watchers.size };
}
