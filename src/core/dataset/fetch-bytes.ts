import { fileName, type LoadStepName, runStep } from './load-guard';

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
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return readBody(response, alive, onProgress);
  });
}

/**
 * JSON from the app's origin, or null when absent (an HTTP error, or not JSON: the dev and preview servers
 * answer unknown paths with index.html). A request that fails on the network or stops answering for the
 * deadline is not "absent": it rejects with a LoadStepError naming the file.
 */
export function fetchJsonIfPresent(url: string, step: LoadStepName = 'data'): Promise<unknown> {
  return runStep({ step, file: fileName(url) }, async ({ signal, alive }) => {
    const response = await fetch(url, { signal });
    if (!response.ok) return null;
    const text = new TextDecoder().decode(await readBody(response, alive));
    try {
      return text.trimStart().startsWith('<') ? null : (JSON.parse(text) as unknown);
    } catch {
      return null;
    }
  });
}

/** A request made before its answer is needed: a failure is reported where the answer is awaited, not as unhandled. */
export function requestedAhead<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
