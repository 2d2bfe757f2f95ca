/**
 * Storage benchmark (`npx tsx scripts/bench-store.ts [--mb 256]`): what keeping an imported file costs — SHA-256,
 * gzip into 8 MB chunks, and reading it back (gunzip + SHA-256 check) — for a CSV of the advertised size limit
 * made by repeating the demo's households rows (run `npm run data:demo` first). Node's CompressionStream and Web
 * Crypto are the browser's APIs; IndexedDB writes are not included.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CHUNK_BYTES } from '../src/core/dataset/local-store';
import { compressToChunks, decompressChunks, sha256Hex } from '../src/core/dataset/stored-bytes';

const args = process.argv.slice(2);
const megabytes = Number(args[args.indexOf('--mb') + 1] ?? 256) || 256;
const demo = readFileSync('data/demo/households.csv');
const headerEnd = demo.indexOf(10) + 1;
const body = demo.subarray(headerEnd);
const bytes = new Uint8Array(megabytes * 1024 * 1024);
bytes.set(demo.subarray(0, headerEnd));
for (let at = headerEnd; at < bytes.length; at += body.length)
  bytes.set(body.subarray(0, Math.min(body.length, bytes.length - at)), at);
let rows = 0;
for (const b of bytes) if (b === 10) rows++;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - t0)];
};
const [sha, shaMs] = await timed(() => sha256Hex(bytes));
const [chunks, gzipMs] = await timed(() => compressToChunks(bytes, DEFAULT_CHUNK_BYTES));
const [back, readMs] = await timed(async () => {
  const out = await decompressChunks(chunks, bytes.length);
  if ((await sha256Hex(out)) !== sha) throw new Error('checksum mismatch');
  return out;
});
console.log(
  JSON.stringify({
    fileMB: megabytes,
    rows,
    sha256Ms: shaMs,
    gzipMs,
    readAndVerifyMs: readMs,
    storedMB: Number((chunks.reduce((n, c) => n + c.length, 0) / 1024 / 1024).toFixed(1)),
    chunks: chunks.length,
    largestChunkMB: Math.max(...chunks.map((c) => c.length)) / 1024 / 1024,
    identical: Buffer.from(back).equals(bytes),
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  }),
);
