/** A file's name is a function of its bytes alone, and two different files never share one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest } from '../../../src/core/dataset/content-digest';

describe('a file named by its content', () => {
  it('is XXH128 of its bytes', async () => {
    // The reference implementation's value for no bytes (seed 0).
    expect(await contentDigest(new Uint8Array(0))).toBe('99aa06d3014798d86001c324468d497f');
  });

  it('gives the same bytes the same name, whatever else is named at the same time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 6 }),
        async (files) => {
          const together = await Promise.all(files.map((f) => contentDigest(f)));
          for (const [i, file] of files.entries())
            expect(await contentDigest(file.slice())).toBe(together[i]);
        },
      ),
    );
  });

  it('gives different files different names, whatever their lengths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), async (a, b) => {
        fc.pre(a.byteLength !== b.byteLength || a.some((v, i) => v !== b[i]));
        expect(await contentDigest(a)).not.toBe(await contentDigest(b));
      }),
    );
  });

  it('tells apart files that differ only in trailing zero bytes', async () => {
    const names = await Promise.all([0, 1, 2, 16, 17].map((n) => contentDigest(new Uint8Array(n))));
    expect(new Set(names).size).toBe(names.length);
  });
});
