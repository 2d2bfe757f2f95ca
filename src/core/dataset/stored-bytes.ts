/**
 * Bytes in and out of storage: gzip (the browser's CompressionStream) cut into chunks of a fixed size, and the
 * SHA-256 that proves what comes back is what went in.
 */

/** SHA-256 of `bytes` as lower-case hex (Web Crypto: the browser's and Node's). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Re-cuts a stream of byte pieces into chunks of exactly `size` bytes (the last one shorter). */
async function cut(stream: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let current = new Uint8Array(size);
  let filled = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let offset = 0;
    while (offset < value.length) {
      const n = Math.min(size - filled, value.length - offset);
      current.set(value.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === size) {
        chunks.push(current);
        current = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0 || chunks.length === 0) chunks.push(current.slice(0, filled));
  return chunks;
}

/** `bytes` gzip-compressed, as chunks of at most `chunkBytes` bytes. */
export function compressToChunks(bytes: Uint8Array, chunkBytes: number): Promise<Uint8Array[]> {
  if (!(chunkBytes > 0)) throw new RangeError(`chunk size must be positive, got ${chunkBytes}`);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return cut(stream as ReadableStream<Uint8Array>, chunkBytes);
}

/**
 * The original bytes from gzip chunks; `expectedLength` sizes the buffer once (no doubling copies of a
 * large file). Throws when the stream is not valid gzip or is longer or shorter than expected.
 */
export async function decompressChunks(chunks: Uint8Array[], expectedLength: number): Promise<Uint8Array> {
  const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  const out = new Uint8Array(expectedLength);
  let filled = 0;
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > expectedLength) {
      await reader.cancel();
      throw new Error(`decompressed data longer than the recorded ${expectedLength} bytes`);
    }
    out.set(value, filled);
    filled += value.length;
  }
  if (filled !== expectedLength)
    throw new Error(`decompressed ${filled} bytes, the manifest records ${expectedLength}`);
  return out;
}
