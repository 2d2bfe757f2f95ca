import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ANSWER_STORE,
  answerKeeper,
  dropAnswers,
  eraseAnswers,
  lastVisitAnswers,
} from '../../../src/core/dataset/answer-store';
import { eraseAllLocalData } from '../../../src/core/dataset/local-store';
import { answersKept } from '../../../src/core/dataset/local-store-keys';

/** The page's localStorage, as far as the app uses it. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** The events the page's window receives (stubbed: the tests run without a DOM). */
function pageEvents(): EventTarget {
  const page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  return page;
}

/** A page of its own (its own module state, e.g. another tab), sharing the browser's storage with this one. */
async function anotherPage() {
  vi.resetModules();
  const [store, local] = await Promise.all([
    import('../../../src/core/dataset/answer-store'),
    import('../../../src/core/dataset/local-store'),
  ]);
  return { answerKeeper: store.answerKeeper, eraseAllLocalData: local.eraseAllLocalData };
}

const answers = (n: number) =>
  new Map(Array.from({ length: n }, (_, i) => [`key${i}`, new Uint8Array([i, 1, 2])]));

describe('the answers kept for the next visit', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    return () => vi.unstubAllGlobals();
  });

  it('are read back as kept; the last keep replaces the one before', async () => {
    await answerKeeper()(answers(3));
    await answerKeeper()(answers(2));
    expect(await lastVisitAnswers()).toEqual(answers(2));
  });

  it('are erased with all local data, and a keeper made before an erase keeps nothing after it', async () => {
    const madeBefore = answerKeeper();
    await madeBefore(answers(4));
    await eraseAllLocalData();
    expect(await lastVisitAnswers()).toEqual(new Map());
    await madeBefore(answers(5));
    expect(await lastVisitAnswers()).toEqual(new Map());
    // A keeper made after the erase (the next load's) keeps again.
    await answerKeeper()(answers(1));
    expect((await lastVisitAnswers()).size).toBe(1);
    await eraseAnswers();
  });

  it('are not kept again by a tab opened before an erase made in another tab', async () => {
    const otherTab = answerKeeper();
    await otherTab(answers(3));
    // This tab's erase; the other tab has its own page state, and shares only the browser's storage with it.
    await (await anotherPage()).eraseAllLocalData();
    await otherTab(answers(4));
    expect(await lastVisitAnswers()).toEqual(new Map());
    // Nor after a load made since the erase has kept its own.
    await answerKeeper()(answers(1));
    await otherTab(answers(4));
    expect((await lastVisitAnswers()).size).toBe(1);
    await eraseAnswers();
  });

  it('are not kept by a tab that heard an erase made in another tab, even before any keep named an era', async () => {
    // The browser tells a tab of every change another tab makes to localStorage (a storage event).
    const page = pageEvents();
    const storage = new MemoryStorage();
    const tell = (key: string, newValue: string | null) =>
      page.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    vi.stubGlobal(
      'localStorage',
      Object.assign(storage, {
        setItem: (key: string, value: string) => {
          MemoryStorage.prototype.setItem.call(storage, key, value);
          tell(key, value);
        },
        removeItem: (key: string) => {
          MemoryStorage.prototype.removeItem.call(storage, key);
          tell(key, null);
        },
      }),
    );
    // Nothing kept in this browser yet: no era is named.
    const thisTab = answerKeeper();
    await (await anotherPage()).eraseAllLocalData();
    await thisTab(answers(5));
    expect(await lastVisitAnswers()).toEqual(new Map());
  });

  it('are not kept by a page back from the browser’s back-forward cache, where it could not hear an erase', async () => {
    const page = pageEvents();
    const keep = (await anotherPage()).answerKeeper();
    // Shown again without a reload (a reload makes a new page, whose keepers are made afresh).
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    await keep(answers(2));
    expect((await lastVisitAnswers()).size).toBe(2);
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await keep(answers(3));
    expect((await lastVisitAnswers()).size).toBe(2);
    await eraseAnswers();
  });

  it('say whether they are kept to the page’s first script (which then leaves the database to start later)', async () => {
    await answerKeeper()(answers(2));
    expect(answersKept()).toBe(true);
    // A load too large to be drawn from them drops them: the next visit starts the database at once.
    await dropAnswers();
    expect(answersKept()).toBe(false);
    expect(await lastVisitAnswers()).toEqual(new Map());
    await answerKeeper()(answers(2));
    await eraseAllLocalData();
    expect(answersKept()).toBe(false);
  });

  it('give nothing when what is stored is not answers of this format', async () => {
    const { createStore, set } = await import('idb-keyval');
    const store = createStore(ANSWER_STORE.database, ANSWER_STORE.store);
    for (const value of [null, 'x', { format: 2, answers: answers(1) }, { format: 1, answers: [['k', 1]] }]) {
      await set(ANSWER_STORE.key, value, store);
      expect(await lastVisitAnswers()).toEqual(new Map());
    }
    // Entries that are not a key and its bytes are left out.
    await set(
      ANSWER_STORE.key,
      {
        format: 1,
        answers: new Map<unknown, unknown>([
          ['a', new Uint8Array(1)],
          [2, new Uint8Array(1)],
          ['b', 'text'],
        ]),
      },
      store,
    );
    expect([...(await lastVisitAnswers()).keys()]).toEqual(['a']);
  });
});
