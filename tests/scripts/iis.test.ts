import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../scripts/csp';
import { IIS_TYPES, iisWebConfig } from '../../scripts/iis';

/** Opening and closing tags balance (self-closing ones stand alone): a minimal well-formedness check. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const [, close, name, self] of body.matchAll(/<(\/?)([\w.]+)[^>]*?(\/?)>/g)) {
    if (self) continue;
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

const BASEMAP = { basemap: { tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'] } };

describe('IIS web.config', () => {
  it('is well formed and names a type for every kind of file IIS would refuse', () => {
    const xml = iisWebConfig({ basemap: null });
    expect(balanced(xml)).toBe(true);
    for (const [ext, type] of IIS_TYPES)
      expect(xml).toContain(`<mimeMap fileExtension="${ext}" mimeType="${type}" />`);
    expect(xml).toContain('cacheControlMaxAge="365.00:00:00"');
  });

  it('sends the same security headers as the other guide configs, escaped for XML, for any basemap', () => {
    for (const config of [{ basemap: null }, BASEMAP]) {
      const xml = iisWebConfig(config);
      for (const [name, value] of securityHeaders(config)) {
        expect(xml).toContain(
          `<add name="${name}" value="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`,
        );
      }
    }
    expect(iisWebConfig(BASEMAP)).toContain('https://tiles.example.org');
    expect(iisWebConfig({ basemap: null })).not.toContain('tiles.example.org');
  });
});
