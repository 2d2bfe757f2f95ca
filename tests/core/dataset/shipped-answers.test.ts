import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers, shippedAnswersFile } from '../../../src/core/dataset/shipped-answers';

const answersArb = fc
  .array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.uint8Array({ maxLength: 300 })), {
    maxLength: 12,
  })
  .map((entries) => new Map(entries));

describe('shipped answers', () => {
  it('reads back every answer as written, key for key and byte for byte', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(decodeAnswers(encodeAnswers(answers))).toEqual(answers);
      }),
    );
  });

  it('gives no answers from a file that is not one whole: cut short, with bytes left over, or another file', () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (answers, at, extra) => {
          const file = encodeAnswers(answers);
          expect(decodeAnswers(file.subarray(0, at % file.byteLength))).toBeNull();
          expect(decodeAnswers(new Uint8Array([...file, ...extra]))).toBeNull();
        },
      ),
    );
    expect(decodeAnswers(new TextEncoder().encode('<!doctype html><html></html>'))).toBeNull();
    expect(decodeAnswers(new Uint8Array(0))).toBeNull();
  });

  it('gives each answer its own bytes, not a view of the whole file (they are kept for the next visit one by one)', () => {
    const answers = decodeAnswers(encodeAnswers(new Map([['k', new Uint8Array([1, 2, 3])]])));
    const bytes = answers?.get('k');
    expect(bytes?.buffer.byteLength).toBe(3);
  });

  it('is named by the demo it was made from, beside its first look', () => {
    expect(shippedAnswersFile('e806be31')).toBe('first-look/demo-e806be31.answers.bin');
  });
});
