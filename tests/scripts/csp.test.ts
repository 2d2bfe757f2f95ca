import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APACHE_BEGIN,
  basemapOrigins,
  contentSecurityPolicy,
  nginxHeadersSnippet,
  withApacheHeaders,
  withCspMeta,
} from '../../scripts/csp';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  it('allows only the app origin by default', () => {
    const csp = contentSecurityPolicy({ basemap: null });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/https?:/);
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('adds the configured basemap host to connect-src and img-src only', () => {
    const csp = contentSecurityPolicy({ basemap: { tiles: ['https://tile.example.org/{z}/{x}/{y}.png'] } });
    expect(csp).toContain("connect-src 'self' https://tile.example.org;");
    expect(csp).toContain("img-src 'self' data: blob: https://tile.example.org;");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('forbids framing only in the header (a meta tag cannot, and browsers report it)', () => {
    expect(contentSecurityPolicy({ basemap: null }, 'header')).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ basemap: null }, 'meta')).not.toContain('frame-ancestors');
  });

  it('widens exactly by the basemap origins, whatever the tile hosts', () => {
    // Host names a URL can have ("xn--.aa" fits the pattern but is no host: an empty punycode label).
    const host = fc
      .stringMatching(/^[a-z][a-z0-9-]{0,10}\.[a-z]{2,5}$/)
      .filter((h) => URL.canParse(`https://${h}/`));
    fc.assert(
      fc.property(fc.array(host, { maxLength: 4 }), fc.constantFrom('meta', 'header'), (hosts, delivery) => {
        const tiles = hosts.map((h) => `https://${h}/{z}/{x}/{y}.png`);
        const csp = contentSecurityPolicy({ basemap: { tiles } }, delivery as 'meta' | 'header');
        const origins = [...new Set(hosts.map((h) => `https://${h}`))];
        expect(directive(csp, 'connect-src')).toEqual(["'self'", ...origins]);
        expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:', ...origins]);
        for (const name of ['default-src', 'script-src', 'worker-src', 'style-src', 'font-src']) {
          expect(directive(csp, name).some((s) => s.startsWith('https:'))).toBe(false);
        }
      }),
    );
  });

  it('refuses a tile URL that is not http(s), or no URL at all, naming it', () => {
    expect(() => basemapOrigins({ basemap: { tiles: ['javascript:alert(1)'] } })).toThrow(/http/);
    for (const template of [
      'https://xn--.aa/{z}/{x}/{y}.png',
      'tiles/{z}/{x}/{y}.png',
      'https://a b/{z}.png',
    ])
      expect(() => basemapOrigins({ basemap: { tiles: [template] } })).toThrow(
        `basemap tile URL is not a URL: ${template}`,
      );
  });
});

describe('the server snippets', () => {
  const config = JSON.parse(readFileSync('data/config.json', 'utf8'));

  it('deploy/nginx/gancang-headers.conf is the policy generated for data/config.json', () => {
    expect(readFileSync('deploy/nginx/gancang-headers.conf', 'utf8')).toBe(nginxHeadersSnippet(config));
  });

  it('deploy/apache/.htaccess carries the same headers', () => {
    const htaccess = readFileSync('deploy/apache/.htaccess', 'utf8');
    expect(withApacheHeaders(htaccess, config)).toBe(htaccess);
    expect(htaccess).toContain(APACHE_BEGIN);
  });

  it('sends nosniff, no-referrer, no framing and a Permissions-Policy that keeps only geolocation and fullscreen', () => {
    const snippet = nginxHeadersSnippet({ basemap: null });
    expect(snippet).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(snippet).toContain('add_header Referrer-Policy "no-referrer" always;');
    expect(snippet).toContain("frame-ancestors 'none'");
    const policy = /Permissions-Policy "([^"]+)"/.exec(snippet)?.[1] ?? '';
    const allowed = policy.split(', ').filter((p) => !p.endsWith('=()'));
    expect(allowed).toEqual(['geolocation=(self)', 'fullscreen=(self)']);
    expect(policy).toContain('camera=()');
  });
});

describe('withCspMeta', () => {
  const page = '<head>\n    <meta charset="UTF-8" />\n    <title>x</title>';

  it('inserts the tag once and replaces it on the next run', () => {
    const first = withCspMeta(page, { basemap: null });
    const second = withCspMeta(first, { basemap: { tiles: ['https://a.example.org/{z}/{x}/{y}.png'] } });
    expect(second.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(second).toContain('https://a.example.org');
    expect(withCspMeta(second, { basemap: null })).toBe(first);
  });
});
