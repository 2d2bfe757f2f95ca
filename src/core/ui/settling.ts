/**
 * A promise kept with its value once it is fulfilled, so that a screen can be drawn from it at once instead of
 * waiting a turn (a section opened after it was prepared ahead).
 */
export interface Settling<T> {
  promise: Promise<T>;
  value?: T;
}

/** Keeps `promise`'s value when it comes; `onFailure` runs when it is rejected (e.g. to forget it). */
export function settling<T>(promise: Promise<T>, onFailure: () => void): Settling<T> {
  const kept: Settling<T> = { promise };
  promise.then(
    (value) => {
      kept.value = value;
    },
    () => onFailure(),
  );
  return kept;
}
