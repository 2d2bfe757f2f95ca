/**
 * End-to-end harness: serves the built app (dist/) from a tiny static server on 127.0.0.1 and drives
 * Debian's Chromium through playwright-core. Every request to another host is recorded, so a test can
 * prove the dashboard works fully offline and leaks nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GeoJSON } from 'geojson';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { readCsvRecords } from '../../src/data/csv-text';

export const ROOT = process.cwd();
/** The built app under test; E2E_DIST lets parallel work test its own build. */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags measured in docs/STACK.md: WebGL2 through SwiftShader, and no background traffic to the closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1440, height: 900 };
export const READY_TIMEOUT_MS = 120_000;

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

/** Fails with instructions when Chromium is not installed. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH). Never `npx playwright install` (it downloads a browser).',
    );
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

export interface DashboardOptions extends ServeOptions {
  /** Query string appended to the app URL, e.g. `lang=en` or `?section=supervisor`. */
  query?: string;
  /** Navigate to the app before returning (default true); waitReady is not called either way. */
  navigate?: boolean;
  /**
   * 'block': no service worker. For tests that block or stall the page's own requests: once the app's worker has
   * precached a file, the page's request for it never reaches the network (nor the test's route).
   */
  serviceWorkers?: 'allow' | 'block';
  /** A phone or tablet: this viewport, with a touch screen (taps) and a mobile browser's behaviour. */
  device?: { width: number; height: number };
}

export interface Dashboard {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  /** The app URL including the query. */
  url: string;
  /** Requests to any host other than 127.0.0.1/localhost. */
  foreignRequests: string[];
  /** Console messages of type error (including "Failed to load resource" for 404s). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  close: () => Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** True when a request URL leaves the machine (anything but the local server, data: and blob: URLs). */
export function isForeign(requestUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return true;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/** Starts the server, launches Chromium with a fresh profile and (by default) opens the dashboard. */
export async function openDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  assertBuilt(options.root ?? DIST);
  assertChromium();
  const server = await startStaticServer(options);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gancang-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: options.device ?? VIEWPORT,
      hasTouch: options.device !== undefined,
      isMobile: options.device !== undefined,
      deviceScaleFactor: 1,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      serviceWorkers: options.serviceWorkers ?? 'allow',
    });
  } catch (error) {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    if (isForeign(request.url())) foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
    }
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  const query = options.query ? (options.query.startsWith('?') ? options.query : `?${options.query}`) : '';
  const url = `${server.url}${query}`;

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  };

  if (options.navigate ?? true) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { page, context, server, url, foreignRequests, consoleErrors, pageErrors, close };
}

/**
 * Waits for `<html data-state="ready">`; throws with the visible error message as soon as the app reports
 * `data-state="error"`.
 */
export async function waitReady(page: Page, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  let state: string;
  try {
    const handle = await page.waitForFunction(
      () => {
        const current = document.documentElement.dataset.state;
        return current === 'ready' || current === 'error' ? current : false;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    state = (await handle.jsonValue()) as string;
    await handle.dispose();
  } catch (error) {
    // Say where it got stuck: the current state and what the loading screen shows.
    const where = await page
      .evaluate(() => ({
        state: document.documentElement.dataset.state ?? '(none)',
        loading: document.querySelector('[data-testid="loading"]')?.textContent?.trim() ?? null,
      }))
      .catch(() => ({ state: '(page gone)', loading: null }));
    const detail = where.loading ? `, loading screen: "${where.loading}"` : '';
    throw new Error(
      `dashboard not ready after ${timeoutMs} ms (data-state="${where.state}"${detail}): ${String(error)}`,
    );
  }
  if (state === 'error') {
    const message = await page
      .locator('[data-testid="error"]')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => '(no [data-testid="error"] element)');
    throw new Error(`dashboard reported data-state="error": ${(message ?? '').trim()}`);
  }
}

/** Runs an action that reloads the page, then waits (up to timeoutMs for each) for the NEW page to be ready. */
export async function afterReload(
  page: Page,
  action: () => Promise<unknown>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
  });
  await action();
  await page.waitForFunction(
    () => !(window as unknown as { __beforeReload?: boolean }).__beforeReload,
    undefined,
    { timeout: timeoutMs },
  );
  await waitReady(page, timeoutMs);
}

/** Saves a full-viewport PNG to test-output/screenshots/<name>.png and returns its path. */
/**
 * Resident memory (MB) of the harness's Chromium renderer processes (found by their profile directory,
 * <tmp>/gancang-e2e-*: other runs of the harness at the same time would count too); null when unknown.
 */
export function rendererRssMb(): number | null {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let kb = 0;
    for (const line of out.split('\n'))
      if (line.includes('--type=renderer') && line.includes('gancang-e2e-'))
        kb += Number(line.trim().split(/\s+/)[0]);
    return kb > 0 ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Width and height of a PNG file (from its IHDR chunk). */
export const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the live MapLibre map has finished rendering (no pending tiles or transitions). */
export async function waitMapIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__gancang?.map !== undefined, undefined, { timeout: timeoutMs });
  await page.evaluate(
    (timeout) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__gancang?.map;
        if (!map) {
          reject(new Error('window.__gancang.map is missing'));
          return;
        }
        // No named inner functions here: tsx/esbuild would wrap them in a `__name` helper the page lacks.
        const timer = setTimeout(() => reject(new Error(`map not idle after ${timeout} ms`)), timeout);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        // Force a frame so `idle` fires even when nothing is pending right now.
        map.triggerRepaint();
      }),
    timeoutMs,
  );
}

export interface GazetteerVillage {
  village_code: string;
  village_name: string;
  district_code: string;
  district_name: string;
  village_type: string;
  label_lon: number;
  label_lat: number;
  area_km2: number;
}

