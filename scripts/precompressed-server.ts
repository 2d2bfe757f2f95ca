/**
 * A static server that behaves like the guide's nginx with the optional brotli module: serves a build in a
 * sub-folder, sends `name.br`/`name.gz` when the browser accepts them, the guide's Cache-Control rules,
 * ETag/304, and counts the body bytes it sends. For measuring what a visit costs on the wire.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** The guide's Cache-Control (deploy/nginx/gancang.conf) for a path inside the app's folder. */
export function cacheControl(relative: string): string {
  if (/^assets\/[^/]+$/.test(relative)) return 'public, max-age=31536000, immutable';
  if (/(^|\/)(index\.html|config\.json|sw\.js|manifest\.json)$/.test(relative)) return 'no-store';
  return 'no-cache';
}

/** The precompressed variant to send: `br` before `gzip`, only when the browser accepts it and it exists. */
export function pickEncoding(file: string, acceptEncoding: string): 'br' | 'gzip' | null {
  const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}($|[\\s,;])`).test(acceptEncoding);
  if (accepts('br') && existsSync(`${file}.br`)) return 'br';
  if (accepts('gzip') && existsSync(`${file}.gz`)) return 'gzip';
  return null;
}

export interface PrecompressedServer {
  url: string;
  /** Body bytes sent and responses so far; reset to measure one visit. */
  stats: { bytes: number; responses: number; notModified: number };
  /** Every response: status, path, bytes (for --verbose). */
  log: string[];
  reset: () => void;
  close: () => Promise<void>;
}

export async function startPrecompressedServer(dist: string, folder: string): Promise<PrecompressedServer> {
  const root = path.resolve(dist);
  const prefix = `/${folder}/`;
  const stats = { bytes: 0, responses: 0, notModified: 0 };
  const log: string[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    stats.responses++;
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let relative = path.posix.normalize(pathname.slice(prefix.length));
    if (relative === '.' || relative === '') relative = 'index.html';
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const encoding = pickEncoding(file, String(req.headers['accept-encoding'] ?? ''));
    const sent = encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : file;
    const info = statSync(sent);
    const etag = `"${info.mtimeMs.toString(36)}-${info.size.toString(36)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(relative),
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      stats.notModified++;
      log.push(`304 ${pathname}`);
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = info.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    stats.bytes += info.size;
    log.push(`200 ${pathname} ${info.size} ${req.headers['if-none-match'] ? 'conditional' : ''}`);
    createReadStream(sent).pipe(res);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    stats,
    log,
    reset: () => {
      stats.bytes = 0;
      stats.responses = 0;
      stats.notModified = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
