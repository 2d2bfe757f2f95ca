/**
 * A setting from the link (or storage) that could not be used as it was: the notice's message key under
 * `states.notice` and the values it names. The screen shows it until the user dismisses it.
 */
export interface SettingNotice {
  key: string;
  params: Record<string, string | number>;
}

/** Settings read from a link, with a notice for every value that was replaced. */
export interface Parsed<T> {
  state: T;
  notices: SettingNotice[];
}

/** `n` within [lo, hi]. */
export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
