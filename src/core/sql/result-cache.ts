/**
 * Answers of a query by key, kept for reuse: a key asked for twice is computed once (also while its
 * first answer is still on its way), and an answer is readable synchronously once it has arrived.
 * Beyond `size` answers, the least recently used is dropped. Failed answers are not kept.
 */
export class ResultCache<T> {
  private readonly done = new Map<string, T>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly size: number) {}

  /** The answer for `key` if it has arrived (and marks it recently used). */
  peek(key: string): T | undefined {
    const value = this.done.get(key);
    if (value !== undefined) {
      this.done.delete(key);
      this.done.set(key, value);
    }
    return value;
  }

  /** The answer for `key`: kept, on its way, or asked for now with `load`. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const value = this.peek(key);
    if (value !== undefined) return Promise.resolve(value);
    let promise = this.pending.get(key);
    if (!promise) {
      promise = load().then(
        (answer) => {
          this.pending.delete(key);
          this.done.set(key, answer);
          for (const oldest of this.done.keys()) {
            if (this.done.size <= this.size) break;
            this.done.delete(oldest);
          }
          return answer;
        },
        (error: unknown) => {
          this.pending.delete(key);
          throw error;
        },
      );
      this.pending.set(key, promise);
    }
    return promise;
  }
}
