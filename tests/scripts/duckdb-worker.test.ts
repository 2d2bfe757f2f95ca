import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepWasmResponse } from '../../scripts/duckdb-worker.ts';

const PACKAGE_WORKER = 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';

/** The statement as the package's worker has it, with other minified names. */
const MADE_UP = (body: string, response: string, progress: string) =>
  `return new Response((${body}=${response}.body)==null?void 0:${body}.pipeThrough(${progress}),${response})`;

/** Runs a patched `function(c, m) { var g; … }` on a response and a transform. */
function runPatched(response: Response, progress: TransformStream): Response {
  const source = keepWasmResponse(`var g;${MADE_UP('g', 'c', 'm')}`);
  return new Function('c', 'm', source)(response, progress) as Response;
}

/** A transform that passes chunks on and counts their bytes. */
function counter(): { stream: TransformStream<Uint8Array, Uint8Array>; bytes: () => number } {
  let bytes = 0;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

describe("DuckDB's worker, patched so the browser can keep the compiled engine", () => {
  it('patches the installed DuckDB-WASM worker exactly once', () => {
    const source = readFileSync(PACKAGE_WORKER, 'utf8');
    const patched = keepWasmResponse(source);
    expect(patched).not.toMatch(/return new Response\(\(\w+=\w+\.body\)/);
    expect(patched.match(/\.clone\(\)\.body\)==null\|\|/g)).toHaveLength(1);
    // Only that statement changed.
    expect(patched.length - source.length).toBeLessThan(200);
  });

  it('hands over the fetched response itself, its bytes intact, and counts them through the transform', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const fetched = new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
    const progress = counter();
    const handed = runPatched(fetched, progress.stream);
    expect(handed).toBe(fetched);
    const received = new Uint8Array(await handed.arrayBuffer());
    expect(received).toEqual(bytes);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress.bytes()).toBe(bytes.byteLength);
  });

  it('hands over a response without a body as it is', () => {
    const empty = new Response(null, { status: 204 });
    expect(runPatched(empty, counter().stream)).toBe(empty);
  });

  it('refuses a worker without the statement, or with it twice, instead of shipping it unpatched', () => {
    expect(() => keepWasmResponse('instantiateStreaming(fetch(n),e)')).toThrow(/found 0/);
    const twice = `${MADE_UP('a', 'b', 'c')};${MADE_UP('x', 'y', 'z')}`;
    expect(() => keepWasmResponse(twice)).toThrow(/found 2/);
  });
});
