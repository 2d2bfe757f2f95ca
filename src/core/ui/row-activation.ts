import type { KeyboardEvent } from 'react';

/** Props that make a table row act as a button: focusable, and Enter or Space does what a click does. */
export const rowActivation = (onActivate: () => void) => ({
  tabIndex: 0,
  onClick: onActivate,
  onKeyDown: (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate();
    }
  },
});
