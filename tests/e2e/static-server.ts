import { existsSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const ROOT = process.cwd();
/** The built app under test; E2E_DIST lets parallel work test its own build. */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');

const BOUNDARY_PATH = '/boundaries/villages.geojson';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.parquet': 'application/vnd.apache.parquet',
  '.gz': 'application/gzip',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServeOptions {
  /** Directory to serve; dist/ by default. */
  root?: string;
  /**
   * What `/boundaries/villages.geojson` answers: `'dist'` (default) whatever dist/ holds, `'none'` a 404
   * even when dist/ contains the file, or the path of a GeoJSON file to serve there.
   */
  boundaries?: 'dist' | 'none' | string;
  /**
   * Directory answering `/demo/*` instead of dist/demo/ (e.g. a dataset made with
   * `npm run data:demo -- --households 1000000 --out <dir>`, for benchmarks).
   */
  demo?: string;
  /**
   * Extra answers by URL path (e.g. `/config.json`, `/data/households.csv`): the path of a local file to send,
   * or an HTTP status to answer with (e.g. 401 for a file behind a login).
   */
  files?: Record<string, string | number>;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Paths requested so far, in order (for debugging). */
  requests: string[];
  close: () => Promise<void>;
}

/** Fails with instructions when the app has not been built. */
export function assertBuilt(root = DIST): void {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.join(root, 'index.html')} is missing: run \`npm run build\` first.`);
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status = 200,
): Promise<void> {
  const info = await stat(file);
  const size = info.size;
  const headers: Record<string, string | number> = {
    'Content-Type': mimeType(file),
    'Cache-Control': 'no-store',
    'Accept-Ranges': 'bytes',
  };
  let start = 0;
  let end = size - 1;
  const range = status === 200 ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '') : null;
  if (range) {
    const [, from = '', to = ''] = range;
    if (from === '') {
      start = Math.max(0, size - Number(to));
    } else {
      start = Number(from);
      if (to !== '') end = Math.min(size - 1, Number(to));
    }
    if (start > end || start >= size) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const handle = await open(file, 'r');
  const stream = handle.createReadStream({ start, end });
  stream.on('close', () => void handle.close().catch(() => undefined));
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found');
}

/** Serves `root` (dist/ by default) on 127.0.0.1 at a random free port, with SPA fallback to index.html. */
export async function startStaticServer(options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(options.root ?? DIST);
  assertBuilt(root);
  const boundaries = options.boundaries ?? 'dist';
  const demo = options.demo ? path.resolve(options.demo) : null;
  if (boundaries !== 'dist' && boundaries !== 'none' && !isFile(boundaries)) {
    throw new Error(`boundary file not found: ${boundaries}`);
  }
  const requests: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    requests.push(pathname);

    if (pathname === BOUNDARY_PATH && boundaries !== 'dist') {
      if (boundaries === 'none') notFound(res);
      else await sendFile(req, res, boundaries);
      return;
    }

    const extra = options.files?.[pathname];
    if (typeof extra === 'number') {
      // No WWW-Authenticate: a browser would ask for the login itself; a 401 that reaches the page is one
      // whose login was cancelled or refused.
      res.writeHead(extra);
      res.end();
      return;
    }
    if (extra !== undefined) {
      await sendFile(req, res, extra);
      return;
    }

    if (demo && pathname.startsWith('/demo/')) {
      const file = path.join(demo, path.normalize(pathname.slice('/demo/'.length)));
      if (file.startsWith(demo + path.sep) && isFile(file)) await sendFile(req, res, file);
      else notFound(res);
      return;
    }

    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      notFound(res);
      return;
    }
    if (isFile(file)) {
      await sendFile(req, res, file);
      return;
    }
    const index = path.join(file, 'index.html');
    if (isFile(index)) {
      await sendFile(req, res, index);
      return;
    }
    // SPA fallback for app routes; a missing file (a path with an extension) is a real 404.
    if (path.extname(pathname) === '') {
      await sendFile(req, res, path.join(root, 'index.html'));
      return;
    }
    notFound(res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
