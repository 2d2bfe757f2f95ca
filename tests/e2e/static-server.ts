import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export const ROOT = process.cwd();
/** The built app under test; E2E_DIST lets parallel work test its own build. */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');

const BOUNDARY_PATH = '/boundaries/villages.geojson';
const SHIPPED_ANSWERS = /^\/first-look\/[^/]+\.answers\.bin$/;

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
  /**
   * False: the answers the build ships with the demo (src/core/dataset/shipped-answers.ts) answer 404, so that a
   * first visit asks the database, as it does for any other dataset.
   */
  shippedAnswers?: boolean;
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

/** Nothing is cached: every test sees the files as they are now (sirv's `dev` reads them at each request). */
const SIRV_OPTIONS = { dev: true, etag: false, dotfiles: false } as const;

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found');
}

/** One file of the local disk at this URL path (with byte ranges, as every file here). */
function fileAt(file: string): RequestHandler {
  const serve = sirv(path.dirname(file), SIRV_OPTIONS);
  const name = `/${encodeURIComponent(path.basename(file))}`;
  return (req, res) => {
    req.url = name;
    serve(req, res, () => notFound(res));
  };
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves `root` (dist/ by default) on 127.0.0.1 at a random free port with sirv, as an SPA (a path without an
 * extension falls back to index.html; a missing file is a 404), with no caching and byte ranges; the options
 * replace or remove single files.
 */
export async function startStaticServer(options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(options.root ?? DIST);
  assertBuilt(root);
  const boundaries = options.boundaries ?? 'dist';
  if (boundaries !== 'dist' && boundaries !== 'none' && !isFile(boundaries)) {
    throw new Error(`boundary file not found: ${boundaries}`);
  }
  const requests: string[] = [];
  const app = sirv(root, { ...SIRV_OPTIONS, single: true });
  const demo = options.demo ? sirv(path.resolve(options.demo), SIRV_OPTIONS) : null;
  const replaced = new Map<string, RequestHandler>();
  if (boundaries === 'none') replaced.set(BOUNDARY_PATH, (_req, res) => notFound(res));
  else if (boundaries !== 'dist') replaced.set(BOUNDARY_PATH, fileAt(boundaries));
  for (const [at, answer] of Object.entries(options.files ?? {}))
    replaced.set(
      at,
      typeof answer === 'number'
        ? // No WWW-Authenticate: a browser would ask for the login itself; a 401 that reaches the page is one
          // whose login was cancelled or refused.
          (_req, res) => {
            res.writeHead(answer);
            res.end();
          }
        : fileAt(answer),
    );

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const answer = replaced.get(safeDecode(pathname));
    if (answer) return answer(req, res);
    if (options.shippedAnswers === false && SHIPPED_ANSWERS.test(pathname)) return notFound(res);
    if (demo && pathname.startsWith('/demo/')) {
      req.url = pathname.slice('/demo'.length);
      return demo(req, res, () => notFound(res));
    }
    app(req, res, () => notFound(res));
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

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
