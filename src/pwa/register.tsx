/**
 * Registers the service worker once the dashboard has been ready for a moment with no input from the user
 * (installing it downloads, stores and compiles the whole app, seconds of both cores on a small machine: neither
 * the first load nor the user's steps, say a section opened at once or the distance limit moved, wait behind it)
 * and shows "Versi baru tersedia — muat ulang" when a new build is waiting; the click activates it
 * and reloads. Nor does it share the cores with the database's start (a page drawn from memory starts DuckDB
 * behind it, at the user's first pause: compiling the engine, then the load's writes and the planner's tables):
 * a step taken meanwhile would wait for both at once. The copy is made after the database has settled.
 */

import { createRoot } from 'react-dom/client';
import { databaseSettled } from '../core/sql/database-work';
import { pageInput, pageState, whenDocumentState, whenSettled } from '../core/ui/document-state';
import { UpdatePrompt } from './UpdatePrompt';
import { switchToWaiting, watchForUpdate } from './update-flow';

/** The page stays ready this long (no section loading, no input) before the offline copy is made. */
const SETTLE_MS = 3_000;

/** On the page's timeline when the offline copy is begun (the worker registered). */
export const OFFLINE_COPY_BEGUN = 'gancang:offline-copy-begun';

/** Checks the server for a new build this often while the dashboard stays open. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function showUpdatePrompt(onReload: () => void): void {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<UpdatePrompt onReload={onReload} />);
}

async function register(container: ServiceWorkerContainer): Promise<void> {
  const registration = await container.register('./sw.js', { scope: './' });
  watchForUpdate(registration, container, () =>
    showUpdatePrompt(() => switchToWaiting(registration, container, () => window.location.reload())),
  );
  setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const container = navigator.serviceWorker;
  // A page that ended in an error may never start the database: its copy waits for the pause alone.
  void Promise.race([databaseSettled(), whenDocumentState(['error'])])
    .then(() => whenSettled(SETTLE_MS, pageState, pageInput))
    .then(() => {
      performance.mark(OFFLINE_COPY_BEGUN);
      return register(container);
    })
    .catch(() => undefined);
}
