/** Node worker_threads behind nearest-parallel.ts's NearestPort (benchmark and tests; the app uses Web Workers). */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type NearestPort,
  type NearestReply,
  ParallelNearest,
  type ParallelNearestOptions,
  threadsFor,
} from '../../src/core/coverage-engine/nearest-parallel.ts';

/** tsx's ESM API (its `import` export; createRequire would find the CommonJS one). */
const TSX_API = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;
const THREAD = new URL('./nearest-thread.ts', import.meta.url).href;
/**
 * Registers tsx's loader in the thread, then loads nearest-thread.ts (Node 20 does not take `--import tsx` in a
 * worker's execArgv; this works under tsx and under vitest alike).
 */
const BOOT = `import(${JSON.stringify(TSX_API)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;

/** One worker thread running nearest-thread.ts. */
export function nodeNearestPort(): NearestPort {
  const worker = new Worker(BOOT, { eval: true });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (onReply, onError) => {
      worker.on('message', (reply: NearestReply) => onReply(reply));
      worker.on('error', onError);
      worker.on('exit', (code) => onError(new Error(`nearest worker exited (${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/**
 * A ParallelNearest over `threads` threads in all (default: the machine's cores, capped by threadsFor): this one
 * and threads − 1 workers.
 */
export function nodeParallelNearest(
  threads = threadsFor(availableParallelism()),
  options: ParallelNearestOptions = {},
): ParallelNearest {
  return new ParallelNearest(
    Array.from({ length: Math.max(0, threads - 1) }, () => nodeNearestPort()),
    options,
  );
}
