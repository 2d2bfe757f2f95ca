/**
 * When to offer a new build, and how to switch to it: over the parts of the browser's service worker API the
 * flow reads, so that every order of events can be tried without a browser.
 */

/** `navigator.serviceWorker`, as far as the flow reads it. */
export interface WorkerContainerLike extends EventTarget {
  readonly controller: unknown;
}

/** A service worker, as far as the flow reads it. */
export interface ServiceWorkerLike extends EventTarget {
  postMessage(message: unknown): void;
}

/** A `ServiceWorkerRegistration`, as far as the flow reads it. */
export interface RegistrationLike extends EventTarget {
  readonly installing: ServiceWorkerLike | null;
  readonly waiting: ServiceWorkerLike | null;
}

/** The message the service worker answers by activating at once (see sw.ts). */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** After the click, the page reloads at the latest after this long, switched or not. */
export const SWITCH_LIMIT_MS = 10_000;

/**
 * Calls `offer` once, as soon as a new build is installed and waiting while an older one controls the page:
 * whether it was already waiting, was still installing when the page asked (a large download on a slow line),
 * or is found later (the hourly check). A first install controls nothing and waits for nothing: no offer.
 */
export function watchForUpdate(
  registration: RegistrationLike,
  container: WorkerContainerLike,
  offer: () => void,
): void {
  let offered = false;
  const check = () => {
    if (offered || registration.waiting === null || !container.controller) return;
    offered = true;
    offer();
  };
  const track = (worker: ServiceWorkerLike | null) => worker?.addEventListener('statechange', check);
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
  check();
}

/**
 * The user's click: asks the waiting build to take over and reloads once it controls the page. The page also
 * reloads when nothing waits any more (another tab switched first) or the switch has not come within `limitMs`,
 * so the click never leaves the user waiting.
 */
export function switchToWaiting(
  registration: RegistrationLike,
  container: WorkerContainerLike,
  reload: () => void,
  limitMs = SWITCH_LIMIT_MS,
): void {
  let reloaded = false;
  const reloadOnce = () => {
    if (reloaded) return;
    reloaded = true;
    reload();
  };
  container.addEventListener('controllerchange', reloadOnce);
  const waiting = registration.waiting;
  if (waiting === null) {
    reloadOnce();
    return;
  }
  waiting.postMessage(SKIP_WAITING);
  setTimeout(reloadOnce, limitMs);
}
