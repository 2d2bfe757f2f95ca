import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../../src/core/domain/schema';
import {
  COLUMN_POLICY,
  createMaskingPolicy,
  type IdKind,
  PSEUDONYM_ALPHABET,
  PSEUDONYM_LENGTH,
  PSEUDONYM_PREFIX,
  randomSalt,
  releasedColumns,
  SALT_BYTES,
  sessionPolicy,
} from '../../../src/core/privacy/privacy';

const KINDS = Object.keys(PSEUDONYM_PREFIX) as IdKind[];
const salt = (byte: number) => new Uint8Array(SALT_BYTES).fill(byte);
const arbSalt = fc.uint8Array({ minLength: SALT_BYTES, maxLength: SALT_BYTES });
const arbKind = fc.constantFrom(...KINDS);
/** Ids as they come: NIK/KK/NIP digit strings, P3KE ids, agent codes, anything. */
const arbId = fc.oneof(
  fc.stringMatching(/^\d{16}$/),
  fc.stringMatching(/^\d{18}$/),
  fc.stringMatching(/^P1701\d{12}$/),
  fc.stringMatching(/^AG\d{5}$/),
  fc.string({ minLength: 1, maxLength: 40 }),
);

/** Every run of ≥ 3 consecutive digits in `text`. */
const digitRuns = (text: string): string[] => text.match(/\d{3,}/g) ?? [];

describe('pseudonyms', () => {
  const policy = createMaskingPolicy(salt(7));

  it('have the documented shape: kind prefix, 11 letters without I/O, no digit at all', () => {
    const p = policy.pseudonym('nik', '1701011110776526');
    expect(p).toMatch(new RegExp(`^NK-[${PSEUDONYM_ALPHABET}]{${PSEUDONYM_LENGTH}}$`));
    expect(PSEUDONYM_ALPHABET).not.toMatch(/[\dIO]/);
  });

  it('keep empty values empty', () => {
    for (const raw of [null, undefined, '']) expect(policy.pseudonym('household', raw)).toBe('');
  });

  it('never contain a run of ≥ 3 digits of the input (property)', () => {
    fc.assert(
      fc.property(arbSalt, arbKind, arbId, (s, kind, raw) => {
        const p = createMaskingPolicy(s).pseudonym(kind, raw);
        for (const run of digitRuns(raw)) expect(p).not.toContain(run.slice(0, 3));
        expect(p).not.toMatch(/\d/);
      }),
    );
  });

  it('are deterministic for a salt and differ across salts (property)', () => {
    fc.assert(
      fc.property(arbSalt, arbSalt, arbKind, arbId, (s1, s2, kind, raw) => {
        const a = createMaskingPolicy(s1);
        expect(a.pseudonym(kind, raw)).toBe(createMaskingPolicy(Uint8Array.from(s1)).pseudonym(kind, raw));
        fc.pre(s1.some((b, i) => b !== s2[i]));
        expect(a.pseudonym(kind, raw)).not.toBe(createMaskingPolicy(s2).pseudonym(kind, raw));
      }),
    );
  });

  it('give distinct pseudonyms to distinct ids (property, then 1 million NIK-like ids)', () => {
    fc.assert(
      fc.property(arbSalt, fc.uniqueArray(arbId, { minLength: 2, maxLength: 300 }), (s, ids) => {
        const p = createMaskingPolicy(s);
        expect(new Set(ids.map((id) => p.pseudonym('household', id))).size).toBe(ids.length);
      }),
      { numRuns: 50 },
    );
    const seen = new Set<string>();
    const n = 1_000_000;
    for (let i = 0; i < n; i++) seen.add(policy.pseudonym('nik', `170101${String(i).padStart(10, '0')}`));
    expect(seen.size).toBe(n);
  }, 300_000);

  it('separate kinds: the same raw value gets a different pseudonym per kind', () => {
    const all = KINDS.map((kind) => policy.pseudonym(kind, 'AG00044'));
    expect(new Set(all.map((p) => p.slice(3))).size).toBe(KINDS.length);
  });

  it('tell apart ids that the old mask showed alike (`*****44` twice in the village profile)', () => {
    expect(policy.pseudonym('agent', 'AG00044')).not.toBe(policy.pseudonym('agent', 'AG01044'));
  });

  it('show full ids only in internal mode', () => {
    expect(policy.id('nip', '199510212023061830')).toBe(policy.pseudonym('nip', '199510212023061830'));
    expect(policy.id('nip', '199510212023061830', 'masked')).not.toContain('1995');
    expect(policy.id('nip', '199510212023061830', 'internal')).toBe('199510212023061830');
  });
});

describe('session salt', () => {
  it('is random per page load (crypto.getRandomValues) and the session policy is one per page', () => {
    expect(randomSalt()).toHaveLength(SALT_BYTES);
    expect(randomSalt()).not.toEqual(randomSalt());
    expect(sessionPolicy()).toBe(sessionPolicy());
    expect(() => createMaskingPolicy(new Uint8Array(4))).toThrow();
  });
});

describe('column policy', () => {
  it('classifies every column of every canonical table, so a new column is a decision', () => {
    for (const [table, specs] of Object.entries(TABLES)) {
      expect(Object.keys(COLUMN_POLICY[table as TableName]).sort()).toEqual(specs.map((s) => s.name).sort());
    }
  });

  it('releases no name, NIK or NIP, and no personal column unchanged', () => {
    for (const [table, specs] of Object.entries(TABLES)) {
      const released = new Map(releasedColumns(table as TableName));
      for (const spec of specs) {
        if (/name$|nik$|^nip$/.test(spec.name) && table !== 'villages')
          expect(released.has(spec.name)).toBe(false);
        if (spec.personal) expect(released.has(spec.name)).toBe(false);
        if (/_id$/.test(spec.name)) expect(released.get(spec.name)?.kind).toBe('pseudonym');
      }
    }
  });
});