/** The committed gazetteer (data/villages.csv): codes, names and label points. */
export async function readGazetteer(
  file = path.join(ROOT, 'data', 'villages.csv'),
): Promise<GazetteerVillage[]> {
  return readCsvRecords(await readFile(file, 'utf8')).map((r) => ({
    village_code: r.village_code ?? '',
    village_name: r.village_name ?? '',
    district_code: r.district_code ?? '',
    district_name: r.district_name ?? '',
    village_type: r.village_type ?? '',
    label_lon: Number(r.label_lon),
    label_lat: Number(r.label_lat),
    area_km2: Number(r.area_km2),
  }));
}

/** The village with the largest area in the given kecamatan: its label point is well inside it. */
export function largestVillage(villages: GazetteerVillage[], districts: string[]): GazetteerVillage {
  const candidates = villages.filter((v) => districts.includes(v.district_name));
  const best = [...candidates].sort((a, b) => b.area_km2 - a.area_km2)[0];
  if (!best) throw new Error(`no village in ${districts.join(', ')} in data/villages.csv`);
  return best;
}

/** Distinct `village_code`s in the map's 'villages' source (rendered tiles may split a feature). */
export async function distinctVillageCodes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const map = window.__gancang?.map;
    if (!map) throw new Error('window.__gancang.map is missing');
    const codes = new Set<string>();
    const source = map.getSource('villages') as
      | { getData?: () => Promise<GeoJSON | string> | GeoJSON | string }
      | undefined;
    if (source?.getData) {
      const data = await source.getData();
      if (typeof data === 'object' && data !== null && data.type === 'FeatureCollection') {
        for (const f of data.features) {
          const code = f.properties?.village_code;
          if (code !== undefined && code !== null) codes.add(String(code));
        }
      }
    }
    if (codes.size === 0) {
      for (const f of map.querySourceFeatures('villages')) {
        const code = f.properties?.village_code;
        if (code !== undefined && code !== null) codes.add(String(code));
      }
    }
    return [...codes].sort();
  });
}

/**
 * Centres the map on a village's label point at `zoom`, waits for idle and moves the mouse there.
 * Returns the page coordinates hovered.
 */
export async function hoverVillage(
  page: Page,
  village: Pick<GazetteerVillage, 'label_lon' | 'label_lat'>,
  zoom = 12,
): Promise<{ x: number; y: number }> {
  await page.evaluate(
    ({ lon, lat, z }) => {
      window.__gancang?.map.jumpTo({ center: [lon, lat], zoom: z });
    },
    { lon: village.label_lon, lat: village.label_lat, z: zoom },
  );
  await waitMapIdle(page);
  const point = await page.evaluate(
    ({ lon, lat }) => {
      const map = window.__gancang?.map;
      if (!map) throw new Error('window.__gancang.map is missing');
      const p = map.project([lon, lat]);
      const rect = map.getContainer().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    { lon: village.label_lon, lat: village.label_lat },
  );
  // Approach from a few pixels away so the pointer actually moves over the village.
  await page.mouse.move(point.x - 20, point.y - 20);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/**
 * The rendered colour (r,g,b) at each lon/lat, read from a screenshot: the most frequent colour of a
 * (2r+1)² patch, so thin label glyphs and outlines do not count. null where the point is outside the map or
 * covered by another element (notice, tooltip, controls). Move the mouse off the villages first (hover highlight).
 */
export async function sampleMapColors(
  page: Page,
  lonLats: [number, number][],
  radius = 3,
): Promise<([number, number, number] | null)[]> {
  const points = await page.evaluate((coords) => {
    const map = window.__gancang?.map;
    if (!map) throw new Error('window.__gancang.map is missing');
    const canvas = map.getCanvas();
    const rect = map.getContainer().getBoundingClientRect();
    return coords.map(([lon, lat]) => {
      const p = map.project([lon, lat]);
      const x = Math.round(rect.left + p.x);
      const y = Math.round(rect.top + p.y);
      const inside = x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom;
      return inside && document.elementFromPoint(x, y) === canvas ? { x, y } : null;
    });
  }, lonLats);
  const png = (await page.screenshot()).toString('base64');
  // No named inner functions in evaluated code: tsx/esbuild would wrap them in a `__name` helper the page lacks.
  return page.evaluate(
    async ({ png, points, radius }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      return points.map((p) => {
        if (!p) return null;
        const size = 2 * radius + 1;
        const d = ctx.getImageData(p.x - radius, p.y - radius, size, size).data;
        const counts = new Map<string, number>();
        let best = '';
        let bestCount = 0;
        for (let i = 0; i < d.length; i += 4) {
          const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          const n = (counts.get(key) ?? 0) + 1;
          counts.set(key, n);
          if (n > bestCount) {
            best = key;
            bestCount = n;
          }
        }
        return best.split(',').map(Number) as [number, number, number];
      });
    },
    { png, points, radius },
  );
}

/**
 * Hovers the largest village of Kota Manna/Manna and checks the tooltip names it and its kecamatan;
 * saves a screenshot as `shotName`.
 */
export async function checkVillageTooltip(
  page: Page,
  gazetteer: GazetteerVillage[],
  shotName: string,
): Promise<void> {
  const village = largestVillage(gazetteer, ['Kota Manna', 'Manna']);
  await hoverVillage(page, village, 12);
  const tooltip = page.getByTestId('tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
  await screenshot(page, shotName);
  const content = (await tooltip.textContent()) ?? '';
  if (!content.includes(village.village_name) || !content.includes(village.district_name)) {
    throw new Error(`tooltip "${content}" lacks ${village.village_name} / ${village.district_name}`);
  }
}
