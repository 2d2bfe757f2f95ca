/**
 * `npm run check:deploy -- https://server/gancang/`: checks a deployed copy of the app the way a browser will
 * use it — the page, every worker, the DuckDB wasm, the service worker and the settings, with their types —
 * the guide's headers (security policy, caching, compression), and that the household files config.json names
 * are behind a login. FAIL = the app will not work there;
 * WARN = it works, but not as the guide sets it up. Exit code 1 when anything fails (or warns, with --strict).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parsePublishedDataset } from '../src/core/dataset/app-config.ts';

export type Level = 'ok' | 'warn' | 'fail';

export interface Check {
  level: Level;
  what: string;
  detail: string;
}

const JS = /^(application|text)\/(x-)?javascript\b/;

interface Fetched {
  url: string;
  status: number;
  headers: Headers;
  text: string | null;
}

async function get(url: string, withBody: boolean): Promise<Fetched> {
  const response = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip' }, redirect: 'follow' });
  const text = withBody ? await response.text() : null;
  if (!withBody) await response.body?.cancel();
  return { url: response.url, status: response.status, headers: response.headers, text };
}

/** The workers and the wasm the main script loads (relative to the script). */
export function referencedFiles(mainJs: string): { workers: string[]; wasm: string[] } {
  const names = [...mainJs.matchAll(/new URL\(\s*[`'"]([^`'"]+)[`'"]\s*,\s*import\.meta\.url\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
  return {
    workers: [...new Set(names.filter((n) => /worker[^/]*\.m?js$/.test(n)))],
    wasm: [...new Set(names.filter((n) => n.endsWith('.wasm')))],
  };
}

/** The text of the main script and of every chunk it imports (same folder, breadth first, bounded). */
async function scriptAndChunks(mainUrl: string, mainText: string): Promise<string> {
  const seen = new Set([mainUrl]);
  const texts = [mainText];
  for (let i = 0; i < texts.length && seen.size < 200; i++) {
    for (const m of (texts[i] ?? '').matchAll(/["'](\.\/[^"'\s]+\.js)["']/g)) {
      const url = new URL(m[1] ?? '', mainUrl).href;
      if (seen.has(url) || /worker/.test(url)) continue;
      seen.add(url);
      const chunk = await get(url, true);
      if (chunk.status === 200 && chunk.text) texts.push(chunk.text);
    }
  }
  return texts.join('\n');
}

/**
 * The household-level files config.json names (the dataset's tables, and the answers made ahead beside them) asked
 * without a login, as anyone on the network could: each must answer 401 or 403 (DEPLOY.md §7). One that is
 * served is household data open to all; one that is missing breaks the dashboard's load.
 */
export async function checkHouseholdFiles(configText: string, base: string): Promise<Check[]> {
  const checks: Check[] = [];
  let dataset: ReturnType<typeof parsePublishedDataset>;
  try {
    dataset = parsePublishedDataset((JSON.parse(configText) as { dataset?: unknown }).dataset, base);
  } catch (error) {
    const detail =
      error instanceof ConfigError ? error.message : 'not valid JSON: the dashboard cannot start';
    return [{ level: 'fail', what: 'config.json', detail }];
  }
  if (!dataset) return checks;
  const files = [...Object.values(dataset.files), ...(dataset.answers ? [dataset.answers] : [])];
  for (const file of files) {
    const url = new URL(file, base).href;
    const { status } = await get(url, false);
    if (status === 401 || status === 403)
      checks.push({
        level: 'ok',
        what: 'household data behind a login',
        detail: `HTTP ${status} for ${url}`,
      });
    else if (status === 200)
      checks.push({
        level: 'fail',
        what: 'household data behind a login',
        detail: `${url} is served to anyone without a login: protect its folder (DEPLOY.md §7)`,
      });
    else checks.push({ level: 'fail', what: 'household data', detail: `HTTP ${status} for ${url}` });
  }
  return checks;
}

export async function checkDeployment(appUrl: string): Promise<Check[]> {
  const base = appUrl.endsWith('/') ? appUrl : `${appUrl}/`;
  const checks: Check[] = [];
  const add = (level: Level, what: string, detail: string) => checks.push({ level, what, detail });
  const type = (f: Fetched) => f.headers.get('content-type') ?? '(none)';
  const expectType = (f: Fetched, what: string, pattern: RegExp) => {
    if (f.status !== 200) add('fail', what, `HTTP ${f.status} for ${f.url}`);
    else if (!pattern.test(type(f)))
      add('fail', what, `served as ${type(f)}: the browser refuses it (${f.url})`);
    else add('ok', what, type(f));
  };

  const page = await get(base, true);
  expectType(page, 'index.html', /^text\/html\b/);
  if (page.status !== 200 || !page.text) return checks;

  const main = /<script[^>]+src="([^"]+)"/.exec(page.text)?.[1];
  if (!main) {
    add('fail', 'index.html', 'no module script: is this the built dist/ (not the source index.html)?');
    return checks;
  }
  if (main.startsWith('/')) add('fail', 'index.html', `absolute script URL ${main}: breaks in a sub-folder`);
  const mainUrl = new URL(main, base).href;
  const mainJs = await get(mainUrl, true);
  expectType(mainJs, 'main script', JS);
  // The app itself is a chunk the main script imports (it is not loaded when framed): follow the chunks.
  const scripts = await scriptAndChunks(mainUrl, mainJs.text ?? '');
  const { workers, wasm } = referencedFiles(scripts);
  if (workers.length === 0) add('fail', 'workers', 'no worker found in the main script');
  for (const name of workers) expectType(await get(new URL(name, mainUrl).href, false), `worker ${name}`, JS);
  if (wasm.length === 0) add('fail', 'wasm', 'no wasm found in the main script');
  for (const name of wasm) {
    const file = await get(new URL(name, mainUrl).href, false);
    expectType(file, `wasm ${name}`, /^application\/wasm\b/);
    const encoding = file.headers.get('content-encoding');
    add(
      encoding ? 'ok' : 'warn',
      'compression',
      encoding ? `wasm sent as ${encoding}` : 'wasm sent uncompressed (34 MB)',
    );
    const cache = file.headers.get('cache-control') ?? '';
    add(/immutable/.test(cache) ? 'ok' : 'warn', 'cache of hashed files', cache || '(no Cache-Control)');
  }
  expectType(await get(new URL('sw.js', base).href, false), 'service worker', JS);
  const manifest = await get(new URL('manifest.json', base).href, false);
  if (manifest.status !== 200) add('warn', 'web app manifest', `HTTP ${manifest.status}: not installable`);
  const config = await get(new URL('config.json', base).href, true);
  if (config.status === 200) {
    expectType(config, 'config.json', /json/);
    const cache = config.headers.get('cache-control') ?? '';
    add(
      /no-store|no-cache/.test(cache) ? 'ok' : 'warn',
      'cache of config.json',
      cache || '(no Cache-Control)',
    );
    checks.push(...(await checkHouseholdFiles(config.text ?? '', base)));
  } else add('ok', 'config.json', `HTTP ${config.status}: defaults apply`);

  const headers = page.headers;
  const pageCache = headers.get('cache-control') ?? '';
  add(
    /no-store|no-cache/.test(pageCache) ? 'ok' : 'warn',
    'cache of index.html',
    pageCache || '(no Cache-Control)',
  );
  const csp = headers.get('content-security-policy');
  if (!csp)
    add('warn', 'Content-Security-Policy header', 'missing: only the meta tag applies (not to workers)');
  else if (!/frame-ancestors 'none'/.test(csp))
    add('warn', 'Content-Security-Policy header', 'no frame-ancestors');
  else add('ok', 'Content-Security-Policy header', 'sent');
  const expectHeader = (name: string, value: RegExp) => {
    const actual = headers.get(name);
    add(actual && value.test(actual) ? 'ok' : 'warn', name, actual ?? 'missing');
  };
  expectHeader('X-Content-Type-Options', /^nosniff$/i);
  expectHeader('Referrer-Policy', /^no-referrer$/i);
  expectHeader('Permissions-Policy', /camera=\(\)/);
  if (!base.startsWith('https:') && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(base)) {
    add('warn', 'HTTPS', 'plain http: household data travels unencrypted and the app cannot work offline');
  }
  return checks;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false } },
  });
  const url = positionals[0];
  if (!url) {
    console.error('usage: npm run check:deploy -- https://server/gancang/ [--strict]');
    process.exit(2);
  }
  const checks = await checkDeployment(url);
  for (const c of checks) console.log(`${c.level.toUpperCase().padEnd(4)}  ${c.what}: ${c.detail}`);
  const fails = checks.filter((c) => c.level === 'fail').length;
  const warns = checks.filter((c) => c.level === 'warn').length;
  console.log(`${fails} failed, ${warns} warnings, ${checks.length - fails - warns} ok`);
  process.exit(fails > 0 || (values.strict && warns > 0) ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
