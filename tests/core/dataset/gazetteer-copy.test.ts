import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentKey, gazetteerCopyPath } from '../../../src/core/dataset/gazetteer-copy';

// A copy is used only when its name matches the CSV served: any edit must name another file.
describe('contentKey', () => {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 4000 });

  it('is the same for the same bytes', () => {
    fc.assert(fc.property(bytes, (b) => contentKey(b) === contentKey(Uint8Array.from(b))));
  });

  it('changes when any one byte changes, wherever it is', () => {
    fc.assert(
      fc.property(bytes, fc.nat(), fc.integer({ min: 1, max: 255 }), (b, at, delta) => {
        const edited = Uint8Array.from(b);
        const i = at % b.length;
        edited[i] = ((edited[i] as number) + delta) % 256;
        return contentKey(edited) !== contentKey(b);
      }),
    );
  });

  it('changes when bytes are added or removed (a row appended, a line ending dropped)', () => {
    fc.assert(
      fc.property(bytes, fc.uint8Array({ minLength: 1, maxLength: 50 }), (b, more) => {
        const longer = new Uint8Array([...b, ...more]);
        return contentKey(longer) !== contentKey(b) && contentKey(b.subarray(1)) !== contentKey(b);
      }),
    );
  });

  it('names a copy beside the gazetteer, safe in a URL', () => {
    const path = gazetteerCopyPath(new TextEncoder().encode('village_code\n17.01.04.2001\n'));
    expect(path).toMatch(/^gazetteer\/villages-[0-9a-f]+-[0-9a-f]{16}\.arrow$/);
  });
});
