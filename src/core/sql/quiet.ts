/**
 * Whether the database is busy with what the user waits for. Work done ahead (tables the screen may need later,
 * answers fetched before they are asked for) waits until no statement has run for a moment: DuckDB runs one
 * statement at a time, in the order asked, so such work asked first would hold up the next screen's queries.
 */
import { pageState, type StateSource, whenSettled } from '../ui/document-state';

/** A statement chain (a section opening) leaves gaps of a few ms between its steps: quiet means longer. */
export const QUIET_MS = 60;

export class Activity {
  private running = 0;
  private lastEnd = 0;
  private waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly settleMs = QUIET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `work` as a statement: the database is busy until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.lastEnd = this.now();
      this.schedule();
    }
  }

  /** Resolves once no statement is running and none has ended within the settle time. */
  quiet(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer !== null || this.waiting.length === 0 || this.running > 0) return;
    const wait = Math.max(0, this.lastEnd + this.settleMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running > 0) return;
      if (this.now() - this.lastEnd < this.settleMs) {
        this.schedule();
        return;
      }
      // One at a time: the first waiting starts its statement, which makes the database busy for the others.
      this.waiting.shift()?.();
      this.schedule();
    }, wait);
  }
}

/** Work that work done ahead yields to, while it runs (`yieldAheadWorkTo`). */
const preferred = new Set<Promise<void>>();

/**
 * Work done ahead waits until `work` has settled: work of more use to the user that is started ahead too (say
 * another section's statements, for a switch made at once), which would otherwise queue behind it.
 */
export function yieldAheadWorkTo(work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  preferred.add(settled);
  void settled.then(() => preferred.delete(settled));
}

/**
 * Quiet (Activity.quiet), with the page showing what it was asked for (`ready` or `error`, not `loading`): a
 * section opening does main-thread work between its statements (building layers, drawing) that can outlast the
 * settle time, and work done ahead that started in such a gap would hold up the section's next statement.
 * Work that work done ahead yields to (`yieldAheadWorkTo`) goes first.
 */
export async function quietAndShown(activity: Activity, page: StateSource = pageState): Promise<void> {
  for (;;) {
    await whenSettled(0, page);
    await activity.quiet();
    if (preferred.size > 0) {
      await Promise.all(preferred);
      continue;
    }
    if (page.read() !== 'loading') return;
  }
}
