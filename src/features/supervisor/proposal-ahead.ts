/**
 * A reassignment proposal worked out ahead of the click: the proposal panel asks for it when it opens, and
 * the coverage worker advances it in short steps whenever it has no request to answer (a moved slider or
 * any other request goes first). The click then takes it finished, or finishes it. A job belongs to the
 * options it was asked with (`key`) and to the coverage it starts from (`base`, compared by identity): any
 * other pair starts afresh.
 */
type Steps<Result> = Generator<void, Result, void>;

interface Job<Base, Result> {
  key: string;
  base: Base;
  steps: Steps<Result>;
  done?: Result;
}

/** Runs a job's steps until it is done (true) or the clock passes `until` (false). */
function run<Result>(job: Job<unknown, Result>, until: number): boolean {
  do {
    const step = job.steps.next();
    if (step.done) {
      job.done = step.value;
      return true;
    }
  } while (performance.now() < until);
  return false;
}

export class ProposalAhead<Base, Result> {
  private job: Job<Base, Result> | null = null;

  /** Makes (key, base) the job to advance, unless it already is. */
  want(key: string, base: Base, start: () => Steps<Result>): void {
    if (this.matches(key, base)) return;
    this.job = { key, base, steps: start() };
  }

  /** Whether a job is asked for and not finished. */
  hasWork(): boolean {
    return this.job !== null && this.job.done === undefined;
  }

  /**
   * Runs the job's steps for about `ms` milliseconds; true when nothing is left to do. A job that fails is
   * dropped: `take` then runs it again and the failure reaches whoever asked.
   */
  advance(ms: number): boolean {
    const job = this.job;
    if (!job || job.done !== undefined) return true;
    try {
      return run(job, performance.now() + ms);
    } catch {
      this.job = null;
      return true;
    }
  }

  /** The result for (key, base): the job's (finished now when it is not yet), else computed now. */
  take(key: string, base: Base, start: () => Steps<Result>): Result {
    if (!this.matches(key, base)) this.job = { key, base, steps: start() };
    const job = this.job as Job<Base, Result>;
    try {
      if (job.done === undefined) run(job, Number.POSITIVE_INFINITY);
    } catch (error) {
      this.job = null;
      throw error;
    }
    return job.done as Result;
  }

  clear(): void {
    this.job = null;
  }

  private matches(key: string, base: Base): boolean {
    return this.job !== null && this.job.key === key && this.job.base === base;
  }
}
