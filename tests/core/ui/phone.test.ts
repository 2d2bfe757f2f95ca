import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHONE_QUERY } from '../../../src/core/ui/phone';

const css = readFileSync(new URL('../../../src/styles/layout-phone.css', import.meta.url), 'utf8');

describe('the phone layout', () => {
  it('is switched on by the same media query in the stylesheet as in the code (folded legends, revealMap)', () => {
    const queries = [...css.matchAll(/@media\s+([^{]+)\{/g)].map((m) => (m[1] ?? '').trim());
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(query).toBe(PHONE_QUERY);
  });
});
