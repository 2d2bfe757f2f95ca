import { useEffect } from 'react';

/** Pause after the last change before the URL is written (a slider or a map move makes many in a row). */
const URL_WRITE_DELAY_MS = 150;

/**
 * Keeps `state` in the address bar: `write` turns the current query string and the state into the
 * next one. history.replaceState costs a few ms, so the URL follows a moment after the last change,
 * off the path from an input to the redrawn map.
 */
export function useUrlSync<T>(state: T, write: (search: string, state: T) => string): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const next = write(window.location.search, state);
      if (next !== window.location.search) window.history.replaceState(window.history.state, '', next);
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, write]);
}
