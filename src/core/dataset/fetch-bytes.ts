import { fileName, type LoadStepName, runStep } from './load-guard';

/**
 * Files asked for at the page's boot, before the code that reads them has arrived (app/load-ahead.ts), and read
 * as they come: the load's own read of each takes it, once. On a slow link the data then downloads while the
 * first look is drawn and the app's code arrives, instead of after them.
 */
const askedAhead = new Map<string, Promise<Uint8Array | null>>();
const aheadKey = (url: string, ifPresent: boolean) => `${ifPresent ? 'if present' : 'bytes'} ${url}`;

/**
 * Reads `url` now (as fetchBytesIfPresent with `ifPresent`, else as fetchBytes), for a load to take later. The
 * read is returned too: the boot may look at it (the first look draws the official boundary file) and the load
 * still takes it, so the file is downloaded once.
 */
export function askAhead(url: string, ifPresent: true): Promise<Uint8Array | null>;
export function askAhead(url: string, ifPresent?: false): Promise<Uint8Array>;
export function askAhead(url: string, ifPresent = false): Promise<Uint8Array | null> {
  const key = aheadKey(url, ifPresent);
  let read = askedAhead.get(key);
  if (!read) {
    read = requestedAhead(ifPresent ? fetchBytesIfPresent(url) : fetchBytes(url));
    askedAhead.set(key, read);
  }
  return read;
}

/** Forgets what no load took. */
export function dropAskedAhead(): void {
  askedAhead.clear();
}

/** The read of `url` asked ahead, taken once; undefined when there is none. */
function takeAhead(url: string, ifPresent: boolean): Promise<Uint8Array | null> | undefined {
  const key = aheadKey(url, ifPresent);
  const ahead = askedAhead.get(key);
  askedAhead.delete(key);
  return ahead;
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
  const ahead = takeAhead(url, false) as Promise<Uint8Array> | undefined;
  if (ahead) return ahead;
  return runStep({ step, file: fileName(url) }, async ({ signal, alive }) => {
    const response = await fetch(url, { signal });
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
  const ahead = takeAhead(url, true);
  if (ahead) return ahead;
  return runStep({ step, file: fileName(url) }, async ({ signal, alive }) => {
    const response = await fetch(url, { signal });
    if (!response.ok) return null;
    const bytes = await readBody(response, alive);
    return isPage(bytes) ? null : bytes;
  });
}

/** A file's bytes read as JSON, or null when they are not JSON. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** JSON from the app's origin, or null when absent or not JSON (fetchBytesIfPresent's failures reject). */
export async function fetchJsonIfPresent(url: string, step: LoadStepName = 'data'): Promise<unknown> {
  const bytes = await fetchBytesIfPresent(url, step);
  return bytes ? parseJsonBytes(bytes) : null;
}

/** A request made before its answer is needed: a failure is reported where the answer is awaited, not as unhandled. */
export function requestedAhead<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
