import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { LOCAL_PREFIX, setAnswersKept } from './local-store-keys';

/**
 * The database's answers of the last visit (remembered-answers.ts), kept in this browser's IndexedDB for the
 * next one: what the planner's first map and the dataset's load asked, as DuckDB answered it. They can hold
 * figures of the dataset, like the offline copies of its files, and are erased with them ("Hapus semua data
 * lokal"). Only the last visit's are kept.
 */

/** Where they are kept: a database of its own (idb-keyval keeps one object store per database). */
export const ANSWER_STORE = {
  database: 'gancang-pikat-answers',
  store: 'answers',
  key: 'last-visit',
} as const;
const FORMAT = 1;

interface StoredAnswers {
  format: number;
  answers: Map<string, Uint8Array>;
}

let store: UseStore | null = null;
const answerStore = (): UseStore | null => {
  if (!globalThis.indexedDB) return null;
  store ??= createStore(ANSWER_STORE.database, ANSWER_STORE.store);
  return store;
};

/** Erases made in this page or heard from another tab: a keeper made before one keeps nothing after it. */
let erases = 0;

/**
 * Names the time since this browser's last erase, for every tab at once (localStorage is shared, and an erase
 * removes every key of the app): a keeper made in another tab before an erase finds another name, or none, even
 * when that tab did not hear the erase. Made by the first keep after an erase, so that an erase leaves nothing
 * behind.
 */
const ERA_KEY = `${LOCAL_PREFIX}answers-era`;

const readEra = (): string | null => globalThis.localStorage?.getItem(ERA_KEY) ?? null;

function newEra(): string {
  const era = `${Date.now()}-${Math.random()}`;
  globalThis.localStorage?.setItem(ERA_KEY, era);
  return era;
}

/**
 * Set and removed at once by every erase: the other tabs of this browser hear it (a storage event), even while no
 * era is named (a keeper made then could not tell an erase from the era alone), and count an erase of their own.
 */
const ERASE_SIGNAL = `${LOCAL_PREFIX}answers-erased`;

let hearing = false;

/**
 * From the first keeper on, an erase made in another tab counts here as one made in this page. So does the
 * page's return from the browser's back-forward cache: held there, it heard nothing, and an erase may have
 * happened meanwhile (it then keeps nothing of what it asked before; the next visit asks the database).
 */
function hearOtherTabs(): void {
  if (hearing || !globalThis.addEventListener) return;
  hearing = true;
  globalThis.addEventListener('storage', (event: Event) => {
    const { key, newValue } = event as StorageEvent;
    if (key === ERASE_SIGNAL && newValue !== null) erases += 1;
  });
  globalThis.addEventListener('pageshow', (event: Event) => {
    if ((event as PageTransitionEvent).persisted) erases += 1;
  });
}

const isAnswers = (value: unknown): value is StoredAnswers => {
  const stored = value as StoredAnswers | undefined;
  return stored?.format === FORMAT && stored.answers instanceof Map;
};

/** The last visit's answers; none when there are none, when they cannot be read or are of another format. */
export async function lastVisitAnswers(): Promise<Map<string, Uint8Array>> {
  const idb = answerStore();
  const stored: unknown = idb ? await get(ANSWER_STORE.key, idb).catch(() => null) : null;
  if (!isAnswers(stored)) return new Map();
  const answers = new Map<string, Uint8Array>();
  for (const [key, bytes] of stored.answers) {
    if (typeof key === 'string' && bytes instanceof Uint8Array) answers.set(key, bytes);
  }
  return answers;
}

/**
 * Marked on the page's timeline each time answers are kept: how many, and until when they were given (the
 * build's script waits for answers given after the work done ahead).
 */
export const ANSWERS_KEPT = 'gancang:answers-kept';

/**
 * Keeps a load's answers for the next visit (replacing the last visit's). A keeper made before an erase, in this
 * tab or another, keeps nothing: answers asked before it must not come back after it.
 */
export function answerKeeper(): (answers: Map<string, Uint8Array>) => Promise<void> {
  hearOtherTabs();
  const made = erases;
  let era = readEra();
  const erased = () => made !== erases || readEra() !== era;
  return async (answers) => {
    // The answers given until now: the mark names this moment, not the write's end.
    const givenUntil = performance.now();
    const idb = answerStore();
    if (!idb || erased()) return;
    era ??= newEra();
    await set(ANSWER_STORE.key, { format: FORMAT, answers } satisfies StoredAnswers, idb);
    // An erase heard while they were written: they go too.
    if (erased()) await dropAnswers();
    else {
      setAnswersKept(true);
      performance.mark(ANSWERS_KEPT, { detail: { count: answers.size, givenUntil } });
    }
  };
}

/** Marked on the page's timeline when a load's answers are not kept because it was too large to be drawn from them. */
export const ANSWERS_FORGOTTEN = 'gancang:answers-forgotten';

/**
 * No answers kept: a load too large to be drawn from them (remembered-answers.ts) leaves none, so that its next
 * visit starts the database at once.
 */
export async function dropAnswers(): Promise<void> {
  setAnswersKept(false);
  const idb = answerStore();
  if (idb) await del(ANSWER_STORE.key, idb);
}

/** Part of "Hapus semua data lokal". */
export async function eraseAnswers(): Promise<void> {
  erases += 1;
  try {
    globalThis.localStorage?.setItem(ERASE_SIGNAL, String(Date.now()));
  } catch {
    // A full or refused storage: the erase goes on (the era still tells the other tabs).
  }
  globalThis.localStorage?.removeItem(ERASE_SIGNAL);
  globalThis.localStorage?.removeItem(ERA_KEY);
  await dropAnswers();
}
