/**
 * What this app keeps in localStorage, and which dataset the user chose: small and dependency-free, so the page's
 * first script can read them before the rest of the app arrives (local-store.ts re-exports them).
 */

/** Every key this app keeps in the browser starts with this (localStorage) or lives in its IndexedDB. */
export const LOCAL_PREFIX = 'gancang-pikat.';

/** 'server': the office's published dataset, or the demo when none is published. */
export type ActiveDataset = 'server' | 'imported';
const ACTIVE_KEY = `${LOCAL_PREFIX}dataset`;

export function activeDataset(): ActiveDataset {
  return globalThis.localStorage?.getItem(ACTIVE_KEY) === 'imported' ? 'imported' : 'server';
}

export function setActiveDataset(which: ActiveDataset): void {
  globalThis.localStorage?.setItem(ACTIVE_KEY, which);
}

/**
 * Set while this browser keeps the database's answers of a visit (answer-store.ts): the page's first script
 * then leaves DuckDB to start once the page has drawn from them, instead of sharing the cores with the drawing.
 */
export const ANSWERS_KEY = `${LOCAL_PREFIX}answers-kept`;

export const answersKept = (): boolean => globalThis.localStorage?.getItem(ANSWERS_KEY) === 'yes';

export function setAnswersKept(kept: boolean): void {
  if (kept) globalThis.localStorage?.setItem(ANSWERS_KEY, 'yes');
  else globalThis.localStorage?.removeItem(ANSWERS_KEY);
}
