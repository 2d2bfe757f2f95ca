/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker once the dashboard is ready (so installing it never slows the first load)
 * and shows "Versi baru tersedia — muat ulang" when a new build is waiting; the click activates it and reloads.
 */

import { registerSW } from 'virtual:pwa-register';
import { createRoot } from 'react-dom/client';
import { UpdatePrompt } from './UpdatePrompt';

/** Checks the server for a new build this often while the dashboard stays open. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function whenSettled(callback: () => void): void {
  const root = document.documentElement;
  const settled = () => root.dataset.state === 'ready' || root.dataset.state === 'error';
  if (settled()) {
    callback();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!settled()) return;
    observer.disconnect();
    callback();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
}

function showUpdatePrompt(update: () => Promise<void>): void {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<UpdatePrompt onReload={() => void update()} />);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  whenSettled(() => {
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
