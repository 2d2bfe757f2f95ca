import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/csp';

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
});
