import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n';

/** Every key path of a nested catalogue, e.g. "supervisor.col.name". */
const keys = (obj: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );

describe('i18n catalogues', () => {
  it('Bahasa Indonesia and English have exactly the same keys', () => {
    const id = keys(catalogue('id')).sort();
    const en = keys(catalogue('en')).sort();
    expect(id.length).toBeGreaterThan(100);
    expect(en).toEqual(id);
  });

  it('has no empty strings', () => {
    for (const lang of ['id', 'en']) {
      const flat = JSON.stringify(catalogue(lang));
      expect(flat).not.toContain('""');
    }
  });
});
