/**
 * Which requests the service worker answers from its runtime caches (pure, so it can be tested in Node).
 * Everything in the build is precached; these routes cover what may change or appear after the build.
 */
export const CONFIG_CACHE = 'gancang-config';
export const DATA_CACHE = 'gancang-data';

const DATA_FILE = /\.(csv|json|geojson|parquet|arrow)$/i;

/** The folder the service worker serves (its own URL without the file name). */
function scopeOf(swUrl: string): URL {
  return new URL('./', swUrl);
}

function inScope(url: URL, swUrl: string): string | null {
  const scope = scopeOf(swUrl);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  return url.pathname.slice(scope.pathname.length);
}

/** The app's deployment settings, `config.json` beside index.html. */
export function isConfigUrl(url: URL, swUrl: string): boolean {
  return inScope(url, swUrl) === 'config.json';
}

/** A data file of the app's folder outside the hashed build output (e.g. a boundary file added later). */
export function isRuntimeDataUrl(url: URL, swUrl: string): boolean {
  const path = inScope(url, swUrl);
  return path !== null && path !== 'config.json' && !path.startsWith('assets/') && DATA_FILE.test(path);
}

/** A request that bypasses the HTTP cache turned into one that revalidates with it (same URL and options). */
export function withRevalidation(request: Request): Request {
  return request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request;
}
