/// <reference lib="webworker" />
/**
 * The service worker (Workbox): keeps the app, the DuckDB wasm, the gazetteer, the boundaries and the demo
 * in the browser so that later visits load from disk and work with the network off. A new build waits until
 * the user chooses "muat ulang" (the page sends SKIP_WAITING). IndexedDB (imported data) is never touched.
 */
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
  CONFIG_CACHE,
  DATA_CACHE,
  isConfigUrl,
  isRuntimeDataUrl,
  withRevalidation,
} from '../core/dataset/sw-routes';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Workbox fetches a versioned file (the demo, the gazetteer…) with `cache: 'reload'`, downloading again what the
// page has just loaded. Asking the server "changed?" instead lets the browser's HTTP cache answer.
addPlugins([{ requestWillFetch: async ({ request }) => withRevalidation(request) }]);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (`./?section=…`) open the cached page; any other navigation goes to the server.
registerRoute(
  // (Workbox matches the allowlist against the path and the query.)
  new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [/\/(index\.html)?(\?.*)?$/] }),
);

// Deployment settings and data files added after the build come from the server when it answers,
// else from the copy kept at the last visit.
registerRoute(
  ({ url }) => isConfigUrl(url, self.location.href),
  new NetworkFirst({ cacheName: CONFIG_CACHE, networkTimeoutSeconds: 4 }),
);
registerRoute(
  ({ url }) => isRuntimeDataUrl(url, self.location.href),
  new NetworkFirst({ cacheName: DATA_CACHE, networkTimeoutSeconds: 4 }),
);

// config.json is read before the first install finishes; keep a copy now so the next visit works offline.
self.addEventListener('install', (event) => {
  const url = new URL('config.json', self.location.href).href;
  event.waitUntil(
    fetch(url, { cache: 'no-cache' })
      .then(async (response) => {
        if (response.ok) await (await caches.open(CONFIG_CACHE)).put(url, response);
      })
      .catch(() => undefined),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
