import { createXXHash128 } from 'hash-wasm';

/**
 * A file's name by its content, for the remembered answers (remembered-answers.ts): XXH128 of its bytes, as hex.
 *
 * Not a cryptographic digest, and it need not be: the name keys answers the same origin gave (this browser's
 * last visit, or the answers its server ships beside the files), never answers from elsewhere, so nothing is
 * trusted on it that the server could not send anyway. What it must do is never give two files one name by
 * chance (128 bits), and be quick: a million households' file (141 MB) took Web Crypto's SHA-256 about 0.56 s in
 * Chromium here, on the way to the first map; XXH128 in WebAssembly takes about 35 ms.
 */
let hasher: ReturnType<typeof createXXHash128> | undefined;

export async function contentDigest(bytes: Uint8Array): Promise<string> {
  hasher ??= createXXHash128();
  const hash = await hasher;
  // One hasher for every file: nothing awaits between its start and its digest.
  hash.init();
  hash.update(bytes);
  return hash.digest('hex');
}
