/** The width up to which the layout is the phone's (src/styles/layout-phone.css's media query is the same). */
export const PHONE_QUERY = '(max-width: 900px), (max-height: 500px)';

/** Whether the window is phone-sized now (read once where a default depends on it, e.g. a folded legend). */
export const isPhoneWidth = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;

/** A laptop screen too short for open map panels (1366×768, the common office laptop): they start folded. */
export const SHORT_SCREEN_QUERY = '(max-height: 820px)';

/**
 * Whether a panel over the map starts folded: on a phone, and on a short laptop screen where an open legend and
 * chart would cover much of the map (read once, when the panel appears).
 */
export const foldsByDefault = (): boolean =>
  isPhoneWidth() ||
  (typeof window !== 'undefined' && window.matchMedia?.(SHORT_SCREEN_QUERY).matches === true);

/** On a phone, scrolls the section's sheet back down so the map is seen (after picking from a list). */
export function revealMap(section: HTMLElement | null): void {
  if (isPhoneWidth()) section?.scrollTo({ top: 0, behavior: 'smooth' });
}
