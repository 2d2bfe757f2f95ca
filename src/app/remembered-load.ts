import { ANSWERS_FORGOTTEN, answerKeeper, dropAnswers } from '../core/dataset/answer-store';
import { reportLoadFailure } from '../core/dataset/load-guard';
import { DUCKDB_BUILD } from '../core/sql/duckdb-browser';
import { Activity, quietAndShown } from '../core/sql/quiet';
import { type RememberingClient, rememberingClient } from '../core/sql/remembered-answers';
import type { SqlClient } from '../core/sql/sql-client';
import { pageInput, pageState, whenDocumentState, whenSettled } from '../core/ui/document-state';
import { idle } from '../core/ui/idle';

/**
 * How long a page drawn from memory stays ready, with no input of the user's, before DuckDB is started behind it.
 * Its start (compiling the engine, loading the tables, the planner's tables) takes the cores for seconds: begun
 * while the user steps the distance limit or switches sections, it made each step wait for the cores. A pause
 * shorter than this between steps keeps it waiting; a statement not answered from memory starts it at once.
 */
const OPEN_AFTER_MS = 1_000;

/**
 * A dataset's client that answers from the last visit's answers what was asked in the same state
 * (remembered-answers.ts), so that a return visit's first map does not wait for DuckDB, and asks the database
 * `open` gives the rest. With answers kept, the database is opened once the page has drawn from them (or when
 * a statement needs it), so that its start does not share the cores with the drawing. Without Web Crypto (a
 * page not served over HTTPS or from localhost), the database's own client.
 */
export async function datasetClient(
  open: () => Promise<SqlClient>,
  known: Promise<Map<string, Uint8Array>>,
): Promise<SqlClient> {
  if (!globalThis.crypto?.subtle) return open();
  const answers = await known;
  return rememberingClient(open, {
    build: DUCKDB_BUILD,
    known: answers,
    // Once the page has stayed drawn a moment and the user paused: the data-quality counts and the work asked
    // ahead that the last visit answered come from memory first, without waiting for DuckDB to start.
    openWhen: answers.size > 0 ? whenSettled(OPEN_AFTER_MS, pageState, pageInput) : undefined,
    quietBeforeOpen: () => quietAndShown(new Activity()),
    // Writes answered from memory that the database refused end the load like any other failure.
    onLateFailure: reportLoadFailure,
  });
}

const isRemembering = (client: SqlClient): client is RememberingClient => 'given' in client;

/** How many statements were answered from the last visit's answers, and how many by the database (or null). */
export const answerCounts = (client: SqlClient): ReturnType<RememberingClient['counts']> | null =>
  isRemembering(client) ? client.counts() : null;

/** How long the page stays ready before the answers are kept (a section's work after its map is asked by then). */
const SETTLED_MS = 1_500;

/**
 * Keeps the answers of the dataset shown for the next visit: once the page has settled on its first section,
 * in idle time, and again after each section the user opens and each time the page has given new answers
 * since (the work done ahead after the first map: the planner's tables, the next section's figures) — while
 * `shown()`, and only what is new.
 */
export async function keepAnswers(client: SqlClient, shown: () => boolean): Promise<void> {
  if (!isRemembering(client)) return;
  const keep = answerKeeper();
  let kept = 0;
  while (shown()) {
    await whenSettled(SETTLED_MS);
    await idle();
    if (shown() && pageState.read() === 'ready') {
      if (client.forgot()) {
        // Too large to be drawn from memory: its next visit starts the database at once.
        await dropAnswers().catch((error: unknown) => console.error(error));
        performance.mark(ANSWERS_FORGOTTEN);
        return;
      }
      const given = client.given();
      if (given.size !== kept) {
        await keep(given).catch((error: unknown) => console.error(error));
        kept = given.size;
      }
    }
    // The next section opened (or the next load: then this one is no longer shown), or new answers given.
    await Promise.race([whenDocumentState(['loading']), client.whenGiven(kept)]);
  }
}
