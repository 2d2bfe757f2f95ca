/// <reference lib="webworker" />
import { type NearestRequest, nearestWorkerHandler } from '../../core/coverage-engine';

// A share of the nearest-agent search, started by the coverage worker for large datasets (coverage-nearest.ts).
const handle = nearestWorkerHandler();

self.onmessage = (event: MessageEvent<NearestRequest>) => {
  const { reply, transfer } = handle(event.data);
  if (reply) (self as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
};
