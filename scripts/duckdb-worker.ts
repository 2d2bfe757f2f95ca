/**
 * DuckDB-WASM's browser worker, built so that the browser can keep the compiled database engine.
 *
 * The worker reports download progress by piping the wasm's response through a TransformStream and handing
 * `WebAssembly.instantiateStreaming` a `new Response` made around that stream. A made-up response has no
 * place in the HTTP cache or the service worker's cache, so Chrome never stores nor reuses the compiled
 * code: every visit compiled the 34 MB engine again (and optimised it again on the other core while the
 * data loaded). The patched worker counts the bytes of a clone of the response through the same transform
 * (progress still restarts the load deadline) and compiles the fetched response itself.
 *
 * The build copies the patched worker to `node_modules/.cache`, named by its content, and imports that copy
 * wherever the app imports the package's worker URL, so it is emitted with a hash of what it holds. Dev
 * serves the package's worker as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const WORKER_IMPORT = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
const WORKER_FILE = 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
const CACHE_DIR = 'node_modules/.cache/gancang-duckdb-worker';

/**
 * `return new Response((g = c.body) == null ? void 0 : g.pipeThrough(m), c)` in the worker's instantiateWasm,
 * whatever the minifier named the body (g), the fetched response (c) and the transform (m).
 */
const MADE_UP_RESPONSE =
  /return new Response\(\((\w+)=(\w+)\.body\)==null\?void 0:\1\.pipeThrough\((\w+)\),\2\)/g;

/**
 * The worker's source with the fetched wasm response handed to the compiler, its clone's bytes counted
 * through the progress transform. Throws when the source does not hold exactly one made-up response (another
 * DuckDB-WASM version): the build must then be looked at, not ship an unpatched worker silently.
 */
export function keepWasmResponse(source: string): string {
  const found = source.match(MADE_UP_RESPONSE)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `DuckDB's worker: expected one wasm response made around the progress stream, found ${found}; ` +
        'update scripts/duckdb-worker.ts for this DuckDB-WASM version',
    );
  }
  return source.replace(
    MADE_UP_RESPONSE,
    (_, body: string, response: string, progress: string) =>
      `return((${body}=${response}.clone().body)==null||${body}.pipeThrough(${progress})` +
      `.pipeTo(new WritableStream).catch(()=>{}),${response})`,
  );
}

/** Writes the patched worker once per content and returns its path. */
function patchedWorker(root: string): string {
  const source = readFileSync(path.join(root, WORKER_FILE), 'utf8');
  const patched = keepWasmResponse(source);
  const key = createHash('sha256').update(patched).digest('hex').slice(0, 16);
  const dir = path.join(root, CACHE_DIR, key);
  const file = path.join(dir, 'duckdb-browser-eh.worker.js');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, patched);
  }
  return file;
}

/** In the build (app and workers alike), the package's worker URL import resolves to the patched copy. */
export function duckDbWorkerPlugin(): Plugin {
  let file: string | null = null;
  return {
    name: 'gancang-duckdb-worker',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      if (id !== WORKER_IMPORT) return null;
      file ??= patchedWorker(process.cwd());
      return `${file}?url`;
    },
  };
}
