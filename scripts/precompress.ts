/**
 * Writes `name.br` and `name.gz` beside every compressible file of a build, so a server sends them as they
 * are (nginx `gzip_static`/`brotli_static`, Apache rewrite rules) with no compression work per request.
 * Brotli at its best quality is slow on the 34 MB DuckDB wasm, so results are kept in a cache keyed by the
 * file's content: an unchanged file costs nothing on the next build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text and wasm compress well; images and archives do not. */
export const COMPRESSIBLE = /\.(js|css|html|json|csv|arrow|geojson|wasm|svg|txt|md|map|bin)$/i;
/** Below this, the headers cost more than compression saves. */
export const MIN_BYTES = 1024;
/** Files above this are compressed at brotli quality 9 instead of 11 (q11 takes minutes on the wasm). */
const LARGE_BYTES = 8 * 1024 * 1024;

export interface PrecompressResult {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

export function brotliQuality(size: number): number {
  return size > LARGE_BYTES ? 9 : 11;
}

async function cached(cacheDir: string | null, key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  if (!cacheDir) return make();
  const file = path.join(cacheDir, key);
  if (existsSync(file)) return readFile(file);
  const out = await make();
  await writeFile(file, out);
  return out;
}

/** Compresses one file's bytes: [gzip, brotli]. */
export async function compress(
  bytes: Buffer,
  cacheDir: string | null = null,
): Promise<[gzip: Buffer, brotli: Buffer]> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const quality = brotliQuality(bytes.length);
  return Promise.all([
    cached(cacheDir, `${hash}.gz`, () => gz(bytes, { level: 9 })),
    cached(cacheDir, `${hash}.q${quality}.br`, () =>
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_LGWIN]: 24,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    ),
  ]);
}

/** Writes `file.gz` and `file.br` when they are smaller (removing stale ones otherwise); returns their sizes. */
export async function precompressFile(
  file: string,
  cacheDir: string | null = null,
): Promise<[number, number]> {
  const bytes = await readFile(file);
  const [gzipped, brotlied] = await compress(bytes, cacheDir);
  const sizes: [number, number] = [0, 0];
  for (const [i, ext, out] of [
    [0, '.gz', gzipped],
    [1, '.br', brotlied],
  ] as const) {
    if (out.length < bytes.length) {
      await writeFile(`${file}${ext}`, out);
      sizes[i] = out.length;
    } else {
      await rm(`${file}${ext}`, { force: true });
    }
  }
  return sizes;
}

/** Writes `.gz` and `.br` beside each compressible file of `dir` that shrinks. */
export async function precompressDir(
  dir: string,
  cacheDir: string | null = null,
): Promise<PrecompressResult> {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    jobs.push(
      (async () => {
        const [gzipBytes, brotliBytes] = await precompressFile(file, cacheDir);
        result.files++;
        result.bytes += (await stat(file)).size;
        result.gzipBytes += gzipBytes;
        result.brotliBytes += brotliBytes;
      })(),
    );
  }
  await Promise.all(jobs);
  return result;
}
