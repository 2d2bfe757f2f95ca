import { useEffect, useRef } from 'react';

/**
 * Closes a dialog when Escape is pressed anywhere in the page (the keyboard user's way out of every modal).
 * The latest `onClose` is used, so a caller may pass an inline function.
 */
export function useEscape(onClose: () => void, enabled = true): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
