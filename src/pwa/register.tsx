/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker once the dashboard is ready (so installing it never slows the first load)
 * and shows "Versi baru tersedia — muat ulang" when a new build is waiting; the click activates it and reloads.
 */

import { registerSW } from 'virtual:pwa-register';
import { createRoot } from 'react-dom/client';
import { whenDocumentState } from '../core/ui/document-state';
import { UpdatePrompt } from './UpdatePrompt';

/** Checks the server for a new build this often while the dashboard stays open. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function showUpdatePrompt(update: () => Promise<void>): void {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<UpdatePrompt onReload={() => void update()} />);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void whenDocumentState(['ready', 'error']).then(() => {
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () => showUpdatePrompt(update),
      onRegisteredSW: (_url, registration) => {
        if (registration)
          setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
      },
    });
  });
}
