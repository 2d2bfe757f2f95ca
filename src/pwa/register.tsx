/**
 * Registers the service worker once the dashboard is ready (so installing it never slows the first load)
 * and shows "Versi baru tersedia — muat ulang" when a new build is waiting; the click activates it and reloads.
 */

import { createRoot } from 'react-dom/client';
import { whenDocumentState } from '../core/ui/document-state';
import { UpdatePrompt } from './UpdatePrompt';
import { switchToWaiting, watchForUpdate } from './update-flow';

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
  void whenDocumentState(['ready', 'error']).then(() => register(container).catch(() => undefined));
}
