import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencedFiles } from '../../scripts/check-deploy';
import { writeCsp } from '../../scripts/csp-cli';
import { iconPng } from '../../scripts/icons';
import { revisionOf, withPrecacheRevision } from '../../scripts/precache-revision';
import { compress, precompressFile } from '../../scripts/precompress';
import { cacheControl, pickEncoding } from '../../scripts/precompressed-server';
import { isConfigUrl, isRuntimeDataUrl, withRevalidation } from '../../src/core/dataset/sw-routes';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'gancang-deploy-'));
const SW = (rev: string) =>
  `x=[{"revision":"aaa","url":"assets/a.js"},{"revision":"${rev}","url":"index.html"}];`;

describe('npm run csp (a basemap configured after the build)', () => {
  it('rewrites the meta tag, .htaccess, the service worker entry and the nginx snippet, and recompresses', async () => {
    const dist = tempDir();
    const page = '<head>\n    <meta charset="UTF-8" />\n  </head>';
    writeFileSync(path.join(dist, 'index.html'), page);
    writeFileSync(path.join(dist, 'index.html.gz'), 'stale');
    writeFileSync(path.join(dist, 'sw.js'), SW(revisionOf(page)));
    writeFileSync(
      path.join(dist, '.htaccess'),
      '# BEGIN gancang-security-headers\n# END gancang-security-headers\n',
    );
    const tiles = ['https://tiles.example.org/{z}/{x}/{y}.png'];
    writeFileSync(path.join(dist, 'config.json'), JSON.stringify({ basemap: { tiles, attribution: '' } }));
    const nginx = path.join(dist, 'headers.conf');

    const result = await writeCsp(path.join(dist, 'config.json'), nginx);

    expect(result.origins).toEqual(['https://tiles.example.org']);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain("connect-src 'self' https://tiles.example.org;");
    expect(readFileSync(path.join(dist, 'sw.js'), 'utf8')).toBe(SW(revisionOf(html)));
    expect(gunzipSync(readFileSync(path.join(dist, 'index.html.gz'))).toString()).toBe(html);
    expect(readFileSync(path.join(dist, '.htaccess'), 'utf8')).toContain('https://tiles.example.org');
    expect(readFileSync(nginx, 'utf8')).toContain("img-src 'self' data: blob: https://tiles.example.org;");
  });

  it('refuses a config whose tiles are not a list of URLs', async () => {
    const dist = tempDir();
    writeFileSync(path.join(dist, 'config.json'), JSON.stringify({ basemap: { tiles: 'https://x' } }));
    await expect(writeCsp(path.join(dist, 'config.json'), path.join(dist, 'h.conf'))).rejects.toThrow(
      /tiles/,
    );
  });
});

describe('withPrecacheRevision', () => {
  it('changes only the entry of the given URL, in either key order', () => {
    const sw = `${SW('0123abcd')}y={url:"index.html",revision:"ffff"}`;
    const out = withPrecacheRevision(sw, 'index.html', 'new page');
    expect(out).toContain(`{"revision":"${revisionOf('new page')}","url":"index.html"}`);
    expect(out).toContain('{"revision":"aaa","url":"assets/a.js"}');
    expect(withPrecacheRevision('[{url:"index.html",revision:"ab12"}]', 'index.html', 'p')).toBe(
      `[{url:"index.html",revision:"${revisionOf('p')}"}]`,
    );
    expect(() => withPrecacheRevision(sw, 'other.html', 'x')).toThrow(/no precache entry/);
  });
});

describe('precompression', () => {
  it('round-trips any content through gzip and brotli', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const [gz, br] = await compress(Buffer.from(bytes));
        expect(Buffer.compare(gunzipSync(gz), Buffer.from(bytes))).toBe(0);
        expect(Buffer.compare(brotliDecompressSync(br), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('writes a copy only when it is smaller', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'a.csv');
    writeFileSync(text, 'village_code,households\n'.repeat(200));
    const [gz, br] = await precompressFile(text);
    expect(gz).toBeGreaterThan(0);
    expect(br).toBeLessThan(gz);
    expect(brotliDecompressSync(readFileSync(`${text}.br`)).toString()).toBe(readFileSync(text, 'utf8'));
  });

  it('serves brotli before gzip, only when accepted', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.js');
    writeFileSync(file, 'x');
    writeFileSync(`${file}.gz`, 'x');
    expect(pickEncoding(file, 'gzip, deflate, br')).toBe('gzip');
    writeFileSync(`${file}.br`, 'x');
    expect(pickEncoding(file, 'gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding(file, 'gzip')).toBe('gzip');
    expect(pickEncoding(file, 'identity')).toBeNull();
  });

  it('caches hashed assets for a year and never the entry page or the settings', () => {
    expect(cacheControl('assets/index-AbC123_x.js')).toContain('immutable');
    expect(cacheControl('index.html')).toBe('no-store');
    expect(cacheControl('config.json')).toBe('no-store');
    expect(cacheControl('demo/households.csv')).toBe('no-cache');
  });
});

describe('service worker routes', () => {
  const sw = 'https://pemda.example.go.id/gancang/sw.js';
  const at = (p: string) => new URL(p, 'https://pemda.example.go.id/');

  it('keeps config.json and late data files of its own folder only', () => {
    expect(isConfigUrl(at('/gancang/config.json'), sw)).toBe(true);
    expect(isConfigUrl(at('/gancang/demo/config.json'), sw)).toBe(false);
    expect(isConfigUrl(at('/other/config.json'), sw)).toBe(false);
    expect(isRuntimeDataUrl(at('/gancang/boundaries/resmi-2025.geojson'), sw)).toBe(true);
    expect(isRuntimeDataUrl(at('/gancang/assets/index-abc.js'), sw)).toBe(false);
    expect(isRuntimeDataUrl(at('/gancang/config.json'), sw)).toBe(false);
    expect(isRuntimeDataUrl(at('/elsewhere/data.csv'), sw)).toBe(false);
    expect(isRuntimeDataUrl(new URL('https://tile.example.org/gancang/a.json'), sw)).toBe(false);
  });

  it('turns a cache-bypassing install fetch into a revalidation', () => {
    const request = new Request('https://x.example/gancang/demo/households.csv', { cache: 'reload' });
    const revalidating = withRevalidation(request);
    expect(revalidating.cache).toBe('no-cache');
    expect(revalidating.url).toBe(request.url);
    const normal = new Request('https://x.example/gancang/assets/a.js');
    expect(withRevalidation(normal)).toBe(normal);
  });
});

describe('icons', () => {
  it('are PNGs of the requested size', () => {
    for (const size of [192, 512]) {
      const png = iconPng(size);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});

describe('check:deploy', () => {
  it('finds the workers and the wasm a built main script loads, whatever their extension', () => {
    const js =
      'a=new URL(`maplibre-gl-worker-CZ.mjs`,import.meta.url).href;b=new URL("duckdb-browser-eh.worker-h.js", import.meta.url);' +
      'c=new URL(`duckdb-eh-9u.wasm`,import.meta.url);d=new URL(`coverage.worker-B.js`,import.meta.url);e=new URL(`x.png`,import.meta.url)';
    expect(referencedFiles(js)).toEqual({
      workers: ['maplibre-gl-worker-CZ.mjs', 'duckdb-browser-eh.worker-h.js', 'coverage.worker-B.js'],
      wasm: ['duckdb-eh-9u.wasm'],
    });
  });
});
