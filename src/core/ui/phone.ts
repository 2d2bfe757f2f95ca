/** The width up to which the layout is the phone's (src/styles/layout-phone.css's media query is the same). */
export const PHONE_QUERY = '(max-width: 900px), (max-height: 500px)';

/** Whether the window is phone-sized now (read once where a default depends on it, e.g. a folded legend). */
export const isPhoneWidth = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;

/** On a phone, scrolls the section's sheet back down so the map is seen (after picking from a list). */
export function revealMap(section: HTMLElement | null): void {
  if (isPhoneWidth()) section?.scrollTo({ top: 0, behavior: 'smooth' });
}
