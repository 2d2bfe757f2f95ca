/**
 * One deadline and abort mechanism for every step of loading the dashboard: each step has a name, the file it
 * waits for, and a deadline after which it is aborted and reported as stalled. Steps that show progress (a
 * download receiving bytes, DuckDB fetching its wasm) push the deadline back, so a slow but moving download is
 * never cut off; a step that hears nothing for the deadline ends. Nothing in loading waits forever.
 */

/** What can fail while the dashboard loads (each has its own plain-words message in the UI). */
export type LoadStepName =
  | 'config'
  | 'duckdb-worker'
  | 'duckdb-wasm'
  | 'data'
  | 'map'
  | 'coverage-worker'
  /** A section's code, fetched when it is first opened. */
  | 'section';

/** 'stalled': nothing heard within the deadline; 'failed': it answered with an error. */
export type LoadFailureReason = 'stalled' | 'failed';

/** A load step that ended without its result: names the step and the file so the user can be told. */
export class LoadStepError extends Error {
  constructor(
    readonly step: LoadStepName,
    readonly file: string | null,
    readonly reason: LoadFailureReason,
    readonly detail: string,
    readonly deadlineMs: number,
  ) {
    super(
      `${step}${file ? ` (${file})` : ''} ${reason === 'stalled' ? `no answer in ${deadlineMs} ms` : detail}`,
    );
    this.name = 'LoadStepError';
  }
}

/** The longest any load step may go without progress. */
export const LOAD_DEADLINE_MS = 30_000;
/** Shortest deadline the automation hook accepts (a shorter one would cut off healthy loads). */
const MIN_DEADLINE_MS = 1_000;
/**
 * Automation hook (README): `?load_deadline_ms=5000` shortens the deadline so tests of stalled loads stay
 * short. It can only shorten it, never lengthen it beyond LOAD_DEADLINE_MS.
 */
export const DEADLINE_PARAM = 'load_deadline_ms';

/** The deadline for this page: LOAD_DEADLINE_MS unless the automation hook shortens it. */
export function loadDeadlineMs(search: string = globalThis.location?.search ?? ''): number {
  const asked = Number(new URLSearchParams(search).get(DEADLINE_PARAM));
  if (!Number.isFinite(asked) || asked <= 0) return LOAD_DEADLINE_MS;
  return Math.min(LOAD_DEADLINE_MS, Math.max(MIN_DEADLINE_MS, Math.round(asked)));
}

/**
 * The last path segment of a URL, as the user may recognise it ("households.csv"). Built files under
 * `assets/` lose the content hash the build adds ("duckdb-eh-9ubY-jlA.wasm" → "duckdb-eh.wasm").
 */
export function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const name = path.slice(path.lastIndexOf('/') + 1) || path;
  return /(^|\/)assets\//.test(path) ? name.replace(/-[\w-]{8}(\.[\w.]+)$/, '$1') : name;
}

export interface StepSpec {
  step: LoadStepName;
  /** The file (or worker script) the step waits for, shown in the message. */
  file?: string | null;
  /** Cancels the step silently (e.g. the view that started it went away). */
  signal?: AbortSignal;
  deadlineMs?: number;
}

export interface StepContext {
  /** Aborted when the step stalls or is cancelled: pass it to fetch and friends. */
  signal: AbortSignal;
  /** Call on every sign of progress: restarts the deadline. */
  alive: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs one load step under its deadline. Resolves with the work's result; rejects with a LoadStepError naming
 * the step ('stalled' when the deadline passed without progress, 'failed' when the work threw), or with the
 * outer signal's reason when cancelled from outside.
 */
export function runStep<T>(spec: StepSpec, work: (ctx: StepContext) => Promise<T>): Promise<T> {
  const deadlineMs = spec.deadlineMs ?? loadDeadlineMs();
  const file = spec.file ?? null;
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', cancel);
      done();
      // Ends whatever the work still listens to (worker error listeners, a fetch's body).
      if (!controller.signal.aborted) controller.abort(new DOMException('step ended', 'AbortError'));
    };
    const stall = () => {
      // A page in a background tab does not draw (the map's first idle waits for it) and its timers are
      // throttled: the deadline only counts while the page is visible.
      if (globalThis.document?.visibilityState === 'hidden') {
        alive();
        return;
      }
      const error = new LoadStepError(spec.step, file, 'stalled', '', deadlineMs);
      controller.abort(error);
      finish(() => reject(error));
    };
    const alive = () => {
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(stall, deadlineMs);
    };
    function cancel() {
      const reason = spec.signal?.reason ?? new DOMException('cancelled', 'AbortError');
      controller.abort(reason);
      finish(() => reject(reason));
    }
    if (spec.signal?.aborted) {
      cancel();
      return;
    }
    spec.signal?.addEventListener('abort', cancel, { once: true });
    alive();
    work({ signal: controller.signal, alive }).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) =>
        finish(() =>
          reject(
            error instanceof LoadStepError
              ? error
              : new LoadStepError(spec.step, file, 'failed', message(error), deadlineMs),
          ),
        ),
    );
  });
}

/**
 * Rejects when `worker` reports an error (its script failed to load or threw) — a worker that fails to start
 * never answers, so every step waiting on one races this. Call it right after creating the worker: the error
 * may come before anything is asked of it.
 */
export function workerFailure(worker: Worker): Promise<never> {
  const failed = new Promise<never>((_, reject) => {
    const onError = (event: Event) => {
      event.preventDefault();
      const text = event instanceof ErrorEvent && event.message ? event.message : 'the worker did not start';
      reject(new Error(text));
    };
    worker.addEventListener('error', onError, { once: true });
    worker.addEventListener('messageerror', onError, { once: true });
  });
  // Raced when needed; an error while nobody waits is not an unhandled rejection.
  failed.catch(() => undefined);
  return failed;
}

/**
 * Rejects when `url` cannot be fetched (network error or HTTP error status); never resolves otherwise. Raced
 * beside work that fetches the file where we cannot see it (inside a worker, which may hang instead of
 * failing), it turns a missing or refused file into an immediate, exact failure. A HEAD request: no body.
 */
export function fileFailure(url: string, signal: AbortSignal): Promise<never> {
  // Offline, the file comes from the service worker's cache, which does not answer HEAD: only the deadline
  // can tell a stall then.
  if (globalThis.navigator?.onLine === false) return new Promise<never>(() => undefined);
  return fetch(url, { method: 'HEAD', signal }).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Promise<never>(() => undefined);
  });
}

// Failures of steps that run after the data has loaded (the map, the coverage worker) reach the
// dashboard through here: it then shows the error screen like any other load failure.
const failureListeners = new Set<(error: unknown) => void>();

export function onLoadFailure(listener: (error: unknown) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

/** Ends loading with the error screen (the first failure wins; later ones are only logged). */
export function reportLoadFailure(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  for (const listener of failureListeners) listener(error);
}
