/**
 * The dashboard's own database, page-wide: whether its instance has started, and whether a statement runs on it
 * (whichever dataset's client asked it). Apart from the instance (duckdb-main.ts), so that what waits for it
 * (the offline copy, pwa/register.tsx) loads none of DuckDB's code.
 */
import { Activity } from './quiet';

/**
 * The database counts as settled after this long without a statement: a load's statements leave gaps of tens of
 * milliseconds between them (a connection made, Arrow read on the page's thread).
 */
const SETTLED_MS = 1_000;

/** The instance's start, and every statement of it (duckdb-browser.ts, `work`), are tracked here. */
export const databaseWork = new Activity(SETTLED_MS);

let started = () => {};
/** Until then, the database is not settled: it has work ahead of it. */
const whenStarted = new Promise<void>((resolve) => {
  started = resolve;
});

/** Starts the dashboard's instance with `start`, as the database's work. */
export function databaseStart<T>(start: () => Promise<T>): Promise<T> {
  started();
  return databaseWork.track(start);
}

/**
 * Resolves once the dashboard's database has been started (by whatever needed it first) and no statement has
 * run on it for a moment: its start and the work it was asked meanwhile (a page drawn from memory asks it the
 * load's writes and the planner's tables at once) are behind it.
 */
export async function databaseSettled(): Promise<void> {
  await whenStarted;
  await databaseWork.quiet();
}
