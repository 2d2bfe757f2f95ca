import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN_VALUE, type ImportIssue, type ImportReport, maskReport } from '../../../src/core/import';
import { COLUMN_POLICY, createMaskingPolicy } from '../../../src/core/privacy/privacy';

const policy = createMaskingPolicy(new Uint8Array(16).fill(7));

/** A households report whose file names its columns in its own way (source headers ≠ canonical names). */
function report(issues: ImportIssue[]): ImportReport {
  const mapping = Object.fromEntries(Object.keys(COLUMN_POLICY.households).map((c) => [c, `kolom_${c}`]));
  const examples: ImportReport['examples'] = {};
  for (const issue of issues) examples[issue.code] = [...(examples[issue.code] ?? []), issue];
  return { kind: 'households', mapping, examples, issues } as unknown as ImportReport;
}

const issue = (column: string | null, value: string | null): ImportIssue =>
  ({ row: 2, column, code: 'invalid_value', value }) as ImportIssue;

describe('validation reports shown or downloaded mask personal values', () => {
  it('ids become pseudonyms (a duplicate stays recognisable), names and NIK are hidden', () => {
    const masked = maskReport(
      report([
        issue('kolom_household_id', 'P1701012001000001'),
        issue('kolom_household_id', 'P1701012001000001'),
        issue('kolom_head_nik', '1701011110776526'),
        issue('kolom_head_name', 'Lukman'),
        issue('kolom_village_code', '17.01.99.9999'),
        issue('kolom_lon', '103,1667591'),
        issue('kolom_lat', 'x'),
        issue('kolom_tidak_dikenal', 'apa saja'),
        issue(null, 'apa saja'),
        issue('kolom_household_id', null),
      ]),
      policy,
    );
    const values = masked.issues.map((i) => i.value);
    expect(values[0]).toMatch(/^KL-[A-Z]{11}$/);
    expect(values[1]).toBe(values[0]);
    expect(values.slice(2, 4)).toEqual([HIDDEN_VALUE, HIDDEN_VALUE]);
    expect(values.slice(4, 7)).toEqual(['17.01.99.9999', '103.167', 'x']);
    expect(values.slice(7)).toEqual([HIDDEN_VALUE, HIDDEN_VALUE, null]);
    expect(masked.examples.invalid_value?.map((i) => i.value)).toEqual(values);
  });

  it('property: no digit run of an id, NIK or name survives in any personal column', () => {
    const personal = Object.entries(COLUMN_POLICY.households)
      .filter(([, t]) => t.kind === 'pseudonym' || t.kind === 'drop')
      .map(([c]) => `kolom_${c}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...personal), fc.stringMatching(/^[0-9A-Za-z ]{3,20}$/)), {
          minLength: 1,
        }),
        (pairs) => {
          const masked = maskReport(report(pairs.map(([c, v]) => issue(c, v))), policy);
          return masked.issues.every((i, k) => {
            const raw = pairs[k]?.[1] ?? '';
            return i.value !== raw && !/\d{3}/.test(i.value ?? '');
          });
        },
      ),
    );
  });

  it('boundary reports hold no personal data and are left as they are', () => {
    const boundaries = { ...report([issue('kode', '17.01.01.2001')]), kind: 'boundaries' } as ImportReport;
    expect(maskReport(boundaries, policy)).toBe(boundaries);
  });
});
