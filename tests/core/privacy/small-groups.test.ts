import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectRows, protectTree } from '../../../src/core/privacy/complementary-suppression';
import { blankRows, isShowable } from '../../../src/core/privacy/small-groups';
import { attack, type Fact } from '../../helpers/disclosure-attacker';
import { attackerCannotPin } from '../../helpers/protection';

describe('small groups', () => {
  it('1 or 2 households is a small group; empty and larger groups are not', () => {
    expect([0, 1, 2, 3, 100].map(isShowable)).toEqual([true, false, false, true, true]);
  });

  it('blankRows copies rows with the hidden ones blanked and flagged', () => {
    const rows = [
      { name: 'a', households: 2, pct: 50 },
      { name: 'b', households: 3, pct: 66.7 },
    ];
    expect(blankRows(rows, [true, false], ['pct'])).toEqual([
      { name: 'a', households: 2, pct: null, suppressed: true },
      { name: 'b', households: 3, pct: 66.7, suppressed: false },
    ]);
    expect(rows[0]?.pct).toBe(50);
  });
});

describe('protectRows (one table and its total)', () => {
  it('hides a second row beside a lone small group, choosing the smallest that is enough', () => {
    const rows = [{ n: 2 }, { n: 40 }, { n: 5 }, { n: 9 }];
    const { hidden, totalHidden } = protectRows(rows, (r) => r.n < 3, [
      { value: (r) => r.n, floor: 1, strict: true },
    ]);
    expect(hidden).toEqual([true, false, true, false]);
    expect(totalHidden).toBe(false);
  });

  it('withholds the total when hiding every row is not enough', () => {
    const rows = [{ n: 1 }, { n: 1 }];
    const { hidden, totalHidden } = protectRows(rows, (r) => r.n < 3, [
      { value: (r) => r.n, floor: 1, strict: true },
    ]);
    expect(hidden).toEqual([true, true]);
    expect(totalHidden).toBe(true);
  });

  it('hides nothing without small groups', () => {
    const { hidden } = protectRows([{ n: 3 }, { n: 7 }], (r) => r.n < 3, [
      { value: (r) => r.n, floor: 1, strict: true },
    ]);
    expect(hidden).toEqual([false, false]);
  });
});

/** A random three-level tree (regency → kecamatan → villages) of household counts. */
const tree = fc
  .array(
    fc.array(fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 60 })), {
      minLength: 1,
      maxLength: 7,
    }),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((districts) => ({
    id: 'r',
    primary: false,
    values: [districts.flat().reduce((s, v) => s + v, 0)],
    children: districts.map((villages, d) => {
      const sum = villages.reduce((s, v) => s + v, 0);
      return {
        id: `d${d}`,
        primary: sum < 3,
        values: [sum],
        children: villages.map((v, i) => ({ id: `d${d}v${i}`, primary: v < 3, values: [v] })),
      };
    }),
  }));

describe('protectTree against the solver', () => {
  it('no hidden figure of a hierarchy can be pinned or shown to be small, whatever the tree', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const { hidden, totalHidden } = protectTree(root, [{ floor: 1, strict: true }]);
        // What the two exports and the regency total show, as facts over the hidden figures.
        const facts: Fact[] = [];
        const term = (node: { id: string; values: readonly number[] }) =>
          hidden.has(node.id) ? { [node.id]: 1 } : {};
        const constant = (node: { id: string; values: readonly number[] }) =>
          hidden.has(node.id) ? 0 : (node.values[0] as number);
        const sumFact = (
          parent: { id: string; values: readonly number[] },
          kids: { id: string; values: readonly number[] }[],
          parentShown: boolean,
        ) => {
          const terms: Record<string, number> = {};
          let known = 0;
          for (const k of kids) {
            Object.assign(terms, term(k));
            known += constant(k);
          }
          if (parentShown) facts.push({ terms, equal: (parent.values[0] as number) - known });
          else facts.push({ terms: { ...terms, [parent.id]: -1 }, equal: -known });
        };
        sumFact(root, root.children, !totalHidden);
        for (const d of root.children) sumFact(d, d.children, !hidden.has(d.id));
        const unknowns = [...hidden].filter((id) => id !== 'r');
        if (totalHidden) unknowns.push('r');
        const floors = Object.fromEntries(unknowns.map((u) => [u, 1]));
        const ranges = attack(unknowns, facts, floors);
        expect(ranges).not.toBeNull();
        const primary = new Map<string, boolean>();
        for (const d of root.children) {
          primary.set(d.id, d.primary);
          for (const v of d.children) primary.set(v.id, v.primary);
        }
        for (const [id, isPrimary] of primary) {
          if (isPrimary) expect(hidden.has(id)).toBe(true);
          if (!hidden.has(id)) continue;
          const r = ranges?.get(id);
          expect(r && attackerCannotPin(r, isPrimary), `${id} ${JSON.stringify(r)}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
