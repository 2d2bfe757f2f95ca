import { fileName, type LoadStepName, runStep } from './load-guard';

/**
 * Files asked for at the page's boot, before the code that reads them has arrived (app/load-ahead.ts): the
 * load's own request for each takes it, once. On a slow link the data then downloads while the first look is
 * drawn and the app's code arrives, instead of after them.
 */
const askedAhead = new Map<string, Promise<Response>>();

/** Asks for `url` now, for a load to take later (fetchBytes, fetchBytesIfPresent). */
export function askAhead(url: string): void {
  if (askedAhead.has(url)) return;
  const response = fetch(url);
  // Reported by the load that takes it.
  response.catch(() => undefined);
  askedAhead.set(url, response);
}

/** Drops what no load took (its download ends). */
export function dropAskedAhead(): void {
  for (const response of askedAhead.values())
    void response.then((r) => r.body?.cancel()).catch(() => undefined);
  askedAhead.clear();
}

/** The response to `url`: the one asked ahead when there is one (taken once), else asked now. */
function request(url: string, signal: AbortSignal): Promise<Response> {
  const ahead = askedAhead.get(url);
  askedAhead.delete(url);
  return ahead ?? fetch(url, { signal });
}

/** A response's body, every chunk counted as progress (restarting the step's deadline). */
async function readBody(
  response: Response,
  alive: () => void,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    chunks.push(value);
    received += value.length;
    if (total && onProgress) onProgress(Math.min(1, received / total));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Fetches a file from the app's own origin, reporting the share received when the size is known. The load
 * step's deadline runs from the request until each next chunk: a download that stops receiving bytes is
 * aborted and reported as stalled, naming the file.
 */
export function fetchBytes(
  url: string,
  onProgress?: (fraction: number) => void,
  step: LoadStepName = 'data',
): Promise<Uint8Array> {
  return runStep({ step, file: fileName(url) }, async ({ signal, alive }) => {
    const response = await request(url, signal);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return readBody(response, alive, onProgress);
  });
}

/** True for a page rather than a file: the dev and preview servers answer unknown paths with index.html. */
function isPage(bytes: Uint8Array): boolean {
  const first = bytes.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  return first === 0x3c; // '<'
}

/**
 * A file's bytes from the app's origin, or null when absent (an HTTP error, or a page instead of the file).
 * A request that fails on the network or stops answering for the deadline is not "absent": it rejects with a
 * LoadStepError naming the file.
 */
export function fetchBytesIfPresent(url: string, step: LoadStepName = 'data'): Promise<Uint8Array | null> {
  return runStep({ step, file: fileName(url) }, async ({ signal, alive }) => {
    const response = await request(url, signal);
    if (!response.ok) return null;
    const bytes = await readBody(response, alive);
    return isPage(bytes) ? null : bytes;
  });
}

/** JSON from the app's origin, or null when absent or not JSON (fetchBytesIfPresent's failures reject). */
export async function fetchJsonIfPresent(url: string, step: LoadStepName = 'data'): Promise<unknown> {
  const bytes = await fetchBytesIfPresent(url, step);
  if (!bytes) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** A request made before its answer is needed: a failure is reported where the answer is awaited, not as unhandled. */
export function requestedAhead<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
