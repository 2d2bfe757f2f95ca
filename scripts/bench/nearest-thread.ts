/** worker_threads entry of the parallel nearest search (nearest-parallel.ts) for the benchmark and the tests. */
import { parentPort } from 'node:worker_threads';
import {
  type NearestRequest,
  nearestWorkerHandler,
} from '../../src/core/coverage-engine/nearest-parallel.ts';

const handle = nearestWorkerHandler();
parentPort?.on('message', (request: NearestRequest) => {
  const { reply, transfer } = handle(request);
  if (reply) parentPort?.postMessage(reply, transfer);
});
